import { createApiKey, resetDatabase } from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';

const LIMIT = 20;

/** Sends `count` listing requests, each from the forwarded address `forwardedFor(attempt)`; returns the statuses. */
async function statuses(testApp: TestApp, token: string, count: number, forwardedFor: (attempt: number) => string) {
  const answers: number[] = [];
  for (let attempt = 0; attempt < count; attempt++) {
    const headers = { 'x-forwarded-for': forwardedFor(attempt) };
    answers.push((await testApp.http.get('/api/v1/departments', { token, headers })).status);
  }
  return answers;
}

const rotating = (attempt: number) => `198.51.100.${attempt + 1}`;

describe('the rate limit', () => {
  describe('with no proxy configured', () => {
    let testApp: TestApp;
    let officer: string;

    beforeAll(async () => {
      testApp = await createTestApp({ RATE_LIMIT_PER_MINUTE: LIMIT });
      await resetDatabase(testApp.dataSource);
      officer = await createApiKey(testApp.dataSource, 'procurement_officer');
    });

    afterAll(() => testApp.close());

    it('should limit a client that rotates X-Forwarded-For like any other client', async () => {
      const answers = await statuses(testApp, officer, LIMIT + 5, rotating);
      expect(answers.slice(0, LIMIT).every((status) => status === 200)).toBe(true);
      expect(answers.slice(LIMIT)).toEqual(Array(5).fill(429));
    });
  });

  describe('behind a configured proxy', () => {
    let testApp: TestApp;
    let officer: string;

    beforeAll(async () => {
      // The tests connect from 127.0.0.1, which plays the proxy.
      testApp = await createTestApp({ RATE_LIMIT_PER_MINUTE: LIMIT, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' });
      await resetDatabase(testApp.dataSource);
      officer = await createApiKey(testApp.dataSource, 'procurement_officer');
    });

    afterAll(() => testApp.close());

    it('should count each forwarded client on its own', async () => {
      expect(await statuses(testApp, officer, LIMIT + 5, rotating)).toEqual(Array(LIMIT + 5).fill(200));
    });

    it('should limit one forwarded client, and only that one', async () => {
      const answers = await statuses(testApp, officer, LIMIT + 1, () => '203.0.113.7');
      expect(answers.at(-1)).toBe(429);
      expect(await statuses(testApp, officer, 1, () => '203.0.113.8')).toEqual([200]);
    });

    it('should take the address the proxy saw, not one the client wrote before it', async () => {
      // The client wrote 203.0.113.7 (already limited) itself; the proxy appended the address it saw.
      expect(await statuses(testApp, officer, 1, () => '203.0.113.7, 192.0.2.50')).toEqual([200]);
    });
  });
});
