import { finished } from 'node:stream/promises';
import { typeormOptions } from '#database';
import { waitFor } from '#testing';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import { typeormPool } from '../src/common/typeorm-pool.js';
import { streamFromConnection } from '../src/reports/report-connection.js';

// Report streams hold a pooled connection of their own: it goes back to the pool when the stream has ended, and
// is closed when the stream is cut short (it may be mid-cursor).
describe('a report stream’s connection', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await new DataSource(
      typeormOptions({ url: process.env.DATABASE_URL!, applicationName: 'cpt-test-reports', poolSize: 2 }),
    ).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  /** Streams `rows` numbers, and tells which backend (connection) ran them. */
  async function numbers(rows: number) {
    let backendPid!: Promise<number>;
    const stream = await streamFromConnection(dataSource, (client) => {
      // Queries on one client run in order: this one answers before the stream starts.
      backendPid = client.query('SELECT pg_backend_pid() AS pid').then((result) => result.rows[0].pid);
      return client.query(new QueryStream('SELECT n FROM generate_series(1, $1::int) n', [rows]));
    });
    return { stream, backendPid };
  }

  const backendAlive = async (pid: number) =>
    (await dataSource.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).length === 1;

  it('should hand the connection back to the pool when the stream has been read to the end', async () => {
    const { stream, backendPid } = await numbers(3);
    const read = await stream.toArray();
    expect(read.map((row: { n: number }) => row.n)).toEqual([1, 2, 3]);
    await waitFor('the connection to be idle in the pool', async () => {
      const pool = typeormPool(dataSource);
      if (pool.idleCount !== pool.totalCount) throw new Error(`${pool.idleCount} of ${pool.totalCount} idle`);
    });
    expect(await backendAlive(await backendPid)).toBe(true);
  });

  it('should close the connection when the stream is cut short mid-cursor', async () => {
    const { stream, backendPid } = await numbers(10_000_000);
    for await (const row of stream) {
      expect(row).toEqual({ n: 1 });
      break; // leaving the loop destroys the stream, as a client that went away does
    }
    await finished(stream).catch(() => undefined);
    await waitFor('the backend to be gone', async () => {
      if (await backendAlive(await backendPid)) throw new Error('still connected');
    });
    // The pool goes on with a fresh connection.
    expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
