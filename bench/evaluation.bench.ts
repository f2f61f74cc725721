import { startSmtpSink } from '#domain/testing';
import pg from 'pg';
import { createBenchDatabase } from './support/bench-database.js';
import { startBenchWorker, waitForRunCompleted, type BenchWorker } from './support/bench-worker.js';
import { benchResult, type Benchmark, type BenchResult } from './support/benchmark.js';
import { seedEvaluationFixture, type EvaluationFixture } from './support/evaluation-fixture.js';

const FIXTURE: EvaluationFixture = { contracts: 10_000, kpisPerContract: 5, period: '2025-06', outcomes: 'mixed' };
const NAME = 'evaluation, 10k contracts × 5 KPIs, one period';

type StatusCounts = Record<string, number>;

/**
 * One period of 10,000 contracts × 5 KPIs evaluated end to end by the built worker (plan, chunks, evaluations,
 * outbox rows), from enqueueing the run to the run being completed, set against one SQL statement that computes
 * and stores the same statuses: the least PostgreSQL can do for that answer.
 */
export const evaluationBenchmark: Benchmark = {
  name: 'evaluation',
  async run(): Promise<BenchResult[]> {
    const database = await createBenchDatabase('evaluation');
    const db = new pg.Client({ connectionString: database.url, application_name: 'cpt-bench' });
    // Notices are recorded as suppressed (NOTIFY_WITHIN_DAYS=0): the sink is there so that nothing can be mailed.
    const sink = await startSmtpSink();
    let worker: BenchWorker | undefined;
    try {
      await db.connect();
      await seedEvaluationFixture(db, FIXTURE);

      // The floor, best of three: the first run also reads the tables into the cache the worker then finds warm.
      let floorMs = Infinity;
      let expected: StatusCounts = {};
      for (let attempt = 0; attempt < 3; attempt++) {
        const started = performance.now();
        expected = await evaluateWithOneStatement(db, FIXTURE.period);
        floorMs = Math.min(floorMs, performance.now() - started);
      }

      worker = await startBenchWorker('evaluation', {
        DATABASE_URL: database.url,
        SMTP_URL: sink.url,
        NOTIFY_WITHIN_DAYS: '0',
      });
      const started = performance.now();
      const runId = await worker.enqueueRun(db, FIXTURE.period);
      await waitForRunCompleted(db, runId, 120_000);
      const workerMs = performance.now() - started;

      const actual = await statusCounts(
        db,
        `SELECT status, count(*)::int AS kpis FROM kpi_evaluations WHERE period = $1 GROUP BY status`,
        [FIXTURE.period],
      );
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        throw new Error(
          `The worker and the SQL floor disagree: worker ${JSON.stringify(actual)}, SQL ${JSON.stringify(expected)}`,
        );
      }
      if (sink.messages.length > 0) throw new Error(`${sink.messages.length} emails were sent; none should be`);

      console.log(
        `  ${Object.values(actual).reduce((sum, count) => sum + count, 0)} KPI evaluations ${JSON.stringify(actual)}: ` +
          `worker ${workerMs.toFixed(0)} ms, one statement ${floorMs.toFixed(0)} ms`,
      );
      return [
        benchResult(NAME, 'ms', workerMs, floorMs, '<= 3x baseline'),
        benchResult(`${NAME}: absolute`, 'ms', workerMs, floorMs, '<= 10000 ms'),
      ];
    } finally {
      await worker?.stop();
      await sink.stop();
      await db.end().catch(() => undefined);
      await database.drop();
    }
  },
};

/**
 * The same statuses as the worker's evaluation (the product design §3) for one monthly period of every contract
 * it falls within, written to an unlogged scratch table (the worker must store its results too) and counted.
 */
async function evaluateWithOneStatement(db: pg.Client, period: string): Promise<StatusCounts> {
  const firstDay = `${period}-01`;
  await db.query('DROP TABLE IF EXISTS scratch_evaluations');
  await db.query(
    `CREATE UNLOGGED TABLE scratch_evaluations AS
     SELECT k.contract_id, k.id AS kpi_id, $1::text AS period, m.value, k.target, k.off_track_threshold,
            CASE
              WHEN m.value IS NULL THEN 'missing'
              WHEN (k.direction = 'higher_is_better' AND m.value >= k.target)
                OR (k.direction = 'lower_is_better' AND m.value <= k.target) THEN 'on_track'
              WHEN (k.direction = 'higher_is_better' AND m.value >= k.off_track_threshold)
                OR (k.direction = 'lower_is_better' AND m.value <= k.off_track_threshold) THEN 'at_risk'
              ELSE 'off_track'
            END AS status
       FROM kpis k
       JOIN contracts c ON c.id = k.contract_id
       LEFT JOIN measurements m ON m.kpi_id = k.id AND m.period = $1
      WHERE k.active AND k.frequency = 'monthly'
        AND c.start_date <= ($2::date + interval '1 month')::date - 1 AND c.end_date >= $2::date`,
    [period, firstDay],
  );
  return statusCounts(db, 'SELECT status, count(*)::int AS kpis FROM scratch_evaluations GROUP BY status');
}

async function statusCounts(db: pg.Client, sql: string, parameters: unknown[] = []): Promise<StatusCounts> {
  const rows = (await db.query<{ status: string; kpis: number }>(`${sql} ORDER BY status`, parameters)).rows;
  return Object.fromEntries(rows.map((row) => [row.status, row.kpis]));
}
