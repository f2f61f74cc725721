import pg from 'pg';
import { Redis } from 'ioredis';

/** Drops the run's database and its Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const database = new URL(process.env.DATABASE_URL!);
  const name = database.pathname.slice(1);
  database.pathname = '/postgres';
  const client = new pg.Client({ connectionString: database.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  await client.end();

  // A failing command rejects with the cause, which fails the teardown; the 'error' events of reconnects add nothing.
  const redis = new Redis(process.env.REDIS_URL!);
  redis.on('error', () => undefined);
  const keys = await redis.keys(`${process.env.QUEUE_PREFIX}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}
