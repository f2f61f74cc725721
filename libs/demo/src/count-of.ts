const englishPlurals = new Intl.PluralRules('en-US');

/**
 * A count and its noun as English says it: "1 KPI period", "2 KPI periods", "0 notices", "2,348 measurements".
 * Every noun the demo prints makes its plural with an `s`.
 */
export function countOf(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${englishPlurals.select(count) === 'one' ? noun : `${noun}s`}`;
}
