import type { DataSource } from 'typeorm';

/** Empties every entity table, so each test starts from nothing whatever ran before it. */
export async function resetDatabase(dataSource: DataSource): Promise<void> {
  const tables = dataSource.entityMetadatas.map((metadata) => `"${metadata.tableName}"`);
  await dataSource.query(`TRUNCATE ${[...new Set(tables)].join(', ')} RESTART IDENTITY CASCADE`);
}
