import { formatPeriod, parsePeriod, previousPeriod, type ReportingPeriod } from './reporting-period.js';

/** The last `count` periods ending with `period`, oldest first (fewer when 1900 comes first). */
export function periodsEndingWith(period: ReportingPeriod, count: number): ReportingPeriod[] {
  const periods: ReportingPeriod[] = [];
  for (let current: ReportingPeriod | null = period; current !== null && periods.length < count;) {
    periods.unshift(current);
    current = current.year === 1900 && current.index === 1 ? null : previousPeriod(current);
  }
  return periods;
}

/** The keys of the last `count` periods ending with the period `key`, oldest first. */
export function periodKeysEndingWith(key: string, count: number): string[] {
  const period = parsePeriod(key);
  if (period === null) throw new RangeError(`Not a period: ${JSON.stringify(key)}`);
  return periodsEndingWith(period, count).map(formatPeriod);
}
