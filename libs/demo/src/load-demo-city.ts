// Loads the demo city into DATABASE_URL (migrated): `node dist/libs/demo/src/load-demo-city.js [--reset]
// [--seed SEED]`. Only an empty database is loaded, so running it again is safe; --reset empties every table first.
// Decorator metadata must exist before AppEnv's class is defined, or its numbers are not converted.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { AppEnv, loadEnv, systemClock } from '#runtime';
import { localDateOf } from '#domain';
import { describeDemoCity } from './demo-summary.js';
import { generateDemoCity } from './generate-demo-city.js';
import { hasNoProcurementData, truncateAllTables, writeDemoCity } from './write-demo-city.js';

const DEFAULT_SEED = 'riverton';

try {
  const { values } = parseArgs({
    options: { reset: { type: 'boolean', default: false }, seed: { type: 'string', default: DEFAULT_SEED } },
    strict: true,
  });
  const env = loadEnv(AppEnv);
  const client = new pg.Client({ connectionString: env.DATABASE_URL, application_name: 'cpt-demo' });
  await client.connect();
  try {
    await client.query('BEGIN');
    // Two demos starting at once must not both find the database empty.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('cpt-demo-city'))`);
    if (values.reset) await truncateAllTables(client);
    if (await hasNoProcurementData(client)) {
      const started = performance.now();
      const city = generateDemoCity({ seed: values.seed, today: localDateOf(systemClock.now(), env.CITY_TIMEZONE) });
      await writeDemoCity(client, city);
      await client.query('COMMIT');
      console.log(`Loaded the demo city in ${Math.round(performance.now() - started)} ms: ${describeDemoCity(city)}.`);
    } else {
      await client.query('ROLLBACK');
      console.log('The database already holds data; the demo city was not loaded (--reset starts over).');
    }
  } finally {
    await client.end();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
