import type { SolicitationStatus } from './procurement-vocabulary.js';

/** What an officer can do to a solicitation. */
export const SOLICITATION_ACTIONS = ['publish', 'close', 'award', 'cancel'] as const;
export type SolicitationAction = (typeof SOLICITATION_ACTIONS)[number];

// draft → published → closed → awarded; cancelled from any state before awarded. Nothing else.
const TRANSITIONS: Record<SolicitationStatus, Partial<Record<SolicitationAction, SolicitationStatus>>> = {
  draft: { publish: 'published', cancel: 'cancelled' },
  published: { close: 'closed', cancel: 'cancelled' },
  closed: { award: 'awarded', cancel: 'cancelled' },
  awarded: {},
  cancelled: {},
};

/** The timestamp each status records when it is entered. */
export const STATUS_TIMESTAMP = {
  published: 'publishedAt',
  closed: 'closedAt',
  awarded: 'awardedAt',
  cancelled: 'cancelledAt',
} as const satisfies Partial<Record<SolicitationStatus, string>>;

/** The status an action leads to, or null when the action is not allowed from `status`. */
export function nextSolicitationStatus(
  status: SolicitationStatus,
  action: SolicitationAction,
): SolicitationStatus | null {
  return TRANSITIONS[status][action] ?? null;
}

/** The actions allowed from `status`, for error messages. */
export function allowedSolicitationActions(status: SolicitationStatus): SolicitationAction[] {
  return SOLICITATION_ACTIONS.filter((action) => TRANSITIONS[status][action] !== undefined);
}

/**
 * Why a move recorded at `at` cannot be accepted, or null when it can: moves may be back-dated (officers record
 * what happened earlier) but not into the future, and not before the previous move.
 */
export function transitionTimeProblem(at: Date, previousMoves: (Date | null)[], now: Date): string | null {
  if (at.getTime() > now.getTime()) return 'at must not be in the future';
  const previous = previousMoves.filter((moment): moment is Date => moment !== null);
  const latest = previous.reduce<Date | null>((max, moment) => (!max || moment > max ? moment : max), null);
  if (latest && at.getTime() < latest.getTime()) {
    return `at must not be before the previous move (${latest.toISOString()})`;
  }
  return null;
}
