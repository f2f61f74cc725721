import type { KpiDirection } from './kpi-definition.js';
import type { KpiStatus } from './kpi-status.js';
import type { NotificationKind } from '../notifications/notification-vocabulary.js';

/** What judging a value needs: which way is good, the target and the off-track threshold. */
export type KpiRule = { direction: KpiDirection; target: number; offTrackThreshold: number };

/**
 * The status of one KPI for one period (product design §3), or null when the period is not evaluated yet
 * (no value and the reporting grace period has not passed).
 */
export function evaluateKpi(rule: KpiRule, value: number | null, due: boolean): KpiStatus | null {
  if (value === null) return due ? 'missing' : null;
  const atLeastAsGood =
    rule.direction === 'higher_is_better' ? (a: number, b: number) => a >= b : (a: number, b: number) => a <= b;
  if (atLeastAsGood(value, rule.target)) return 'on_track';
  return atLeastAsGood(value, rule.offTrackThreshold) ? 'at_risk' : 'off_track';
}

// Worst last: a contract's status for a period is the worst of its KPIs'.
const SEVERITY: Record<KpiStatus, number> = { on_track: 0, at_risk: 1, missing: 2, off_track: 3 };

/** The worst of a contract's KPI statuses for a period, or null when none was evaluated. */
export function contractStatus(statuses: KpiStatus[]): KpiStatus | null {
  return statuses.reduce<KpiStatus | null>(
    (worst, status) => (worst === null || SEVERITY[status] > SEVERITY[worst] ? status : worst),
    null,
  );
}

/**
 * How many periods in a row, ending with the last, a KPI has been off track. `history` is oldest first and
 * holds one entry per consecutive period; a period without an evaluation is `null` and breaks the run.
 */
export function consecutiveOffTrack(history: (KpiStatus | null)[]): number {
  let run = 0;
  for (let index = history.length - 1; index >= 0 && history[index] === 'off_track'; index--) run++;
  return run;
}

/** One KPI's part in a contract's period: its status now and its off-track run ending with this period. */
export type KpiOutcome = { status: KpiStatus; offTrackRun: number };

/**
 * Which emails a contract's period calls for (product design §3): `off_track` when a KPI is off track (the
 * digest also lists at-risk ones), `missing_data` when one lacks data, `escalation` when one has been off track
 * for `escalateAfterPeriods` periods in a row.
 */
export function notificationKinds(outcomes: KpiOutcome[], escalateAfterPeriods: number): NotificationKind[] {
  const kinds: NotificationKind[] = [];
  if (outcomes.some((outcome) => outcome.status === 'off_track')) kinds.push('off_track');
  if (outcomes.some((outcome) => outcome.status === 'missing')) kinds.push('missing_data');
  if (outcomes.some((outcome) => outcome.offTrackRun >= escalateAfterPeriods)) kinds.push('escalation');
  return kinds;
}
