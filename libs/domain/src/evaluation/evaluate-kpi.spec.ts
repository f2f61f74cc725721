import { consecutiveOffTrack, contractStatus, evaluateKpi, notificationKinds, type KpiRule } from './evaluate-kpi.js';

const higher: KpiRule = { direction: 'higher_is_better', target: 95, offTrackThreshold: 90 };
const lower: KpiRule = { direction: 'lower_is_better', target: 5, offTrackThreshold: 10 };
const exact: KpiRule = { direction: 'higher_is_better', target: 90, offTrackThreshold: 90 };

describe('evaluateKpi', () => {
  it.each([
    [higher, 99, true, 'on_track'],
    [higher, 95, false, 'on_track'],
    [higher, 94.9999, true, 'at_risk'],
    [higher, 90, true, 'at_risk'],
    [higher, 89.9999, true, 'off_track'],
    [higher, -1, true, 'off_track'],
    [lower, 0, true, 'on_track'],
    [lower, 5, true, 'on_track'],
    [lower, 5.0001, true, 'at_risk'],
    [lower, 10, true, 'at_risk'],
    [lower, 10.5, true, 'off_track'],
    [exact, 90, true, 'on_track'],
    [exact, 89, true, 'off_track'],
    [higher, null, true, 'missing'],
    [higher, null, false, null],
    [lower, null, false, null],
  ] as const)('should judge %o with value %p (due: %p) as %p', (rule, value, due, expected) => {
    expect(evaluateKpi(rule, value, due)).toBe(expected);
  });
});

describe('contractStatus', () => {
  it.each([
    [[], null],
    [['on_track'], 'on_track'],
    [['on_track', 'at_risk'], 'at_risk'],
    [['at_risk', 'missing', 'on_track'], 'missing'],
    [['missing', 'off_track'], 'off_track'],
    [['off_track', 'on_track', 'missing', 'at_risk'], 'off_track'],
  ] as const)('should take the worst of %p: %p', (statuses, expected) => {
    expect(contractStatus([...statuses])).toBe(expected);
  });
});

describe('consecutiveOffTrack', () => {
  it.each([
    [[], 0],
    [['off_track'], 1],
    [['on_track', 'off_track', 'off_track'], 2],
    [['off_track', 'off_track', 'at_risk'], 0],
    [['off_track', null, 'off_track'], 1],
    [['off_track', 'missing', 'off_track', 'off_track', 'off_track'], 3],
  ] as const)('should count the run ending %p: %d', (history, expected) => {
    expect(consecutiveOffTrack([...history])).toBe(expected);
  });
});

describe('notificationKinds', () => {
  it.each([
    ['all on track', [{ status: 'on_track', offTrackRun: 0 }], 2, []],
    ['at risk only (no email: nothing is off track)', [{ status: 'at_risk', offTrackRun: 0 }], 2, []],
    ['one off track, first time', [{ status: 'off_track', offTrackRun: 1 }], 2, ['off_track']],
    [
      'one off track for the second period in a row',
      [{ status: 'off_track', offTrackRun: 2 }],
      2,
      ['off_track', 'escalation'],
    ],
    [
      'escalation after one period when so configured',
      [{ status: 'off_track', offTrackRun: 1 }],
      1,
      ['off_track', 'escalation'],
    ],
    [
      'one missing and one off track',
      [
        { status: 'missing', offTrackRun: 0 },
        { status: 'off_track', offTrackRun: 1 },
      ],
      2,
      ['off_track', 'missing_data'],
    ],
    ['missing only', [{ status: 'missing', offTrackRun: 0 }], 2, ['missing_data']],
  ] as const)('should call for the right emails when %s', (_case, outcomes, escalateAfter, expected) => {
    expect(notificationKinds([...outcomes], escalateAfter)).toEqual(expected);
  });
});
