import { typeormOptions } from '#database';
import { generateDemoCity, writeDemoCity } from '#demo';
import { createApiKey, resetDatabase, startAppProcess } from '#testing';
import { DataSource } from 'typeorm';

const TABLES = {
  departments: 'departments',
  vendors: 'vendors',
  certifications: 'vendor_certifications',
  solicitations: 'solicitations',
  bids: 'bids',
  contracts: 'contracts',
  kpis: 'kpis',
  measurements: 'measurements',
  payments: 'payments',
} as const;

describe('the demo city', () => {
  let dataSource: DataSource;
  const count = async (table: string) =>
    ((await dataSource.query(`SELECT count(*) AS n FROM ${table}`)) as { n: number }[])[0].n;

  beforeAll(async () => {
    dataSource = new DataSource(
      typeormOptions({ url: process.env.DATABASE_URL!, applicationName: 'cpt-test', poolSize: 2 }),
    );
    await dataSource.initialize();
  });
  beforeEach(() => resetDatabase(dataSource));
  afterAll(() => dataSource.destroy());

  it('should be written row for row, values and timestamps intact, with no audit events', async () => {
    const city = generateDemoCity({
      seed: 3,
      today: '2026-11-22',
      sizes: { departments: 4, vendors: 30, solicitations: 20, contracts: 25, months: 6 },
    });
    await dataSource.transaction((manager) => writeDemoCity(manager, city));

    for (const [key, table] of Object.entries(TABLES)) {
      expect([table, await count(table)]).toEqual([table, city[key as keyof typeof TABLES].length]);
    }
    expect(await count('audit_events')).toBe(0);
    const solicitation = city.solicitations.find((candidate) => candidate.kpiTemplates.length > 1)!;
    const [stored] = await dataSource.query(
      'SELECT kpi_templates, published_at, status FROM solicitations WHERE id = $1',
      [solicitation.id],
    );
    expect(stored).toEqual({
      kpi_templates: solicitation.kpiTemplates,
      published_at: solicitation.publishedAt,
      status: solicitation.status,
    });
    const measurement = city.measurements[0];
    const [value] = await dataSource.query('SELECT value, recorded_at, source FROM measurements WHERE id = $1', [
      measurement.id,
    ]);
    expect(value).toEqual({
      value: measurement.value,
      recorded_at: measurement.recordedAt,
      source: measurement.source,
    });
  });

  it('should load only into an empty database, and start over with --reset', async () => {
    // Numeric variables as the demo sets them: the loader must convert them like the apps do.
    const env = { DATABASE_URL: process.env.DATABASE_URL!, PORT: '3000', NOTIFY_WITHIN_DAYS: '12' };
    const load = async (...args: string[]) => {
      const loader = startAppProcess('load-demo', env, args);
      expect((await loader.waitForExit(60_000)).code).toBe(0);
      return loader.output();
    };

    expect(await load()).toMatch(/Loaded the demo city .*: 12 departments, 300 vendors, .*200 contracts/);
    const contracts = await dataSource.query('SELECT id FROM contracts ORDER BY id');

    await createApiKey(dataSource, 'admin');
    expect(await load()).toContain('already holds data; the demo city was not loaded');
    expect(await dataSource.query('SELECT id FROM contracts ORDER BY id')).toEqual(contracts);
    expect(await count('api_keys')).toBe(1);

    expect(await load('--reset')).toMatch(/Loaded the demo city/);
    expect(await count('api_keys')).toBe(0);
    expect(await count('contracts')).toBe(200);
  }, 120_000);
});
