import { writeFile } from 'node:fs/promises';
import { apiContractsBenchmark } from './api-contracts.bench.js';
import { evaluationBenchmark } from './evaluation.bench.js';
import { measurementImportBenchmark } from './measurement-import.bench.js';
import { notificationDeliveryBenchmark } from './notification-delivery.bench.js';
import { outcomesExportBenchmark } from './outcomes-export.bench.js';
import { formatTable, type Benchmark, type BenchResult } from './support/benchmark.js';

// Every benchmark `npm run bench` runs, in this order; docs/benchmarks.md says how to add one.
const BENCHMARKS: Benchmark[] = [
  measurementImportBenchmark,
  evaluationBenchmark,
  notificationDeliveryBenchmark,
  outcomesExportBenchmark,
  apiContractsBenchmark,
];

const RESULTS_FILE = new URL('../../bench-results.json', import.meta.url);

const results: BenchResult[] = [];
for (const benchmark of BENCHMARKS) {
  console.log(`${benchmark.name}…`);
  results.push(...(await benchmark.run()));
}
console.log(`\n${formatTable(results)}\n`);
await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Written to ${RESULTS_FILE.pathname}`);
