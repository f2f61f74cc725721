import { randomUUID } from 'node:crypto';
import { JobName, QueueName, runJobId } from '#domain';
import { Queue } from 'bullmq';
import type { SqlRunner } from './data-source.js';

type QueueNameValue = (typeof QueueName)[keyof typeof QueueName];

/** Every queue of the house, opened by the test or benchmark itself on the Redis and prefix the apps use. */
export type TestQueues = {
  all: Queue[];
  get(name: QueueNameValue): Queue;
  /** The last 'error' a queue emitted (Redis gone, a refused command), for the messages of failed waits. */
  lastError: Error | undefined;
  close(): Promise<void>;
};

export function openQueues({
  redisUrl = process.env.REDIS_URL!,
  prefix = process.env.QUEUE_PREFIX!,
}: { redisUrl?: string; prefix?: string } = {}): TestQueues {
  const queues = new Map<QueueNameValue, Queue>();
  const opened: TestQueues = {
    all: [],
    get: (name) => queues.get(name)!,
    lastError: undefined,
    close: async () => void (await Promise.all(opened.all.map((queue) => queue.close()))),
  };
  for (const name of Object.values(QueueName)) {
    // As the apps' queues: commands wait through reconnects, and jobs leave Redis once done.
    const queue = new Queue(name, {
      connection: { url: redisUrl, maxRetriesPerRequest: null },
      prefix,
      defaultJobOptions: { removeOnComplete: true, removeOnFail: true },
    });
    // Unlistened, BullMQ prints the error far from what it explains; kept, it goes into a timed-out wait's message.
    queue.on('error', (error) => (opened.lastError = error));
    queues.set(name, queue);
    opened.all.push(queue);
  }
  return opened;
}

/** Empties the queues (jobs and schedulers), so that no test sees another's leftovers. */
export async function resetQueues(queues: TestQueues): Promise<void> {
  for (const queue of queues.all) await queue.obliterate({ force: true });
}

/** Records a run as the API does (queued, for `period` or every due one) and adds its job; answers its id. */
export async function enqueueRun(db: SqlRunner, queues: TestQueues, period: string | null = null): Promise<string> {
  const runId = randomUUID();
  await db.query(`INSERT INTO evaluation_runs (id, status, period, requested_by) VALUES ($1, 'queued', $2, 'test')`, [
    runId,
    period,
  ]);
  await queues.get(QueueName.EvaluationRuns).add(JobName.Run, { runId }, { jobId: runJobId(runId) });
  return runId;
}
