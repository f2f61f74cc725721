import type { WorkerOptions } from 'bullmq';

/**
 * Locks are renewed while a job runs, so a short lock only matters when a worker dies: its jobs are taken up
 * again after about 15-25 s instead of a minute.
 */
export const RECOVERY_OPTIONS: Partial<WorkerOptions> = { lockDuration: 15_000, stalledInterval: 10_000 };

/** Emails sent at once by one worker: the notifications queue's concurrency and the SMTP pool's connections. */
export const MAIL_CONCURRENCY = 5;
