// When a department's monthly meeting pack is due, and whether it is still timely. Pure: the worker reads the
// department's KPIs and their evaluations by key, this decides, the worker writes the outbox row.
import { clipToContract, contractPeriodTimes } from '../evaluation/kpi-period.js';
import type { Frequency } from '../evaluation/kpi-definition.js';
import { parsePeriod } from '../evaluation/reporting-period.js';
import { newNoticeStatus, type NewNoticeStatus } from '../notices/contract-notices.js';
import { packPeriodKeys } from './pack-period.js';

/**
 * Active KPIs of the department's contracts that share a frequency, contract dates and grace days, counted: they
 * have the same covered period, due at the same time, so a city's KPIs are judged once per kind, not one by one.
 */
export type PackKpiGroup = {
  frequency: Frequency;
  startDate: string;
  endDate: string;
  graceDays: number;
  kpis: number;
};

/** The period of a group's KPIs that the month's pack covers, and when it falls due. */
export type CoveredPeriod<G extends PackKpiGroup = PackKpiGroup> = { group: G; period: string; dueAt: Date };

/**
 * The KPI periods a month's pack covers, by group: for each group, the period of its frequency that ends in the
 * month (`packPeriodKeys`), when that period falls within its contracts' dates.
 */
export function coveredPeriods<G extends PackKpiGroup>(
  month: string,
  groups: readonly G[],
  timeZone: string,
): CoveredPeriod<G>[] {
  const periods = packPeriodKeys(month).map((key) => parsePeriod(key)!);
  return groups.flatMap((group) => {
    const period = periods.find((candidate) => candidate.frequency === group.frequency);
    const clipped = period ? clipToContract(period, group.startDate, group.endDate) : null;
    if (!clipped) return [];
    const { dueAt } = contractPeriodTimes(clipped.lastDay, group.graceDays, timeZone);
    return [{ group, period: clipped.key, dueAt }];
  });
}

/** How many of a pack's covered KPI periods have been evaluated, and the first of those evaluations. */
export type CoveredEvaluations = { evaluated: number; firstEvaluatedAt: Date | null };

/**
 * The pack's outbox status once every KPI period it covers has been evaluated, or null before that (or when it
 * covers nothing): a pack sent while part of the department's month is still within its grace days would be the
 * only one ever sent. It is stale when even the last of its periods to fall due did so more than
 * `notifyWithinDays` before the first of them was evaluated.
 */
export function meetingPackStatus(
  covered: readonly CoveredPeriod[],
  { evaluated, firstEvaluatedAt }: CoveredEvaluations,
  notifyWithinDays: number,
): NewNoticeStatus | null {
  const kpiPeriods = covered.reduce((sum, { group }) => sum + group.kpis, 0);
  if (kpiPeriods === 0 || evaluated < kpiPeriods || firstEvaluatedAt === null) return null;
  let lastDue = covered[0].dueAt;
  for (const { dueAt } of covered) if (dueAt > lastDue) lastDue = dueAt;
  return newNoticeStatus(lastDue, firstEvaluatedAt, notifyWithinDays);
}

/** A group of KPIs with how many of them have been evaluated for the period the pack covers. */
export type PackKpiGroupProgress = PackKpiGroup & { evaluated: number };

/** The covered KPI periods that may still be evaluated, how many KPI periods they hold, and the last due. */
export type PeriodsWithinGrace<G extends PackKpiGroupProgress = PackKpiGroupProgress> = {
  periods: CoveredPeriod<G>[];
  kpiPeriods: number;
  /** When the last of them falls due; null when there are none. */
  lastDueAt: Date | null;
};

/**
 * Which of a month's covered KPI periods are still within their grace days at `now`: not yet due (the period is
 * still running, or ended less than `reportingGraceDays` ago) and not every KPI of it evaluated. Their values may
 * still come in, so a pack showing them is not final; a KPI left unevaluated once due is `missing`, not pending.
 */
export function periodsWithinGrace<G extends PackKpiGroupProgress>(
  covered: readonly CoveredPeriod<G>[],
  now: Date,
): PeriodsWithinGrace<G> {
  const periods = covered.filter(({ group, dueAt }) => dueAt > now && group.evaluated < group.kpis);
  let lastDueAt: Date | null = null;
  for (const { dueAt } of periods) if (lastDueAt === null || dueAt > lastDueAt) lastDueAt = dueAt;
  const kpiPeriods = periods.reduce((sum, { group }) => sum + group.kpis - group.evaluated, 0);
  return { periods, kpiPeriods, lastDueAt };
}
