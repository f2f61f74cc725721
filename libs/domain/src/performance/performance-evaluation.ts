// Formal performance evaluations of a contract over a range of months (the product design §9): the rating the
// system proposes from the KPI results of the range, the lifecycle, the vendor's comment window, and whether a
// final evaluation is recent enough to renew the contract on.
import { Temporal } from 'temporal-polyfill';
import type { KpiStatus } from '../evaluation/kpi-status.js';

export const PERFORMANCE_RATINGS = ['good', 'approaching_target', 'requires_improvement', 'inadequate'] as const;
export type PerformanceRating = (typeof PERFORMANCE_RATINGS)[number];

export const PERFORMANCE_EVALUATION_STATUSES = ['draft', 'issued', 'final'] as const;
export type PerformanceEvaluationStatus = (typeof PERFORMANCE_EVALUATION_STATUSES)[number];

/** The figures a proposal is made from: KPI evaluations of the range, how many on track, and the rating. */
export type RatingProposal = { evaluated: number; onTrack: number; proposedRating: PerformanceRating | null };

// Shares as whole fractions (numerator, denominator), compared exactly: no rounding decides a rating.
const BANDS: readonly { rating: PerformanceRating; atLeast: [number, number] }[] = [
  { rating: 'good', atLeast: [90, 100] },
  { rating: 'approaching_target', atLeast: [75, 100] },
  { rating: 'requires_improvement', atLeast: [50, 100] },
];

/** How many KPI evaluations of the range had each status. */
export type StatusCounts = Partial<Record<KpiStatus, number>>;

/**
 * The proposed rating from the range's KPI evaluations, counted by status: the share on track, ≥ 90 % `good`,
 * ≥ 75 % `approaching_target`, ≥ 50 % `requires_improvement`, else `inadequate`. Every evaluated period counts,
 * `missing` included (data not reported is a result not delivered), and only `on_track` counts as on track
 * (`at_risk` missed its target). With nothing evaluated there is nothing to judge: the proposal is null.
 */
export function proposeRating(counts: StatusCounts): RatingProposal {
  const evaluated = Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0);
  const onTrack = counts.on_track ?? 0;
  if (evaluated === 0) return { evaluated, onTrack, proposedRating: null };
  const band = BANDS.find(({ atLeast: [part, whole] }) => onTrack * whole >= part * evaluated);
  return { evaluated, onTrack, proposedRating: band?.rating ?? 'inadequate' };
}

/** What an officer or the window's close does to an evaluation. */
export type PerformanceEvaluationAction = 'edit' | 'issue' | 'comment' | 'finalize';

// draft → issued → final; a draft alone is edited, an issued one alone takes the vendor's comment.
const ALLOWED: Record<PerformanceEvaluationAction, PerformanceEvaluationStatus> = {
  edit: 'draft',
  issue: 'draft',
  comment: 'issued',
  finalize: 'issued',
};
const LEADS_TO: Record<PerformanceEvaluationAction, PerformanceEvaluationStatus | null> = {
  edit: null,
  issue: 'issued',
  comment: null,
  finalize: 'final',
};

/** The status after `action`, or null when the action is not allowed from `status` (a 409). */
export function nextEvaluationStatus(
  status: PerformanceEvaluationStatus,
  action: PerformanceEvaluationAction,
): PerformanceEvaluationStatus | null {
  if (ALLOWED[action] !== status) return null;
  return LEADS_TO[action] ?? status;
}

/** The last day a vendor may comment: `days` calendar days after the day of issue, in the city's calendar. */
export function commentDueOn(issuedOn: string, days: number): string {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be an integer >= 1, got ${days}`);
  return Temporal.PlainDate.from(issuedOn).add({ days }).toString();
}

/** Whether the comment window is still open on the city's `today`: through its last day, inclusive. */
export function commentWindowOpen(dueOn: string, today: string): boolean {
  return Temporal.PlainDate.compare(Temporal.PlainDate.from(today), Temporal.PlainDate.from(dueOn)) <= 0;
}

/**
 * Whether an officer may finalize an issued evaluation now: once the vendor has commented, or once the window has
 * closed. Before that the vendor's time to answer is kept (the window's close finalizes it by itself).
 */
export function officerMayFinalize(commented: boolean, dueOn: string, today: string): boolean {
  return commented || !commentWindowOpen(dueOn, today);
}

/** How long a final evaluation supports a renewal. */
export const RENEWAL_EVALUATION_MONTHS = 12;

/**
 * Whether a final evaluation finalized at `finalizedAt` supports a renewal at `now`: less than 12 calendar months
 * have passed since the instant it became final (counted in UTC, a month ending on a shorter month's last day).
 */
export function supportsRenewal(finalizedAt: Date, now: Date): boolean {
  const expires = Temporal.Instant.fromEpochMilliseconds(finalizedAt.getTime())
    .toZonedDateTimeISO('UTC')
    .add({ months: RENEWAL_EVALUATION_MONTHS });
  return now.getTime() < expires.epochMilliseconds;
}

/** Whether a final rating is one an award should be warned about (the product design §9: past performance). */
export function ratingCallsForAwardWarning(rating: PerformanceRating): boolean {
  return rating === 'requires_improvement' || rating === 'inadequate';
}
