// When a department's monthly meeting pack is due, and whether it is still timely. Pure: the worker reads the
// department's KPIs and their evaluations by key, this decides, the worker writes the outbox row.
import { clipToContract, contractPeriodTimes } from '../evaluation/kpi-period.js';
import type { Frequency } from '../evaluation/kpi-definition.js';
import { parsePeriod } from '../evaluation/reporting-period.js';
import { newNoticeStatus, type NewNoticeStatus } from '../notices/contract-notices.js';
import { packPeriodKeys } from './pack-period.js';

/** An active KPI of one of the department's contracts. */
export type PackKpi = { kpiId: string; frequency: Frequency; startDate: string; endDate: string; graceDays: number };

/** A KPI period the month's pack covers, and when it falls due. */
export type CoveredKpiPeriod = { kpiId: string; period: string; dueAt: Date };

/**
 * The KPI periods a month's pack covers: for each KPI, the period of its frequency that ends in the month
 * (`packPeriodKeys`), when that period falls within its contract's dates.
 */
export function coveredKpiPeriods(month: string, kpis: readonly PackKpi[], timeZone: string): CoveredKpiPeriod[] {
  const periods = packPeriodKeys(month).map((key) => parsePeriod(key)!);
  return kpis.flatMap((kpi) => {
    const period = periods.find((candidate) => candidate.frequency === kpi.frequency);
    const clipped = period ? clipToContract(period, kpi.startDate, kpi.endDate) : null;
    if (!clipped) return [];
    const { dueAt } = contractPeriodTimes(clipped.lastDay, kpi.graceDays, timeZone);
    return [{ kpiId: kpi.kpiId, period: clipped.key, dueAt }];
  });
}

/** How many of a pack's covered periods have been evaluated, and the first of those evaluations. */
export type CoveredEvaluations = { evaluated: number; firstEvaluatedAt: Date | null };

/**
 * The pack's outbox status once every period it covers has been evaluated, or null before that (or when it
 * covers nothing): a pack sent while part of the department's month is still within its grace days would be the
 * only one ever sent. It is stale when even the last of its periods to fall due did so more than
 * `notifyWithinDays` before the first of them was evaluated.
 */
export function meetingPackStatus(
  covered: readonly CoveredKpiPeriod[],
  { evaluated, firstEvaluatedAt }: CoveredEvaluations,
  notifyWithinDays: number,
): NewNoticeStatus | null {
  if (covered.length === 0 || evaluated < covered.length || firstEvaluatedAt === null) return null;
  let lastDue = covered[0].dueAt;
  for (const { dueAt } of covered) if (dueAt > lastDue) lastDue = dueAt;
  return newNoticeStatus(lastDue, firstEvaluatedAt, notifyWithinDays);
}
