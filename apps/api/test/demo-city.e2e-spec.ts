import { typeormOptions } from '#database';
import {
  ANNUAL_KPI,
  countOf,
  demoNotifyWithinDays,
  describeRun,
  generateDemoCity,
  KPI_LIBRARY,
  readRunNotices,
  serviceLineOfTitle,
  serviceLineOfVendorName,
  writeDemoCity,
} from '#demo';
import { localDateOf, type EvaluationCounts } from '#domain';
import {
  createApiKey,
  resetDatabase,
  startAppProcess,
  startWorkerHarness,
  startWorkers,
  stopWorkers,
  waitForQuiet,
  waitForRun,
  workerEnv,
  type AppProcess,
  type WorkerHarness,
} from '#testing';
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

/** The loader's nouns for its tables, singular. */
const TABLE_OF_NOUN: Record<string, string> = {
  department: 'departments',
  vendor: 'vendors',
  certification: 'vendor_certifications',
  solicitation: 'solicitations',
  bid: 'bids',
  contract: 'contracts',
  KPI: 'kpis',
  measurement: 'measurements',
  payment: 'payments',
};

/** "2,348" as a number. */
const numberOf = (text: string) => Number(text.replace(/,/g, ''));

describe('the demo city', () => {
  let dataSource: DataSource;
  const count = async (table: string) =>
    ((await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0].n;

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

    const loaded = await load();
    expect(loaded).toMatch(/Loaded the demo city .*: 12 departments, 300 vendors, .*200 contracts/);
    // What it printed is what the tables hold, each count with its noun in the right number.
    const parts = /Loaded the demo city in \d+ ms: (.*)\./.exec(loaded)![1].split(', ');
    const printed = parts.map((part) => {
      const [, digits, noun] = /^([\d,]+) (.+)$/.exec(part)!;
      const singular = Object.keys(TABLE_OF_NOUN).find((candidate) => countOf(numberOf(digits), candidate) === part);
      return [singular && TABLE_OF_NOUN[singular], numberOf(digits), noun];
    });
    const stored = await Promise.all(
      Object.entries(TABLE_OF_NOUN).map(async ([noun, table]) => [table, await count(table), `${noun}s`]),
    );
    expect(printed).toEqual(stored);

    const contracts = await dataSource.query('SELECT id FROM contracts ORDER BY id');
    await createApiKey(dataSource, 'admin');
    expect(await load()).toContain('already holds data; the demo city was not loaded');
    expect(await dataSource.query('SELECT id FROM contracts ORDER BY id')).toEqual(contracts);
    expect(await count('api_keys')).toBe(1);

    expect(await load('--reset')).toMatch(/Loaded the demo city/);
    expect(await count('api_keys')).toBe(0);
    expect(await count('contracts')).toBe(200);

    // As stored: each vendor's name says its service line, and its contracts and bids are of that line only.
    const rows: { vendor: string; title: string; department: string; kpis: string[] }[] = await dataSource.query(
      `SELECT v.legal_name AS vendor, c.title, d.code AS department, array_agg(k.name ORDER BY k.name) AS kpis
         FROM contracts c JOIN vendors v ON v.id = c.vendor_id JOIN departments d ON d.id = c.department_id
         JOIN kpis k ON k.contract_id = c.id
        GROUP BY c.id, v.legal_name, d.code`,
    );
    expect(rows).toHaveLength(200);
    const strays = rows.flatMap(({ vendor, title, department, kpis }) => {
      const line = serviceLineOfVendorName(vendor);
      const names = new Set([...(line?.kpis ?? []).map((key) => KPI_LIBRARY[key].name), ANNUAL_KPI.name]);
      const fits =
        line !== undefined &&
        serviceLineOfTitle(title) === line &&
        department === line.department &&
        kpis.every((name) => names.has(name));
      return fits ? [] : [{ vendor, title, department, kpis }];
    });
    expect(strays).toEqual([]);
    const bids: { vendor: string; title: string }[] = await dataSource.query(
      `SELECT v.legal_name AS vendor, s.title FROM bids b
         JOIN vendors v ON v.id = b.vendor_id JOIN solicitations s ON s.id = b.solicitation_id`,
    );
    expect(bids.length).toBeGreaterThan(200);
    expect(bids.filter(({ vendor, title }) => serviceLineOfVendorName(vendor) !== serviceLineOfTitle(title))).toEqual(
      [],
    );
  }, 120_000);
});

