import type { Frequency } from '../evaluation/kpi-definition.js';
import { isPeriodWithin, parsePeriodFor, periodFirstDay } from '../evaluation/reporting-period.js';

// Whether a KPI takes a value for a period (the product design (§3, §4)): one judgement, worded once, for the PUT
// of one value and for every row of an import.

const PERIOD_EXAMPLES: Record<Frequency, string> = { monthly: '2026-03', quarterly: '2026-Q1', annual: '2026' };

/** The KPI a value is for, as far as accepting it goes. */
export type MeasuredKpi = { name: string; active: boolean; frequency: Frequency };

/** The dates of the KPI's contract, `YYYY-MM-DD`, inclusive. */
export type MeasuredContract = { startDate: string; endDate: string };

/** The rule a refused value breaks. */
export type MeasurementRule = 'inactive_kpi' | 'period_format' | 'outside_contract' | 'not_begun';

/** Why a value is refused, in words for the caller. */
export type MeasurementProblem = { rule: MeasurementRule; message: string };

/**
 * Null when the KPI takes a value for `period`; otherwise the first rule broken, in this order: the KPI is active,
 * the period is written for its frequency, shares a day with the contract, and has begun. `today` is the city's
 * calendar date now (`YYYY-MM-DD` in `CITY_TIMEZONE`): a period begins at local midnight of its first day.
 */
export function measurementProblem(
  kpi: MeasuredKpi,
  contract: MeasuredContract,
  period: string,
  today: string,
): MeasurementProblem | null {
  if (!kpi.active) {
    return { rule: 'inactive_kpi', message: `KPI "${kpi.name}" is not active and takes no measurements` };
  }
  const parsed = parsePeriodFor(period, kpi.frequency);
  if (!parsed) {
    const example = PERIOD_EXAMPLES[kpi.frequency];
    return { rule: 'period_format', message: `period must be written like ${example} for a ${kpi.frequency} KPI` };
  }
  if (!isPeriodWithin(parsed, contract.startDate, contract.endDate)) {
    const { startDate, endDate } = contract;
    return {
      rule: 'outside_contract',
      message: `period ${period} is outside the contract (${startDate} to ${endDate})`,
    };
  }
  // 'YYYY-MM-DD' strings sort as the dates they name.
  if (periodFirstDay(parsed) > today) return { rule: 'not_begun', message: `period ${period} has not begun yet` };
  return null;
}
