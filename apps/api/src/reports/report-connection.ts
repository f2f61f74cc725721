import { finished, type Readable } from 'node:stream';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { typeormPool } from '../common/typeorm-pool.js';

/**
 * A stream read from a pooled connection of its own, which goes back to the pool when the stream has ended. A
 * stream cut short (the client went away) may leave the connection mid-COPY or mid-cursor, so it is closed instead
 * (pg's `release(error)` destroys the connection rather than returning it).
 */
export async function streamFromConnection(
  dataSource: DataSource,
  open: (client: pg.PoolClient) => Readable,
): Promise<Readable> {
  const client = await typeormPool(dataSource).connect();
  let stream: Readable;
  try {
    stream = open(client);
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  // A connection lost mid-stream fails the stream (a checked-out pg client's 'error' needs a listener).
  const lost = (error: Error) => stream.destroy(error);
  client.on('error', lost);
  finished(stream, (error) => {
    client.off('error', lost);
    client.release(error ?? undefined);
  });
  return stream;
}
