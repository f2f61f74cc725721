import { createApiKey, openDataSource, startApi, type ApiProcess } from '#testing';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createBenchDatabase } from '../support/bench-database.js';
import { benchResult, type Benchmark, type BenchResult } from '../support/benchmark.js';

const SOLICITATIONS = 10_000;
const BIDS_PER_SOLICITATION = 5;
const RUNS = 5;
const QUERY = 'from=2026-01&to=2026-06';

/**
 * The floor: one bare SELECT over the same solicitations and bids computing the two simplest flags, short
 * submission period and single bid, as PostgreSQL alone would answer them (no other flag, no JSON, no HTTP).
 */
const BARE_SQL = `
  SELECT s.id, floor(extract(epoch FROM s.due_at - s.published_at) / 86400) < 15 AS short_period,
         count(b.id) = 1 AS single_bid
    FROM solicitations s LEFT JOIN bids b ON b.solicitation_id = s.id
   WHERE s.status <> 'draft'
     AND (coalesce(s.published_at, s.awarded_at) AT TIME ZONE 'America/New_York')::date BETWEEN '2026-01-01' AND '2026-06-30'
   GROUP BY s.id`;

/**
 * `GET /api/v1/reports/red-flags` (JSON, every flag, default thresholds) over 10,000 solicitations with 50,000 bids,
 * half of them awarded with a contract and two payments each, through an API process of its own; against the bare
 * SELECT above in the same run. Each side runs once to warm up, then RUNS times; the medians are compared.
 */
export const redFlagsBenchmark: Benchmark = {
  name: 'red-flags',
  async run(): Promise<BenchResult[]> {
    const database = await createBenchDatabase('redflags');
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `cpt-bench-${process.pid}`,
    };
    let dataSource: DataSource | undefined;
    let api: ApiProcess | undefined;
    const client = new pg.Client({ connectionString: database.url });
    try {
      dataSource = await openDataSource(database.url, 'cpt-bench');
      const token = await createApiKey(dataSource, 'procurement_officer');
      await seed(dataSource);
      await client.connect();
      api = await startApi(env);
      const report = async () => {
        const response = await fetch(`${api!.url}/api/v1/reports/red-flags?${QUERY}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        if (response.status !== 200) throw new Error(`The report answered ${response.status}`);
        return (await response.json()) as { solicitations: number; flagged: unknown[] };
      };
      const bare = async () => (await client.query(BARE_SQL)).rowCount;
      const first = await report();
      if (first.solicitations !== SOLICITATIONS) throw new Error(`The report saw ${first.solicitations} solicitations`);
      if ((await bare()) !== SOLICITATIONS) throw new Error('The bare SELECT saw another number of solicitations');
      const reportMs = await median(report);
      const bareMs = await median(bare);
      console.log(
        `  ${SOLICITATIONS} solicitations, ${first.flagged.length} flagged: report ${reportMs.toFixed(0)} ms, ` +
          `bare SELECT ${bareMs.toFixed(0)} ms`,
      );
      return [
        benchResult(
          `red flags, ${SOLICITATIONS / 1000}k solicitations: wall time`,
          'ms',
          reportMs,
          bareMs,
          '<= 3x baseline',
        ),
      ];
    } finally {
      await client.end().catch(() => undefined);
      await api?.close();
      await dataSource?.destroy();
      await database.drop();
    }
  },
};

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

/**
 * Ten departments and vendors; SOLICITATIONS solicitations published over the first half of 2026 with one to 40
 * days to bid, every method; five bids each from different vendors (amounts that repeat now and then, a few after
 * the deadline); every other one awarded to its lowest bid, with two payments that overrun the value one time in
 * ten. All set-based.
 */
async function seed(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO departments (name, code, head_email)
     SELECT 'Department ' || n, 'D' || lpad(n::text, 2, '0'), 'head' || n || '@city.example' FROM generate_series(1, 10) n`,
  );
  await dataSource.query(
    `INSERT INTO vendors (legal_name, tax_id, email)
     SELECT 'Vendor ' || n, 'TAX-' || n, 'vendor' || n || '@vendors.example' FROM generate_series(1, 10) n`,
  );
  await dataSource.query(
    `INSERT INTO solicitations (reference_number, title, department_id, category, method, status, published_at,
                                due_at, closed_at, awarded_at, estimated_value)
     SELECT 'S-' || lpad(n::text, 6, '0'), 'Solicitation ' || n, d.id, 'services',
            (ARRAY['rfp', 'ifb', 'rfq', 'sole_source', 'emergency', 'cooperative'])[n % 6 + 1],
            CASE WHEN n % 2 = 0 THEN 'awarded' ELSE 'closed' END,
            published, published + ((n % 40) + 1) * interval '1 day', published + ((n % 40) + 2) * interval '1 day',
            CASE WHEN n % 2 = 0 THEN published + ((n % 40) + 10) * interval '1 day' END, 100000 + n
       FROM generate_series(1, $1::int) n
       JOIN departments d ON d.code = 'D' || lpad((n % 10 + 1)::text, 2, '0')
      CROSS JOIN LATERAL (SELECT timestamptz '2026-01-02 15:00Z' + (n % 170) * interval '1 day' AS published) p`,
    [SOLICITATIONS],
  );
  await dataSource.query(
    `INSERT INTO bids (solicitation_id, vendor_id, amount, submitted_at)
     SELECT s.id, v.id, 90000 + ((s.n * 7 + k * 13) % 40) * 1000,
            s.published_at + k * interval '1 day' - interval '1 hour'
       FROM (SELECT id, published_at, substring(reference_number FROM 3)::int AS n FROM solicitations) s
      CROSS JOIN generate_series(1, $1::int) k
       JOIN vendors v ON v.tax_id = 'TAX-' || ((s.n + k) % 10 + 1)`,
    [BIDS_PER_SOLICITATION],
  );
  await dataSource.query(
    `INSERT INTO contracts (number, title, vendor_id, department_id, solicitation_id, bid_id, value, start_date,
                            end_date, manager_email)
     SELECT DISTINCT ON (s.id) 'C-' || s.reference_number, s.title, b.vendor_id, s.department_id, s.id, b.id,
            b.amount, '2026-07-01', '2027-06-30', 'manager@city.example'
       FROM solicitations s JOIN bids b ON b.solicitation_id = s.id
      WHERE s.status = 'awarded'
      ORDER BY s.id, b.amount, b.id`,
  );
  await dataSource.query(
    `INSERT INTO payments (contract_id, payee_vendor_id, amount, paid_on, invoice_number)
     SELECT c.id, c.vendor_id,
            round(c.value * CASE WHEN substring(c.number FROM 5)::int % 20 = 0 THEN 0.55 ELSE 0.45 END, 2),
            '2026-08-01'::date + i, 'INV-' || i
       FROM contracts c CROSS JOIN generate_series(1, 2) i`,
  );
  await dataSource.query('ANALYZE');
}
