import { runMigrations } from '#database';
import {
  startApi,
  startAppProcess,
  startThrowawayPostgres,
  startThrowawayRedis,
  waitFor,
  type ApiProcess,
  type ThrowawayPostgres,
  type ThrowawayRedis,
} from '#testing';

// The API as production runs it (node dist/apps/api/src/main.js), against its own PostgreSQL and Redis,
// which these tests stop and start again.
describe('the API process', () => {
  it('should refuse to start on bad configuration, naming every bad variable', async () => {
    const api = startAppProcess('api', { PORT: 'abc', CITY_TIMEZONE: 'Mars/Olympus_Mons', SMTP_URL: 'http://mail' });
    const { code } = await api.waitForExit();
    expect(code).toBe(1);
    expect(api.output()).toContain('Invalid configuration');
    expect(api.output()).toMatch(/PORT: .*\(got "abc"\)/);
    expect(api.output()).toMatch(/CITY_TIMEZONE: .*America\/New_York/);
    expect(api.output()).toMatch(/SMTP_URL: /);
  });

  describe('with its own PostgreSQL and Redis', () => {
    let postgres: ThrowawayPostgres;
    let redis: ThrowawayRedis;
    let api: ApiProcess;

    // Answers within 5 s or the fetch aborts and the test fails.
    const ready = () => fetch(`${api.url}/health/ready`, { signal: AbortSignal.timeout(5000) });

    beforeAll(async () => {
      [postgres, redis] = await Promise.all([startThrowawayPostgres(), startThrowawayRedis()]);
      const databaseUrl = postgres.url.replace(/\/postgres$/, '/contracts');
      await runMigrations(databaseUrl);
      api = await startApi({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url });
    }, 60_000);

    afterAll(async () => {
      await api?.close();
      await Promise.all([postgres?.destroy(), redis?.stop()]);
    });

    it('should answer /health/ready with 200 when both are up', async () => {
      const response = await ready();
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
    });

    it('should log requests as JSON lines with their request id and without the key', async () => {
      const token = 'cpt_this-token-must-never-reach-the-logs';
      await fetch(`${api.url}/api/v1/departments`, {
        headers: { authorization: `Bearer ${token}`, 'x-request-id': 'trace-42' },
      });
      await waitFor('the request log line', async () => {
        if (!api.process.output().includes('trace-42')) throw new Error('not logged yet');
      });
      const line = api.process
        .output()
        .split('\n')
        .find((entry) => entry.includes('trace-42'))!;
      expect(JSON.parse(line)).toMatchObject({
        level: 40,
        req: { id: 'trace-42', method: 'GET' },
        res: { statusCode: 401 },
      });
      expect(api.process.output()).not.toContain(token);
    });

    it('should answer 503 within 5 s while PostgreSQL is down, keep running, and recover', async () => {
      await postgres.stop();
      const down = await ready();
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: 'unavailable', checks: { database: 'down', redis: 'up' } });
      expect((await fetch(`${api.url}/health`)).status).toBe(200);
      expect(api.process.child.exitCode).toBeNull();

      await postgres.start();
      await waitFor('readiness after PostgreSQL restarts', async () => {
        if ((await ready()).status !== 200) throw new Error('not ready');
      });
    }, 30_000);

    it('should answer 503 within 5 s while Redis is down, and recover', async () => {
      await redis.stop();
      const down = await ready();
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: 'unavailable', checks: { database: 'up', redis: 'down' } });

      await redis.start();
      await waitFor('readiness after Redis restarts', async () => {
        if ((await ready()).status !== 200) throw new Error('not ready');
      });
      expect(api.process.child.exitCode).toBeNull();
    }, 30_000);
  });
});
