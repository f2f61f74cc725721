import { mailAttempts, mailRetryDelayMs } from './mail-retries.js';

const HOUR_MS = 3_600_000;

describe('mail retries', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [5, 480_000],
    [7, 1_920_000],
    [8, 3_600_000],
    [20, 3_600_000],
  ])('should wait, after attempt %d, %d ms', (attempt, expected) => {
    expect(mailRetryDelayMs(attempt, 30_000)).toBe(expected);
  });

  it.each([
    // 30 s doubling: 3,810 s over seven waits, then an hour each; 23 hours more pass 24 hours.
    [30_000, 24, 31],
    [30_000, 1, 8],
    [300, 24, 38],
    [3_600_000, 24, 26],
  ])('should try %d ms apart, doubling, %d hours long in %d attempts', (baseMs, windowHours, attempts) => {
    expect(mailAttempts(baseMs, windowHours)).toBe(attempts);
  });

  it.each([
    [30_000, 24],
    [100, 1],
    [100, 720],
    [45_000, 5],
  ])('should start the last attempt after the window when retrying from %d ms for %d hours', (baseMs, hours) => {
    const attempts = mailAttempts(baseMs, hours);
    const waits = Array.from({ length: attempts - 1 }, (_, index) => mailRetryDelayMs(index + 1, baseMs));
    const total = waits.reduce((sum, wait) => sum + wait, 0);
    expect(total).toBeGreaterThan(hours * HOUR_MS);
    expect(total - waits[waits.length - 1]).toBeLessThanOrEqual(hours * HOUR_MS);
  });
});
