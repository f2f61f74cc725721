import type { MinimalJob } from 'bullmq';
import { mailBackoff } from './worker-options.js';

const sendJob = (backoff: object) => ({ opts: { backoff } }) as unknown as MinimalJob;

describe('the mail back-off', () => {
  it.each([
    [1, 500],
    [2, 1_000],
    [4, 4_000],
    [30, 3_600_000],
  ])('should wait, after attempt %d of a job based on 500 ms, %d ms', (attemptsMade, delay) => {
    expect(mailBackoff(attemptsMade, 'mail', new Error('451'), sendJob({ type: 'mail', delay: 500 }))).toBe(delay);
  });

  it('should refuse a back-off type it does not know, or a job without a base delay', () => {
    expect(() => mailBackoff(1, 'linear', new Error(), sendJob({ type: 'linear', delay: 500 }))).toThrow(/linear/);
    expect(() => mailBackoff(1, 'mail', new Error(), sendJob({ type: 'mail' }))).toThrow(/mail/);
  });
});
