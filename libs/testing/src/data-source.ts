import { typeormOptions } from '#database';
import { DataSource } from 'typeorm';

/** Anything that runs SQL with positional parameters: a TypeORM DataSource or a node-postgres client. */
export type SqlRunner = { query(sql: string, parameters?: unknown[]): Promise<unknown> };

/**
 * A TypeORM DataSource of the caller's own, with the applications' options and a small pool: tests and
 * benchmarks seed and read through it instead of borrowing an application's.
 */
export async function openDataSource(
  url: string = process.env.DATABASE_URL!,
  applicationName = 'cpt-test',
): Promise<DataSource> {
  return new DataSource(typeormOptions({ url, applicationName, poolSize: 4 })).initialize();
}
