import { randomBytes } from 'node:crypto';
import { runMigrations } from '#database';
import pg from 'pg';

export type BenchDatabase = { url: string; drop(): Promise<void> };

/**
 * A migrated database of the benchmark's own on the server of BENCH_DATABASE_URL (default: the local one), as
 * the e2e tests have theirs: a run never meets a developer's data, nor another run.
 */
export async function createBenchDatabase(label: string): Promise<BenchDatabase> {
  const server = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = '/postgres';
  const name = `cpt_bench_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: server.toString() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