// What `npm run demo` prints after its evaluation, against the rows that evaluation wrote. The worker reads the
// system clock, so the city is generated for the city's today, as the demo does; the counts compared do not
// depend on which day that is.
describe("the demo's evaluation summary", () => {
  let harness: WorkerHarness;
  let workers: AppProcess[] = [];

  beforeAll(async () => {
    harness = await startWorkerHarness();
  }, 60_000);
  afterAll(async () => {
    await stopWorkers(workers);
    await harness?.close();
  }, 60_000);

  it('should count what the run judged and every notice it wrote, meeting packs included', async () => {
    await harness.reset();
    const today = localDateOf(new Date(), 'America/New_York');
    const city = generateDemoCity({
      seed: 'summary',
      today,
      sizes: { departments: 4, vendors: 30, solicitations: 20, contracts: 25, months: 4 },
    });
    await harness.dataSource.transaction((manager) => writeDemoCity(manager, city));
    const admin = await createApiKey(harness.dataSource, 'admin');
    workers = await startWorkers(
      1,
      workerEnv(harness.sink, { NOTIFY_WITHIN_DAYS: String(demoNotifyWithinDays(today)) }),
    );

    const { body } = await harness.http.post('/api/v1/evaluation-runs', { token: admin, body: {} });
    const run = await waitForRun(harness.http, admin, body.id);
    await waitForQuiet(harness);
    const summary = describeRun(run.counts as EvaluationCounts, await readRunNotices(harness.dataSource, body.id));

    const judged: { status: string; n: number }[] = await harness.dataSource.query(
      `SELECT status, count(*)::int AS n FROM kpi_evaluations GROUP BY status`,
    );
    const byStatus = Object.fromEntries(judged.map(({ status, n }) => [status, n]));
    const [{ contracts }] = await harness.dataSource.query(
      `SELECT count(DISTINCT contract_id)::int AS contracts FROM kpis WHERE active`,
    );
    const evaluation =
      /^([\d,]+) KPI periods? over ([\d,]+) contracts?: ([\d,]+) on track, ([\d,]+) at risk, ([\d,]+) missing, ([\d,]+) off track$/.exec(
        summary.evaluation,
      )!;
    expect(evaluation.slice(1).map(numberOf)).toEqual([
      judged.reduce((sum, { n }) => sum + n, 0),
      contracts,
      byStatus.on_track ?? 0,
      byStatus.at_risk ?? 0,
      byStatus.missing ?? 0,
      byStatus.off_track ?? 0,
    ]);

    const outbox: { kind: string; status: string; n: number }[] = await harness.dataSource.query(
      `SELECT kind, status, count(*)::int AS n FROM notifications GROUP BY kind, status`,
    );
    const sum = (rows: typeof outbox) => rows.reduce((total, { n }) => total + n, 0);
    const ofKind = (kind: string) => sum(outbox.filter((row) => row.kind === kind));
    const ofStatus = (status: string) => sum(outbox.filter((row) => row.status === status));
    expect(ofKind('meeting_pack')).toBeGreaterThan(0);
    expect(ofStatus('sent')).toBeGreaterThan(0);
    expect(ofStatus('suppressed')).toBeGreaterThan(0);
    const expectedNotices =
      `${countOf(sum(outbox), 'notice')}: ${countOf(ofKind('off_track'), 'off-track notice')}, ` +
      `${countOf(ofKind('missing_data'), 'missing-data notice')}, ${countOf(ofKind('escalation'), 'escalation')}, ` +
      `${countOf(ofKind('meeting_pack'), 'meeting pack')}; ${ofStatus('sent')} emailed, ${ofStatus('suppressed')} suppressed`;
    expect(summary.notices).toBe(expectedNotices);
    // Every email sent reached the mail server: the demo's mail catcher shows as many.
    expect(harness.sink.messages).toHaveLength(ofStatus('sent'));
  }, 180_000);
});
