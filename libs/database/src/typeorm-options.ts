import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';
import { configurePgTypes } from './pg-types.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export type DatabaseOptions = {
  url: string;
  /** Shown in `pg_stat_activity`, which tells operators which process holds a connection. */
  applicationName: string;
  poolSize?: number;
};

/** The one set of TypeORM options used by the API, the worker, the CLI and the tests. */
export function typeormOptions({ url, applicationName, poolSize = 10 }: DatabaseOptions): DataSourceOptions {
  configurePgTypes();
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    // The schema only ever changes through migrations (`npm run migrate`).
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    applicationName,
    extra: {
      max: poolSize,
      // A request must not hang when PostgreSQL is gone: fail fast and let health checks answer 503.
      connectionTimeoutMillis: 3000,
      keepAlive: true,
    },
  };
}
