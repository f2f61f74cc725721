import { DataSource } from 'typeorm';
import { ensureDatabaseExists } from './ensure-database.js';
import { typeormOptions } from './typeorm-options.js';

/** Creates the database if needed and applies pending migrations; running it again changes nothing. */
export async function runMigrations(url: string): Promise<string[]> {
  await ensureDatabaseExists(url);
  const dataSource = new DataSource(typeormOptions({ url, applicationName: 'cpt-migrate', poolSize: 1 }));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
