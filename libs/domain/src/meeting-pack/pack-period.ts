// Which evaluations a monthly meeting pack covers, and the months of its trend. A pack is for one month; it covers
// the evaluations of every period that ends in that month (the month itself, the quarter that ends with it, the
// year that ends with it), so that 2026-Q1 is discussed at the 2026-03 meeting. Pure: the clock is an argument.
import { contractStatus } from '../evaluation/evaluate-kpi.js';
import {
  comparePeriods,
  formatPeriod,
  parsePeriod,
  periodLastDay,
  periodOfInstant,
  previousPeriod,
  type ReportingPeriod,
} from '../evaluation/reporting-period.js';
import type { KpiStatus } from '../evaluation/kpi-status.js';

/** Months a pack's trend shows, ending with the pack's month. */
export const TREND_MONTHS = 6;

/** The month `YYYY-MM` (years 1900–9999), or null when the text is not one. */
export function parsePackMonth(text: string): ReportingPeriod | null {
  const period = parsePeriod(text);
  return period?.frequency === 'monthly' ? period : null;
}

function requirePackMonth(month: string): ReportingPeriod {
  const period = parsePackMonth(month);
  if (period === null) throw new RangeError(`Not a month written YYYY-MM: ${JSON.stringify(month)}`);
  return period;
}

/**
 * Whether the month has begun in the city's time zone at `now`: a pack is for a month under way or past. One of a
 * later month would show nothing yet, and read as a month in which nothing went wrong.
 */
export function packMonthHasBegun(month: string, now: Date, timeZone: string): boolean {
  return comparePeriods(requirePackMonth(month), periodOfInstant(now, 'monthly', timeZone)) <= 0;
}

/** The period keys whose periods end in the month, shortest first: `2026-03`, `2026-Q1`; `2026-12` adds `2026`. */
export function packPeriodKeys(month: string): string[] {
  const { year, index } = requirePackMonth(month);
  const keys = [month];
  if (index % 3 === 0) keys.push(`${year}-Q${index / 3}`);
  if (index === 12) keys.push(String(year));
  return keys;
}

/** The month a period (`2026-03`, `2026-Q1`, `2026`) ends in, `YYYY-MM`: the pack that covers it. */
export function packMonthOf(periodKey: string): string {
  const period = parsePeriod(periodKey);
  if (period === null) throw new RangeError(`Not a period: ${JSON.stringify(periodKey)}`);
  return periodLastDay(period).slice(0, 7);
}

/** The trend's months, oldest first, ending with `month`. */
export function trendMonths(month: string, count = TREND_MONTHS): string[] {
  const months: string[] = [];
  let period = requirePackMonth(month);
  for (let index = 0; index < count; index++) {
    months.unshift(formatPeriod(period));
    // The trend of 1900-01 has nothing before it to show.
    if (period.year === 1900 && period.index === 1) break;
    period = previousPeriod(period);
  }
  return months;
}

/** One KPI evaluation, as far as the trend is concerned. */
export type TrendEvaluation = { contractId: string; period: string; status: KpiStatus };

/** A contract's status in each month of the trend, oldest first; null where nothing of it was evaluated. */
export type ContractTrend = { month: string; status: KpiStatus | null }[];

/**
 * Each contract's status month by month: the worst status of its evaluations of periods ending in that month
 * (the pack's own rule, so a quarterly KPI counts in the quarter's last month). Months outside `months` are ignored.
 */
export function assembleTrends(
  evaluations: readonly TrendEvaluation[],
  months: readonly string[],
): Map<string, ContractTrend> {
  const statuses = new Map<string, Map<string, KpiStatus[]>>();
  for (const evaluation of evaluations) {
    const month = packMonthOf(evaluation.period);
    if (!months.includes(month)) continue;
    const byMonth = statuses.get(evaluation.contractId) ?? new Map<string, KpiStatus[]>();
    byMonth.set(month, [...(byMonth.get(month) ?? []), evaluation.status]);
    statuses.set(evaluation.contractId, byMonth);
  }
  return new Map(
    [...statuses].map(([contractId, byMonth]) => [
      contractId,
      months.map((month) => ({ month, status: contractStatus(byMonth.get(month) ?? []) })),
    ]),
  );
}
