// When a run judges a KPI's period (the product design §3), decided once for the worker, the API and the reports.
// Pure: the instant is passed in, and time zones go through the reporting-period module.
import { evaluateKpi, type KpiRule } from './evaluate-kpi.js';
import type { KpiStatus } from './kpi-status.js';
import {
  addCalendarDays,
  formatPeriod,
  isPeriodWithin,
  localMidnight,
  periodDueAt,
  periodFirstDay,
  periodLastDay,
  type ContractPeriod,
  type ReportingPeriod,
} from './reporting-period.js';

/** A period clipped to a contract's dates (inclusive), or null when it shares no day with them. */
export function clipToContract(period: ReportingPeriod, startDate: string, endDate: string): ContractPeriod | null {
  if (!isPeriodWithin(period, startDate, endDate)) return null;
  // Calendar dates written YYYY-MM-DD compare as the days they name.
  const [firstDay, lastDay] = [periodFirstDay(period), periodLastDay(period)];
  return {
    period,
    key: formatPeriod(period),
    firstDay: firstDay < startDate ? startDate : firstDay,
    lastDay: lastDay > endDate ? endDate : lastDay,
  };
}

/** When a contract's period (its last day clipped to the contract's dates) ends, and when it falls due. */
export type PeriodTimes = {
  /** Local midnight after the period's last day: a value may be judged from then on. */
  endedAt: Date;
  /** `reportingGraceDays` calendar days later: from then on, no value is `missing`. */
  dueAt: Date;
};

const TIMES_KEPT = 10_000;
/** Epoch milliseconds of the times already worked out, by zone, last day and grace days: runs ask again and again. */
const knownTimes = new Map<string, [endedAt: number, dueAt: number]>();

/** The times of a contract period whose last day (clipped to the contract) is `lastDay`, `YYYY-MM-DD`. */
export function contractPeriodTimes(lastDay: string, graceDays: number, timeZone: string): PeriodTimes {
  const key = `${timeZone} ${lastDay} ${graceDays}`;
  let times = knownTimes.get(key);
  if (times === undefined) {
    times = [
      localMidnight(addCalendarDays(lastDay, 1), timeZone).getTime(),
      periodDueAt(lastDay, graceDays, timeZone).getTime(),
    ];
    if (knownTimes.size >= TIMES_KEPT) knownTimes.delete(knownTimes.keys().next().value!);
    knownTimes.set(key, times);
  }
  return { endedAt: new Date(times[0]), dueAt: new Date(times[1]) };
}

/** What a run knows of one KPI period: its current value, when it was recorded, and the period's last evaluation. */
export type KpiPeriodFacts = PeriodTimes & {
  value: number | null;
  recordedAt: Date | null;
  lastEvaluatedAt: Date | null;
};

/**
 * The status a run writes for a KPI period at `now`, or null when the run leaves it alone: a period is judged
 * once it has ended and has a value, or once it is due without one, and judged again only when its value was
 * recorded after its last evaluation (a late or corrected value).
 */
export function judgeKpiPeriod(rule: KpiRule, facts: KpiPeriodFacts, now: Date): KpiStatus | null {
  const due = facts.dueAt <= now;
  if (facts.value === null ? !due : facts.endedAt > now) return null;
  const changedSince =
    facts.lastEvaluatedAt === null || (facts.recordedAt !== null && facts.recordedAt > facts.lastEvaluatedAt);
  return changedSince ? evaluateKpi(rule, facts.value, due) : null;
}
