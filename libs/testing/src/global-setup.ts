// Jest loads global setup outside the test module system (CommonJS, no path mapping), so this file imports
// packages only. Migrations run from migrate-before-tests.ts, inside the test environment.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Each e2e run gets its own database and its own Redis key prefix, so runs (and a developer's own data)
 * never meet. TEST_DATABASE_URL and TEST_REDIS_URL point the run at other servers.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const server = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = '/postgres';
  const database = new URL(server);
  database.pathname = `/cpt_test_${runId}`;

  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${pg.escapeIdentifier(`cpt_test_${runId}`)}`);
  await client.end();

  Object.assign(process.env, {
    DATABASE_URL: database.toString(),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `cpt-test-${runId}`.replace(/_/g, '-'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  });
}
