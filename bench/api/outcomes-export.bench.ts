import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { evaluateKpi, formatPeriod, nextPeriod, parsePeriod, periodFirstDay, periodLastDay } from '#domain';
import { createApiKey, openDataSource, startApi, type ApiProcess } from '#testing';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { outcomeReportSql } from '../../apps/api/src/reports/outcome-report.service.js';
import { createBenchDatabase } from '../support/bench-database.js';
import { benchResult, type Benchmark, type BenchResult } from '../support/benchmark.js';
import { rssMiB, sampleRss } from '../support/process-memory.js';

const CONTRACTS = 10_000;
const KPIS_PER_CONTRACT = 5;
/** 10,000 contracts × 5 KPIs × 20 months = 1,000,000 rows; the second 20 months make 2,000,000. */
const MONTHS_PER_MILLION = 20;

/** A byte counter standing in for the client that downloads the report. */
const byteCounter = () => {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  return { sink, bytes: () => bytes };
};

/**
 * The outcome report as CSV through the real HTTP API (an API process of its own), 1,000,000 and then
 * 2,000,000 rows, set against COPY of the very same query to a byte counter in the same run: the least
 * PostgreSQL can do. Each size gets a fresh API process, whose peak RSS while streaming is set against its RSS
 * just before.
 */
export const outcomesExportBenchmark: Benchmark = {
  name: 'outcomes-export',
  async run(): Promise<BenchResult[]> {
    const database = await createBenchDatabase('outcomes');
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `cpt-bench-${process.pid}`,
    };
    let dataSource: DataSource | undefined;
    let api: ApiProcess | undefined;
    try {
      dataSource = await openDataSource(database.url, 'cpt-bench');
      const token = await createApiKey(dataSource, 'procurement_officer');
      await seedContracts(dataSource);
      const results: BenchResult[] = [];
      const growth: number[] = [];
      for (const millions of [1, 2]) {
        await seedEvaluations(dataSource, (millions - 1) * MONTHS_PER_MILLION);
        const rows = millions * 1_000_000;
        const to = monthAfter('2020-01', millions * MONTHS_PER_MILLION - 1);
        const copy = await copyToCounter(database.url, '2020-01', to);

        // A fresh API process for each size: both growths are measured from the same state, the process as it
        // starts. A warm-up export of two months (100,000 rows) then loads the report's code and lets the heap
        // reach its working size before the measured export.
        await api?.close();
        api = await startApi(env);
        const pid = api.process.child.pid!;
        const before = await rssMiB(pid);
        const download = (from: string, to: string) => downloadCsv(api!.url, token, from, to);
        await download('2020-01', '2020-02');

        const sampler = sampleRss(pid, before);
        const started = performance.now();
        const bytes = await download('2020-01', to);
        const apiMs = performance.now() - started;
        const peak = await sampler.stop();
        if (bytes !== copy.bytes) throw new Error(`The API sent ${bytes} bytes, COPY ${copy.bytes}`);
        growth.push(peak - before);
        const label = `outcomes CSV, ${millions}M rows`;
        console.log(
          `  ${rows} rows, ${(bytes / 1024 / 1024).toFixed(1)} MiB: API ${apiMs.toFixed(0)} ms, COPY ` +
            `${copy.ms.toFixed(0)} ms; API RSS ${before.toFixed(1)} MiB before, ${peak.toFixed(1)} MiB at peak`,
        );
        results.push(benchResult(`${label}: wall time`, 'ms', apiMs, copy.ms, '<= 2x baseline'));
        results.push(
          benchResult(
            `${label}: API peak RSS`,
            'MiB',
            peak,
            before,
            millions === 1 ? 'growth <= 150 MiB' : `growth <= 1.2x the 1M growth (${growth[0].toFixed(1)} MiB)`,
          ),
        );
      }
      return results;
    } finally {
      await api?.close();
      await dataSource?.destroy();
      await database.drop();
    }
  },
};

async function downloadCsv(apiUrl: string, token: string, from: string, to: string): Promise<number> {
  const response = await fetch(`${apiUrl}/api/v1/reports/outcomes?from=${from}&to=${to}&format=csv`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 200 || !response.body) throw new Error(`The report answered ${response.status}`);
  const counter = byteCounter();
  await pipeline(response.body, counter.sink);
  return counter.bytes();
}

