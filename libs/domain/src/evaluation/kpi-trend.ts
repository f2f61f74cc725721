// The early warning (the product design §9): a KPI still on track or at risk whose recent values head for its
// off-track threshold is flagged before it gets there.
import { evaluateKpi, type KpiRule } from './evaluate-kpi.js';
import type { KpiStatus } from './kpi-status.js';
import {
  formatPeriod,
  MAX_PERIOD_YEAR,
  nextPeriod,
  parsePeriod,
  periodOrdinal,
  type ReportingPeriod,
} from './reporting-period.js';

/** How many evaluated values the line is drawn through, unless TREND_PERIODS says otherwise. */
export const DEFAULT_TREND_PERIODS = 4;
/** Fewer points make a "trend" of one change; the line is meaningful from three. */
export const MIN_TREND_PERIODS = 3;
export const MAX_TREND_PERIODS = 24;

/** One evaluated period of a KPI, as the evaluation recorded it (`value` null when missing). */
export type TrendPoint = { period: string; value: number | null; status: KpiStatus };

/** A KPI heading off track: the line's value at the next period, rounded to 4 decimals. */
export type KpiTrend = { direction: 'worsening'; projectedValue: number; projectedPeriod: string };

/**
 * The KPI's trend, or null when it carries none. `history` is the KPI's evaluated periods, oldest first, the last
 * being its latest evaluated period (periods of another frequency than the latest's are left out); `rule` the direction, target and threshold that period was
 * judged by. Flagged when the latest period is on track or at risk, and the least-squares line through the last
 * `trendPeriods` values (missing periods have none and are skipped, their distance kept: x is the period's place
 * in its calendar) slopes the bad way and is off track at the period after the latest. Fewer values: no trend.
 */
export function kpiTrend(rule: KpiRule, history: readonly TrendPoint[], trendPeriods: number): KpiTrend | null {
  if (!Number.isInteger(trendPeriods) || trendPeriods < MIN_TREND_PERIODS) {
    throw new RangeError(`trendPeriods must be an integer >= ${MIN_TREND_PERIODS}, got ${trendPeriods}`);
  }
  const latest = history.at(-1);
  if (latest === undefined || (latest.status !== 'on_track' && latest.status !== 'at_risk')) return null;
  const latestPeriod = requirePeriodKey(latest.period);
  // A KPI whose frequency was changed keeps the evaluations of its former one: the line is of its current periods.
  const points = history
    .map((point) => ({ period: requirePeriodKey(point.period), value: point.value }))
    .filter((point) => point.value !== null && point.period.frequency === latestPeriod.frequency)
    .slice(-trendPeriods)
    .map((point) => ({ x: periodOrdinal(point.period), y: point.value! }));
  // The last period of year 9999 has no next one to project to.
  if (points.length < trendPeriods || (latestPeriod.year === MAX_PERIOD_YEAR && isLastOfYear(latestPeriod)))
    return null;

  const next = nextPeriod(latestPeriod);
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / points.length;
  const spread = points.reduce((sum, point) => sum + (point.x - meanX) ** 2, 0);
  const slope = points.reduce((sum, point) => sum + (point.x - meanX) * (point.y - meanY), 0) / spread;
  const worsening = rule.direction === 'higher_is_better' ? slope < 0 : slope > 0;
  if (!worsening) return null;
  const projectedValue = roundTo4(meanY + slope * (periodOrdinal(next) - meanX));
  if (evaluateKpi(rule, projectedValue, true) !== 'off_track') return null;
  return { direction: 'worsening', projectedValue, projectedPeriod: formatPeriod(next) };
}

function requirePeriodKey(key: string): ReportingPeriod {
  const period = parsePeriod(key);
  if (period === null) throw new RangeError(`Not a period: ${JSON.stringify(key)}`);
  return period;
}

const isLastOfYear = (period: ReportingPeriod) =>
  period.frequency === 'annual' || (period.frequency === 'quarterly' ? period.index === 4 : period.index === 12);

const roundTo4 = (value: number) => Math.round(value * 10_000) / 10_000 + 0;
