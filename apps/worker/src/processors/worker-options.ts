import { MAIL_BACKOFF, mailRetryDelayMs } from '#domain';
import type { BackoffStrategy, WorkerOptions } from 'bullmq';

/**
 * Locks are renewed while a job runs, so a short lock only matters when a worker dies: its jobs are taken up
 * again after about 15-25 s instead of a minute.
 */
export const RECOVERY_OPTIONS: Partial<WorkerOptions> = { lockDuration: 15_000, stalledInterval: 10_000 };

/** Emails sent at once by one worker: the notifications queue's concurrency and the SMTP pool's connections. */
export const MAIL_CONCURRENCY = 5;

/**
 * BullMQ's custom back-off for send jobs: the base delay the queue gave the job (MAIL_RETRY_BASE_DELAY_MS), doubling
 * per attempt, at most an hour. BullMQ asks a worker's strategy for every back-off type that is not built in.
 */
export const mailBackoff: BackoffStrategy = (attemptsMade, type, _error, job) => {
  const backoff = job?.opts.backoff;
  const baseMs = typeof backoff === 'object' ? backoff.delay : backoff;
  if (type !== MAIL_BACKOFF || baseMs === undefined) throw new Error(`No back-off ${type} with a delay for this job`);
  return mailRetryDelayMs(attemptsMade, baseMs);
};
