import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  createApiKey,
  importCsvChunks,
  importRowCount,
  LARGE_IMPORT,
  openDataSource,
  seedImportContracts,
  startApi,
  type ApiProcess,
} from '#testing';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { createBenchDatabase } from '../support/bench-database.js';
import { benchResult, type Benchmark, type BenchResult } from '../support/benchmark.js';
import { rssMiB, sampleRss } from '../support/process-memory.js';

const MIB = 1024 * 1024;
// A long note on every row makes the file larger than the memory an import needs, so that holding it would show.
const NOTE =
  'Reported by the vendor from its monthly field log; figures checked against the service desk tickets. '.repeat(4);

/**
 * 100,000 rows (2,000 contracts × 5 KPIs × 10 months) imported through the real HTTP API into an API process of
 * its own. Wall time is set against COPY of the same file into a bare table of the same columns, the least
 * PostgreSQL can do with these bytes; peak RSS during the import is set against the RSS just before it.
 */
export const measurementImportBenchmark: Benchmark = {
  name: 'measurement-import',
  async run(): Promise<BenchResult[]> {
    const database = await createBenchDatabase('import');
    const dir = await mkdtemp(join(tmpdir(), 'cpt-bench-'));
    let dataSource: DataSource | undefined;
    let api: ApiProcess | undefined;
    try {
      dataSource = await openDataSource(database.url, 'cpt-bench');
      await seedImportContracts(dataSource, LARGE_IMPORT);
      const token = await createApiKey(dataSource, 'procurement_officer');
      const file = join(dir, 'measurements.csv');
      await pipeline(Readable.from(importCsvChunks(LARGE_IMPORT, NOTE)), createWriteStream(file));
      const fileMiB = (await stat(file)).size / MIB;

      const copyStarted = performance.now();
      await copyIntoBareTable(database.url, file);
      const copyMs = performance.now() - copyStarted;

      api = await startApi({
        DATABASE_URL: database.url,
        REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
        QUEUE_PREFIX: `cpt-bench-${process.pid}`,
      });
      const importFile = (body: Readable, query = '') =>
        fetch(`${api!.url}/api/v1/measurements/import${query}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
          body,
          duplex: 'half',
        } as RequestInit);
      // A small dry run (one contract's rows) loads the import's code before the baseline, without growing the heap.
      const warmUp = await importFile(
        Readable.from(importCsvChunks({ ...LARGE_IMPORT, contracts: 1 }, NOTE)),
        '?dryRun=true',
      );
      if (warmUp.status !== 200)
        throw new Error(`The warm-up import answered ${warmUp.status}: ${await warmUp.text()}`);
      await warmUp.arrayBuffer();

      const pid = api.process.child.pid!;
      const rssBeforeMiB = await rssMiB(pid);
      const sampler = sampleRss(pid, rssBeforeMiB);
      const started = performance.now();
      const response = await importFile(createReadStream(file));
      const report = (await response.json()) as { created?: number };
      const importMs = performance.now() - started;
      const peakMiB = await sampler.stop();
      const rows = importRowCount(LARGE_IMPORT);
      if (response.status !== 200 || report.created !== rows) {
        throw new Error(`The import did not create all ${rows} rows: ${response.status} ${JSON.stringify(report)}`);
      }

      console.log(
        `  ${rows} rows, ${fileMiB.toFixed(1)} MiB of CSV: import ${importMs.toFixed(0)} ms, COPY ${copyMs.toFixed(0)} ms; ` +
          `API RSS ${rssBeforeMiB.toFixed(1)} MiB before, ${peakMiB.toFixed(1)} MiB at peak`,
      );
      return [
        benchResult('measurement import, 100k rows: wall time', 'ms', importMs, copyMs, '<= 20x baseline'),
        // Holding the file would grow the API by at least its size: the growth must stay below that.
        benchResult(
          'measurement import, 100k rows: API peak RSS',
          'MiB',
          peakMiB,
          rssBeforeMiB,
          `growth < ${fileMiB.toFixed(1)} MiB (the file)`,
        ),
      ];
    } finally {
      await api?.close();
      await dataSource?.destroy();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

/** The floor: PostgreSQL's own CSV reader into a table with the file's columns, no keys, no checks. */
async function copyIntoBareTable(databaseUrl: string, file: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `CREATE TABLE bare_measurements (
         contract_number text, kpi_name text, period varchar(7), value numeric(18, 4), note text)`,
    );
    await pipeline(
      createReadStream(file),
      client.query(copyFrom('COPY bare_measurements FROM STDIN (FORMAT csv, HEADER true)')),
    );
  } finally {
    await client.end();
  }
}
