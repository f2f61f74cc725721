import { generateDemoCity, writeDemoCity } from '#demo';
import { localDateOf } from '#domain';
import { createApiKey, freePort, openDataSource, startApi, startNodeProcess, type ApiProcess } from '#testing';
import autocannon from 'autocannon';
import type { DataSource } from 'typeorm';
import { createBenchDatabase } from '../support/bench-database.js';
import { benchResult, type Benchmark, type BenchResult } from '../support/benchmark.js';

const CONTRACTS = 2000;
const CONNECTIONS = 50;
const SECONDS = 10;
const PATH = '/api/v1/contracts?limit=50';

/**
 * `GET /api/v1/contracts?limit=50` with a procurement officer's key, 50 connections for 10 s, against an API process
 * of its own holding a demo city of 2,000 contracts. The baseline is a bare Fastify route running the same
 * statements through pg, started the same way against the same database.
 */
export const apiContractsBenchmark: Benchmark = {
  name: 'api-contracts',
  async run(): Promise<BenchResult[]> {
    const database = await createBenchDatabase('contracts');
    const barePort = await freePort();
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `cpt-bench-${process.pid}`,
      LOG_LEVEL: 'info',
    };
    const bare = startNodeProcess('bare', 'dist/bench/api/support/bare-contracts-server.js', {
      ...env,
      PORT: String(barePort),
    });
    let dataSource: DataSource | undefined;
    let api: ApiProcess | undefined;
    try {
      dataSource = await openDataSource(database.url, 'cpt-bench');
      const city = generateDemoCity({
        seed: 'bench',
        today: localDateOf(new Date(), 'America/New_York'),
        sizes: { contracts: CONTRACTS },
      });
      await dataSource.transaction((manager) => writeDemoCity(manager, city));
      const token = await createApiKey(dataSource, 'procurement_officer');
      // The default limit (6,000 a minute per address) would turn most of the load into 429s.
      api = await startApi({ ...env, RATE_LIMIT_PER_MINUTE: '100000000' });
      await bare.waitForOutput(/listening/, 30_000);
      const apiPort = api.port;
      await sameAnswer(apiPort, barePort, token);

      const load = async (port: number, seconds: number) => {
        const result = await autocannon({
          url: `http://127.0.0.1:${port}${PATH}`,
          connections: CONNECTIONS,
          duration: seconds,
          headers: { authorization: `Bearer ${token}` },
        });
        if (result.errors || result.non2xx) {
          throw new Error(`${port}: ${result.errors} errors and ${result.non2xx} non-2xx answers under load`);
        }
        return result;
      };
      // A short run each first, so that both are measured warm (JIT, pools full, plans cached).
      await load(barePort, 2);
      await load(apiPort, 2);
      const baseline = await load(barePort, SECONDS);
      const measured = await load(apiPort, SECONDS);

      console.log(
        `  ${CONTRACTS} contracts, ${CONNECTIONS} connections, ${SECONDS} s: API ${measured.requests.average} req/s ` +
          `(p50 ${measured.latency.p50} ms, p99 ${measured.latency.p99} ms); bare ${baseline.requests.average} req/s ` +
          `(p50 ${baseline.latency.p50} ms, p99 ${baseline.latency.p99} ms)`,
      );
      return [
        benchResult(
          'GET /contracts?limit=50, 50 connections: throughput',
          'req/s',
          measured.requests.average,
          baseline.requests.average,
          '>= 1000 req/s and >= 0.4x baseline',
        ),
        benchResult(
          'GET /contracts?limit=50, 50 connections: p99 latency',
          'ms',
          measured.latency.p99,
          baseline.latency.p99,
          '<= 50 ms',
        ),
      ];
    } finally {
      await Promise.all([api?.close(), bare.stop()]);
      await dataSource?.destroy();
      await database.drop();
    }
  },
};

/** The baseline must do the work the API does: the same page of the same contracts, and the same total. */
async function sameAnswer(apiPort: number, barePort: number, token: string): Promise<void> {
  const get = async (port: number) => {
    const response = await fetch(`http://127.0.0.1:${port}${PATH}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`${port} answered ${response.status}: ${await response.text()}`);
    return JSON.stringify(await response.json());
  };
  const [fromApi, fromBare] = await Promise.all([get(apiPort), get(barePort)]);
  if (fromApi !== fromBare) throw new Error(`The bare route answers differently:\n${fromApi}\n${fromBare}`);
}
