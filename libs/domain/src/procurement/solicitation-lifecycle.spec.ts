import { SOLICITATION_STATUSES, type SolicitationStatus } from './procurement-vocabulary.js';
import {
  allowedSolicitationActions,
  nextSolicitationStatus,
  SOLICITATION_ACTIONS,
  transitionTimeProblem,
  type SolicitationAction,
} from './solicitation-lifecycle.js';

// Every (state, action) pair, written out: the table is the specification.
const EXPECTED: Record<SolicitationStatus, Record<SolicitationAction, SolicitationStatus | null>> = {
  draft: { publish: 'published', close: null, award: null, cancel: 'cancelled' },
  published: { publish: null, close: 'closed', award: null, cancel: 'cancelled' },
  closed: { publish: null, close: null, award: 'awarded', cancel: 'cancelled' },
  awarded: { publish: null, close: null, award: null, cancel: null },
  cancelled: { publish: null, close: null, award: null, cancel: null },
};

describe('solicitation lifecycle', () => {
  const pairs = SOLICITATION_STATUSES.flatMap((status) =>
    SOLICITATION_ACTIONS.map((action) => [status, action, EXPECTED[status][action]] as const),
  );

  it('should cover all 20 (state, action) pairs', () => {
    expect(pairs).toHaveLength(20);
  });

  it.each(pairs)('should move %s on %s to %p', (status, action, expected) => {
    expect(nextSolicitationStatus(status, action)).toBe(expected);
  });

  it.each([
    ['draft', ['publish', 'cancel']],
    ['published', ['close', 'cancel']],
    ['closed', ['award', 'cancel']],
    ['awarded', []],
    ['cancelled', []],
  ] as const)('should list the actions allowed from %s', (status, actions) => {
    expect(allowedSolicitationActions(status)).toEqual(actions);
  });
});

describe('transitionTimeProblem', () => {
  const now = new Date('2026-06-15T12:00:00Z');

  it.each([
    ['now, with no earlier move', now, [], null],
    [
      'a back-dated move after the previous one',
      new Date('2026-05-01T00:00:00Z'),
      [new Date('2026-04-01T00:00:00Z'), null],
      null,
    ],
    [
      'the same instant as the previous move',
      new Date('2026-04-01T00:00:00Z'),
      [new Date('2026-04-01T00:00:00Z')],
      null,
    ],
    ['a move in the future', new Date('2026-06-15T12:00:01Z'), [], 'at must not be in the future'],
    [
      'a move before the latest earlier move',
      new Date('2026-04-15T00:00:00Z'),
      [new Date('2026-04-01T00:00:00Z'), new Date('2026-05-01T00:00:00Z')],
      'at must not be before the previous move (2026-05-01T00:00:00.000Z)',
    ],
  ])('should judge %s', (_case, at, previous, expected) => {
    expect(transitionTimeProblem(at, previous, now)).toBe(expected);
  });
});
