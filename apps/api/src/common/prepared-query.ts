import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { typeormPool } from './typeorm-pool.js';

/** Statement names by text: one per distinct statement, so each pooled connection prepares it once. */
const names = new Map<string, string>();

/**
 * Runs `text` as a named prepared statement on TypeORM's own pool. PostgreSQL then parses and plans it once per
 * connection instead of on every call, which for the statements every request runs (the key lookup, the contracts
 * list) was more PostgreSQL CPU than executing them. Only for reads whose text comes from a bounded set: each
 * distinct text stays prepared on every connection for the life of the pool.
 */
export async function preparedQuery<Row>(dataSource: DataSource, text: string, values: unknown[]): Promise<Row[]> {
  let name = names.get(text);
  if (!name) {
    name = `cpt_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  const result = await typeormPool(dataSource).query({ name, text, values });
  return result.rows as Row[];
}
