import {
  commentDueOn,
  commentWindowOpen,
  nextEvaluationStatus,
  officerMayFinalize,
  proposeRating,
  ratingCallsForAwardWarning,
  supportsRenewal,
  type PerformanceEvaluationAction,
  type PerformanceEvaluationStatus,
} from './performance-evaluation.js';

describe('proposeRating', () => {
  it.each([
    [{ on_track: 9, off_track: 1 }, 10, 9, 'good'],
    [{ on_track: 10 }, 10, 10, 'good'],
    [{ on_track: 899, at_risk: 101 }, 1000, 899, 'approaching_target'],
    [{ on_track: 3, at_risk: 1 }, 4, 3, 'approaching_target'],
    [{ on_track: 74, off_track: 26 }, 100, 74, 'requires_improvement'],
    [{ on_track: 1, missing: 1 }, 2, 1, 'requires_improvement'],
    [{ on_track: 49, missing: 51 }, 100, 49, 'inadequate'],
    [{ at_risk: 3, off_track: 2 }, 5, 0, 'inadequate'],
    // The hand-worked range of the e2e test: 11 of 14 on track, 78.6 %.
    [{ on_track: 11, at_risk: 1, missing: 1, off_track: 1 }, 14, 11, 'approaching_target'],
  ] as const)('should rate %j as %s of %s on track: %s', (counts, evaluated, onTrack, rating) => {
    expect(proposeRating(counts)).toEqual({ evaluated, onTrack, proposedRating: rating });
  });

  it('should count a missing result as evaluated and not on track', () => {
    expect(proposeRating({ on_track: 1, missing: 1 })).toEqual({
      evaluated: 2,
      onTrack: 1,
      proposedRating: 'requires_improvement',
    });
  });

  it('should propose nothing when nothing was evaluated', () => {
    expect(proposeRating({})).toEqual({ evaluated: 0, onTrack: 0, proposedRating: null });
  });
});

describe('nextEvaluationStatus', () => {
  it.each<[PerformanceEvaluationStatus, PerformanceEvaluationAction, PerformanceEvaluationStatus | null]>([
    ['draft', 'edit', 'draft'],
    ['draft', 'issue', 'issued'],
    ['draft', 'comment', null],
    ['draft', 'finalize', null],
    ['issued', 'edit', null],
    ['issued', 'issue', null],
    ['issued', 'comment', 'issued'],
    ['issued', 'finalize', 'final'],
    ['final', 'edit', null],
    ['final', 'issue', null],
    ['final', 'comment', null],
    ['final', 'finalize', null],
  ])('should move %s by %s to %s', (status, action, next) => {
    expect(nextEvaluationStatus(status, action)).toBe(next);
  });
});

describe('the comment window', () => {
  it('should close the given number of calendar days after the day of issue, inclusive', () => {
    expect(commentDueOn('2026-07-10', 14)).toBe('2026-07-24');
    expect(commentDueOn('2026-02-20', 14)).toBe('2026-03-06');
    expect(commentWindowOpen('2026-07-24', '2026-07-24')).toBe(true);
    expect(commentWindowOpen('2026-07-24', '2026-07-25')).toBe(false);
  });

  it('should refuse a window of less than a day', () => {
    expect(() => commentDueOn('2026-07-10', 0)).toThrow(RangeError);
  });

  it('should let an officer finalize early only once the vendor has commented', () => {
    expect(officerMayFinalize(false, '2026-07-24', '2026-07-24')).toBe(false);
    expect(officerMayFinalize(true, '2026-07-24', '2026-07-11')).toBe(true);
    expect(officerMayFinalize(false, '2026-07-24', '2026-07-25')).toBe(true);
  });
});

describe('supportsRenewal', () => {
  const finalizedAt = new Date('2025-07-15T14:00:00Z');

  it('should hold for less than 12 calendar months after finalization', () => {
    expect(supportsRenewal(finalizedAt, new Date('2026-07-15T13:59:59.999Z'))).toBe(true);
    expect(supportsRenewal(finalizedAt, new Date('2026-07-15T14:00:00Z'))).toBe(false);
  });

  it('should end a month-end finalization on the shorter month’s last day', () => {
    const leapDay = new Date('2024-02-29T12:00:00Z');
    expect(supportsRenewal(leapDay, new Date('2025-02-28T11:59:59Z'))).toBe(true);
    expect(supportsRenewal(leapDay, new Date('2025-02-28T12:00:00Z'))).toBe(false);
  });
});

describe('ratingCallsForAwardWarning', () => {
  it.each([
    ['good', false],
    ['approaching_target', false],
    ['requires_improvement', true],
    ['inadequate', true],
  ] as const)('should warn about %s: %s', (rating, warns) => {
    expect(ratingCallsForAwardWarning(rating)).toBe(warns);
  });
});
