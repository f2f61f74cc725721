import { writeFile } from 'node:fs/promises';
import { apiContractsBenchmark } from './api/api-contracts.bench.js';
import { measurementImportBenchmark } from './api/measurement-import.bench.js';
import { outcomesExportBenchmark } from './api/outcomes-export.bench.js';
import { redFlagsBenchmark } from './api/red-flags.bench.js';
import { peerComparisonBenchmark } from './api/peer-comparison.bench.js';
import { formatTable, type Benchmark, type BenchResult } from './support/benchmark.js';
import { evaluationBenchmark } from './worker/evaluation.bench.js';
import { notificationDeliveryBenchmark } from './worker/notification-delivery.bench.js';

// Every benchmark `npm run bench` runs, in this order; docs/benchmarks.md says how to add one.
const BENCHMARKS: Benchmark[] = [
  measurementImportBenchmark,
  evaluationBenchmark,
  notificationDeliveryBenchmark,
  outcomesExportBenchmark,
  peerComparisonBenchmark,
  apiContractsBenchmark,
  redFlagsBenchmark,
];

const RESULTS_FILE = new URL('../../bench-results.json', import.meta.url);

// `node dist/bench/run.js evaluation …` runs only the benchmarks named; no names runs them all.
const selected = process.argv.slice(2);
if (selected.includes('--help')) {
  console.log(
    `node dist/bench/run.js [name …]\nBenchmarks, in the order they run: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
  );
  process.exit(0);
}
const unknown = selected.filter((name) => !BENCHMARKS.some((benchmark) => benchmark.name === name));
if (unknown.length > 0) {
  throw new Error(`Unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
}

const results: BenchResult[] = [];
for (const benchmark of BENCHMARKS.filter((b) => selected.length === 0 || selected.includes(b.name))) {
  console.log(`${benchmark.name}…`);
  results.push(...(await benchmark.run()));
}
console.log(`\n${formatTable(results)}\n`);
await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Written to ${RESULTS_FILE.pathname}`);
