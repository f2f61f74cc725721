import { JobName, QueueName, runJobId } from '#domain';
import { startAppProcess, type AppProcess } from '#testing';
import { Queue } from 'bullmq';
import type pg from 'pg';

export type BenchWorker = {
  process: AppProcess;
  /** Records a run for `period` over every contract, queues it as the API does, and returns its id. */
  enqueueRun(db: pg.Client, period: string): Promise<string>;
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
  const worker = startAppProcess('worker', { REDIS_URL: redisUrl, QUEUE_PREFIX: prefix, LOG_LEVEL: 'info', ...env });
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const queues = Object.values(QueueName).map((name) => new Queue(name, { connection, prefix }));
  try {
    await worker.waitForOutput(/worker started/, 30_000);
  } catch (error) {
    worker.kill('SIGKILL');
    await Promise.all(queues.map((queue) => queue.close()));
    throw error;
  }
  const runs = queues[Object.values(QueueName).indexOf(QueueName.EvaluationRuns)];
  return {
    process: worker,
    async enqueueRun(db, period) {
      const [{ id }] = (
        await db.query<{ id: string }>(
          `INSERT INTO evaluation_runs (status, period, requested_by) VALUES ('queued', $1, 'bench') RETURNING id`,
          [period],
        )
      ).rows;
      await runs.add(JobName.Run, { runId: id }, { jobId: runJobId(id), removeOnComplete: true, removeOnFail: true });
      return id;
    },
    async stop() {
      worker.kill('SIGTERM');
      await worker.waitForExit(20_000).catch(() => worker.kill('SIGKILL'));
      for (const queue of queues) {
        await queue.obliterate({ force: true }).catch(() => undefined);
        await queue.close();
      }
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
