// How an email the mail server did not take is tried again. BullMQ keeps the schedule on each send job (attempts,
// back-off type and base delay, from the notifications queue's defaults); the worker's back-off strategy reads it.

const HOUR_MS = 60 * 60 * 1000;

/** The back-off type of send jobs, for which the worker registers its strategy (BullMQ's custom back-off). */
export const MAIL_BACKOFF = 'mail';

/** The wait after the `attempt`-th failed attempt (1, 2, …): `baseMs`, doubling per attempt, at most an hour. */
export function mailRetryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), HOUR_MS);
}

/**
 * Attempts enough that the waits between them add up to more than the retry window: the last attempt starts after
 * the window has passed, and gives the email up (the mailer's rule), rather than BullMQ running out of attempts.
 */
export function mailAttempts(baseMs: number, windowHours: number): number {
  let attempts = 1;
  for (let waited = 0; waited <= windowHours * HOUR_MS; attempts++) waited += mailRetryDelayMs(attempts, baseMs);
  return attempts;
}
