import { enqueueRun, openQueues, resetQueues, startWorkers, stopWorkers, type SqlRunner } from '#testing';
import type pg from 'pg';

export type BenchWorker = {
  /** Records a run for `period` over every contract, queues it as the API does, and returns its id. */
  enqueueRun(db: SqlRunner, period: string): Promise<string>;
  /** Stops the worker and removes every key the run left under its queue prefix. */
  stop(): Promise<void>;
};

/**
 * The built worker as production runs it, on the benchmark's database and a Redis prefix of its own, started
 * and consuming before anything is timed: process start-up is not part of any figure.
 */
export async function startBenchWorker(label: string, env: Record<string, string>): Promise<BenchWorker> {
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `cpt-bench-${label}-${process.pid}`;
  const queues = openQueues({ redisUrl, prefix });
  const workers = await startWorkers(1, { REDIS_URL: redisUrl, QUEUE_PREFIX: prefix, ...env }).catch(
    async (error: unknown) => {
      await queues.close();
      throw error;
    },
  );
  return {
    enqueueRun: (db, period) => enqueueRun(db, queues, period),
    async stop() {
      await stopWorkers(workers);
      await resetQueues(queues).catch(() => undefined);
      await queues.close();
    },
  };
}

/** Polls the run every 20 ms until it has completed; a failed run, or one that takes too long, throws. */
export async function waitForRunCompleted(db: pg.Client, runId: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const [run] = (
      await db.query<{ status: string; error: string | null }>(
        'SELECT status, error FROM evaluation_runs WHERE id = $1',
        [runId],
      )
    ).rows;
    if (run?.status === 'completed') return;
    if (run?.status === 'failed') throw new Error(`Run ${runId} failed: ${run.error}`);
    if (performance.now() > deadline) throw new Error(`Run ${runId} is still ${run?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
