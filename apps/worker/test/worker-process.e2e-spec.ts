import { freePort, runEnv, startAppProcess, startThrowawayRedis, type ThrowawayRedis } from '#testing';

// The worker as production runs it (node dist/apps/worker/src/main.js), against a Redis of its own.
describe('the worker process', () => {
  const env = (redisUrl: string) => ({ ...runEnv(), REDIS_URL: redisUrl, LOG_LEVEL: 'info' });

  describe('on a Redis that keeps every key', () => {
    let redis: ThrowawayRedis;

    beforeAll(async () => {
      redis = await startThrowawayRedis(['--maxmemory-policy', 'noeviction']);
    });

    afterAll(async () => {
      await redis.stop();
    });

    it('should start without HTTP and stop cleanly on SIGTERM', async () => {
      const worker = startAppProcess('worker', env(redis.url));
      await worker.waitForOutput(/worker started/);
      expect(worker.output()).not.toMatch(/Nest application successfully started|listening/i);
      worker.kill('SIGTERM');
      expect(await worker.waitForExit()).toEqual({ code: 0, signal: null });
      expect(worker.output()).toMatch(/signal=SIGTERM stopping/);
      expect(worker.output()).toMatch(/worker stopped/);
    });

    it('should refuse to start on bad configuration, naming the variable', async () => {
      const worker = startAppProcess('worker', {
        ...env(redis.url),
        EVALUATION_CRON: 'every morning',
        NOTIFY_WITHIN_DAYS: '-3',
      });
      expect((await worker.waitForExit()).code).toBe(1);
      expect(worker.output()).toMatch(/EVALUATION_CRON: .*cron pattern/);
      expect(worker.output()).toMatch(/NOTIFY_WITHIN_DAYS: /);
    });
  });

  it('should refuse to start on a Redis that evicts keys', async () => {
    const redis = await startThrowawayRedis(['--maxmemory-policy', 'allkeys-lru']);
    try {
      const worker = startAppProcess('worker', env(redis.url));
      expect((await worker.waitForExit()).code).toBe(1);
      expect(worker.output()).toContain(`Redis at 127.0.0.1:${redis.port} has maxmemory-policy allkeys-lru`);
      expect(worker.output()).toContain('needs noeviction');
    } finally {
      await redis.stop();
    }
  });

  it('should refuse to start when Redis cannot be reached, saying which variable to check', async () => {
    const port = await freePort();
    const worker = startAppProcess('worker', env(`redis://127.0.0.1:${port}`));
    expect((await worker.waitForExit()).code).toBe(1);
    expect(worker.output()).toContain(`Cannot reach Redis at 127.0.0.1:${port} (REDIS_URL)`);
  });
});
