/** One figure of a benchmark against the baseline measured in the same run (bench-results.json holds these). */
export type BenchResult = {
  name: string;
  unit: string;
  value: number;
  baseline: number;
  /** value / baseline. */
  ratio: number;
  /** What the figure should stay within, e.g. `<= 3x baseline`. */
  goal: string;
};

/** A benchmark sets up what it needs (its own database, processes), measures, and removes it all again. */
export type Benchmark = { name: string; run(): Promise<BenchResult[]> };

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export function benchResult(name: string, unit: string, value: number, baseline: number, goal: string): BenchResult {
  return { name, unit, value: round(value, 1), baseline: round(baseline, 1), ratio: round(value / baseline, 2), goal };
}

/** The results as a plain-text table, one row per figure. */
export function formatTable(results: BenchResult[]): string {
  const header = ['name', 'value', 'unit', 'baseline', 'ratio', 'goal'];
  const rows = results.map(({ name, value, unit, baseline, ratio, goal }) => [
    name,
    String(value),
    unit,
    String(baseline),
    `${ratio}x`,
    goal,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const numeric = new Set([1, 3, 4]);
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
