// `npm run migrate`: applies pending migrations to DATABASE_URL.
import { InfraEnv, loadEnv } from '#runtime';
import { runMigrations } from './run-migrations.js';

try {
  const env = loadEnv(InfraEnv);
  const applied = await runMigrations(env.DATABASE_URL);
  console.log(
    applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.',
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
