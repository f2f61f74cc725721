import type { DataSource } from 'typeorm';
import type { TestQueues } from './queues.js';

/** What is left to do: jobs by queue and state, pending emails, runs not finished. */
type Backlog = {
  jobs: Record<string, Record<string, number>>;
  pendingNotifications: number;
  unfinishedRuns: number;
};

/** What a quiet state is read from: the queues and the database. */
export type QuietState = { queues: TestQueues; dataSource: DataSource };

const BUSY_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

async function readBacklog({ queues, dataSource }: QuietState): Promise<Backlog> {
  const jobs: Backlog['jobs'] = {};
  for (const queue of queues.all) {
    const counts = await queue.getJobCounts(...BUSY_STATES);
    // A job scheduler always holds its next iteration as a delayed job: that is not work left over.
    counts.delayed = (await queue.getDelayed()).filter((job) => job && !job.repeatJobKey).length;
    jobs[queue.name] = counts;
  }
  const [{ pending, unfinished }]: { pending: number; unfinished: number }[] = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM notifications WHERE status = 'pending') AS pending,
            (SELECT count(*)::int FROM evaluation_runs WHERE status IN ('queued', 'running')) AS unfinished`,
  );
  return { jobs, pendingNotifications: pending, unfinishedRuns: unfinished };
}

const isQuiet = (backlog: Backlog) =>
  backlog.pendingNotifications === 0 &&
  backlog.unfinishedRuns === 0 &&
  Object.values(backlog.jobs).every((counts) => Object.values(counts).every((count) => count === 0));

/**
 * Waits until nothing is left to do: every queue drained (nothing waiting, active, delayed, prioritized or
 * waiting for children, the job schedulers' next iterations aside), no email pending and no run unfinished, seen
 * on two polls in a row, since a job hands over to the next between two reads. Only then can a test assert that
 * nothing more happened: nothing more will. Fails after `timeoutMs` with what was left.
 */
export async function waitForQuiet(state: QuietState, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietPolls = 0;
  for (;;) {
    const backlog = await readBacklog(state);
    quietPolls = isQuiet(backlog) ? quietPolls + 1 : 0;
    if (quietPolls === 2) return;
    if (Date.now() > deadline) {
      const queueError = state.queues.lastError ? `; last queue error: ${state.queues.lastError.message}` : '';
      throw new Error(`Not quiet within ${timeoutMs} ms: ${JSON.stringify(backlog)}${queueError}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
