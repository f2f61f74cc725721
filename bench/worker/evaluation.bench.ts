import { startSmtpSink } from '#testing';
import pg from 'pg';
import { createBenchDatabase } from '../support/bench-database.js';
import { startBenchWorker, waitForRunCompleted, type BenchWorker } from './support/bench-worker.js';
import { benchResult, type Benchmark, type BenchResult } from '../support/benchmark.js';
import { seedEvaluationFixture, type EvaluationFixture } from './support/evaluation-fixture.js';

const FIXTURE: EvaluationFixture = { contracts: 10_000, kpisPerContract: 5, period: '2025-06', outcomes: 'mixed' };
const NAME = 'evaluation, 10k contracts × 5 KPIs, one period';

type StatusCounts = Record<string, number>;

/**
 * One period of 10,000 contracts × 5 KPIs evaluated end to end by the built worker (plan, chunks, evaluations,
 * outbox rows), from enqueueing the run to the run being completed, set against one SQL statement that computes
 * the same statuses and stores them in kpi_evaluations: the least PostgreSQL can do to give that answer durably.
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
        await db.query('TRUNCATE kpi_evaluations');
        const started = performance.now();
        expected = await evaluateWithOneStatement(db, FIXTURE.period);
        floorMs = Math.min(floorMs, performance.now() - started);
      }
      await db.query('TRUNCATE kpi_evaluations');
      // For information: the same statuses computed into a scratch table that is neither logged nor indexed.
      let computeOnlyMs = Infinity;
      for (let attempt = 0; attempt < 3; attempt++) {
        const started = performance.now();
        const computed = await computeWithOneStatement(db, FIXTURE.period);
        computeOnlyMs = Math.min(computeOnlyMs, performance.now() - started);
        if (JSON.stringify(computed) !== JSON.stringify(expected)) {
          throw new Error(`The two statements disagree: ${JSON.stringify(computed)}, ${JSON.stringify(expected)}`);
        }
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
          `worker ${workerMs.toFixed(0)} ms, one statement ${floorMs.toFixed(0)} ms, ` +
          `computing only ${computeOnlyMs.toFixed(0)} ms`,
      );
      return [
        benchResult(NAME, 'ms', workerMs, floorMs, '<= 3x baseline'),
        benchResult(`${NAME}: absolute`, 'ms', workerMs, floorMs, '<= 10000 ms'),
        benchResult(`${NAME}: against computing only`, 'ms', workerMs, computeOnlyMs, 'none (for information)'),
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
 * The statuses of the worker's evaluation (the product design §3) for one monthly period ($1, first day $2) of
 * every KPI whose contract it falls within.
 */
const STATUSES_OF_PERIOD = `
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
   AND c.start_date <= ($2::date + interval '1 month')::date - 1 AND c.end_date >= $2::date`;

/**
 * The floor: those statuses stored where the worker stores them, durably and with the same keys, indexes and
 * foreign keys (kpi_evaluations, emptied before), and counted, in one statement.
 */
async function evaluateWithOneStatement(db: pg.Client, period: string): Promise<StatusCounts> {
  return statusCounts(
    db,
    `WITH stored AS (
       INSERT INTO kpi_evaluations (contract_id, kpi_id, period, value, target, off_track_threshold, status, evaluated_at, first_evaluated_at)
       SELECT contract_id, kpi_id, period, value, target, off_track_threshold, status, now(), now()
         FROM (${STATUSES_OF_PERIOD}) judged
       RETURNING status)
     SELECT status, count(*)::int AS kpis FROM stored GROUP BY status`,
    [period, `${period}-01`],
  );
}

/** The same statuses computed into an unlogged scratch table without keys, and counted: computing only. */
async function computeWithOneStatement(db: pg.Client, period: string): Promise<StatusCounts> {
  await db.query('DROP TABLE IF EXISTS scratch_evaluations');
  await db.query(`CREATE UNLOGGED TABLE scratch_evaluations AS ${STATUSES_OF_PERIOD}`, [period, `${period}-01`]);
  return statusCounts(db, 'SELECT status, count(*)::int AS kpis FROM scratch_evaluations GROUP BY status');
}

async function statusCounts(db: pg.Client, sql: string, parameters: unknown[] = []): Promise<StatusCounts> {
  const rows = (await db.query<{ status: string; kpis: number }>(`${sql} ORDER BY status`, parameters)).rows;
  return Object.fromEntries(rows.map((row) => [row.status, row.kpis]));
}
