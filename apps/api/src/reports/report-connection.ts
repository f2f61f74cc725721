import { finished, type Readable } from 'node:stream';
import type pg from 'pg';
import type { DataSource } from 'typeorm';

type PostgresRunner = { connect(): Promise<pg.PoolClient>; releasePostgresConnection(error?: Error): Promise<void> };

/**
 * A stream read from a pooled connection of its own, which goes back to the pool when the stream has ended. A
 * stream cut short (the client went away) may leave the connection mid-COPY or mid-cursor, so it is closed instead.
 */
export async function streamFromConnection(
  dataSource: DataSource,
  open: (client: pg.PoolClient) => Readable,
): Promise<Readable> {
  const runner = dataSource.createQueryRunner() as unknown as PostgresRunner;
  const client = await runner.connect();
  let stream: Readable;
  try {
    stream = open(client);
  } catch (error) {
    await runner.releasePostgresConnection(error as Error);
    throw error;
  }
  finished(stream, (error) => void runner.releasePostgresConnection(error ?? undefined));
  return stream;
}
