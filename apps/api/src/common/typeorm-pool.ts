import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * TypeORM's own pg pool (the driver's public `master`), for what the ORM has no API for: named prepared
 * statements, and a connection held by a stream. Sharing it keeps one pool size and one set of connections.
 */
export function typeormPool(dataSource: DataSource): Pool {
  const { driver } = dataSource;
  if (!(driver instanceof PostgresDriver) || !driver.master) {
    throw new Error('The data source is not a connected PostgreSQL one');
  }
  return driver.master;
}