const monthAfter = (month: string, months: number) => {
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + number - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** Ten departments, a vendor each, CONTRACTS contracts and their monthly KPIs, in a few statements. */
async function seedContracts(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO departments (name, code, head_email)
     SELECT 'Department ' || n, 'D' || lpad(n::text, 2, '0'), 'head' || n || '@city.example' FROM generate_series(1, 10) n`,
  );
  await dataSource.query(
    `INSERT INTO vendors (legal_name, tax_id, email)
     SELECT 'Vendor ' || n || ', "Bench" LLC', 'TAX-' || n, 'vendor' || n || '@vendors.example' FROM generate_series(1, 10) n`,
  );
  await dataSource.query(
    `INSERT INTO contracts (number, title, vendor_id, department_id, value, start_date, end_date, manager_email)
     SELECT 'C-' || lpad(n::text, 6, '0'), 'Contract ' || n, v.id, d.id, 100000, '2020-01-01', '2029-12-31',
            'manager@city.example'
       FROM generate_series(1, $1::int) n
       JOIN departments d ON d.code = 'D' || lpad((n % 10 + 1)::text, 2, '0')
       JOIN vendors v ON v.tax_id = 'TAX-' || (n % 10 + 1)`,
    [CONTRACTS],
  );
  await dataSource.query(
    `INSERT INTO kpis (contract_id, name, unit, direction, target, off_track_threshold, frequency)
     SELECT c.id, 'KPI ' || k, '%', 'higher_is_better', 95, 90, 'monthly'
       FROM contracts c CROSS JOIN generate_series(1, $1::int) k`,
    [KPIS_PER_CONTRACT],
  );
}

/**
 * MONTHS_PER_MILLION monthly results for every KPI (target 95, threshold 90), starting `offset` months after
 * 2020-01, in one statement: the value follows the month (none every seventh), its status is the rule's.
 */
async function seedEvaluations(dataSource: DataSource, offset: number): Promise<void> {
  let period = parsePeriod('2020-01')!;
  for (let month = 0; month < offset; month++) period = nextPeriod(period);
  const months = Array.from({ length: MONTHS_PER_MILLION }, (_, index) => {
    const m = offset + index;
    const value = m % 7 === 0 ? null : 85 + (m % 15);
    const status = evaluateKpi({ direction: 'higher_is_better', target: 95, offTrackThreshold: 90 }, value, true);
    const month = {
      key: formatPeriod(period),
      firstDay: periodFirstDay(period),
      lastDay: periodLastDay(period),
      value,
      status,
    };
    period = nextPeriod(period);
    return month;
  });
  await dataSource.query(
    `INSERT INTO kpi_evaluations (contract_id, kpi_id, period, period_first_day, period_last_day, value, target,
                                  off_track_threshold, status, evaluated_at)
     SELECT k.contract_id, k.id, m.period, m.first_day, m.last_day, m.value, 95, 90, m.status, now()
       FROM kpis k
      CROSS JOIN unnest($1::text[], $2::date[], $3::date[], $4::numeric[], $5::text[])
                 AS m(period, first_day, last_day, value, status)`,
    [
      months.map((month) => month.key),
      months.map((month) => month.firstDay),
      months.map((month) => month.lastDay),
      months.map((month) => month.value),
      months.map((month) => month.status),
    ],
  );
  await dataSource.query('ANALYZE kpi_evaluations');
}

/** The floor: the report's own query, COPY'd to a byte counter over one connection. */
async function copyToCounter(databaseUrl: string, from: string, to: string): Promise<{ ms: number; bytes: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const sql = outcomeReportSql(client, {
      from,
      to,
      firstDay: periodFirstDay(parsePeriod(from)!),
      lastDay: periodLastDay(parsePeriod(to)!),
      departmentId: null,
      departmentIds: null,
    });
    const counter = byteCounter();
    const started = performance.now();
    await pipeline(client.query(copyTo(`COPY (${sql}) TO STDOUT (FORMAT csv, HEADER true)`)), counter.sink);
    return { ms: performance.now() - started, bytes: counter.bytes() };
  } finally {
    await client.end();
  }
}
