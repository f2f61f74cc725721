import { coveredPeriods, meetingPackStatus, type PackKpiGroup } from './pack-call.js';

type Named = PackKpiGroup & { name: string };
const group = (name: string, overrides: Partial<PackKpiGroup> = {}): Named => ({
  name,
  frequency: 'monthly',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  graceDays: 10,
  kpis: 1,
  ...overrides,
});
const iso = (covered: ReturnType<typeof coveredPeriods<Named>>) =>
  covered.map(({ group, period, dueAt }) => [group.name, period, dueAt.toISOString()]);

describe('coveredPeriods', () => {
  it('should cover the month of monthly KPIs and the quarter of quarterly ones in its last month', () => {
    const groups = [group('m'), group('q', { frequency: 'quarterly' }), group('a', { frequency: 'annual' })];
    expect(iso(coveredPeriods('2026-03', groups, 'America/New_York'))).toEqual([
      ['m', '2026-03', '2026-04-11T04:00:00.000Z'],
      ['q', '2026-Q1', '2026-04-11T04:00:00.000Z'],
    ]);
    expect(iso(coveredPeriods('2026-02', groups, 'America/New_York'))).toEqual([
      ['m', '2026-02', '2026-03-11T04:00:00.000Z'],
    ]);
    expect(iso(coveredPeriods('2026-12', groups, 'America/New_York')).map(([, period]) => period)).toEqual([
      '2026-12',
      '2026-Q4',
      '2026',
    ]);
  });

  it('should leave out KPIs whose contract has no day in the period, and clip the due date to the contract', () => {
    const groups = [
      group('before', { startDate: '2025-01-01', endDate: '2026-02-28' }),
      group('after', { startDate: '2026-04-01' }),
      group('ends-mid-month', { endDate: '2026-03-15', graceDays: 0 }),
      group('quarter-ended-early', { frequency: 'quarterly', endDate: '2026-02-10', graceDays: 0 }),
    ];
    expect(iso(coveredPeriods('2026-03', groups, 'America/New_York'))).toEqual([
      ['ends-mid-month', '2026-03', '2026-03-16T04:00:00.000Z'],
      ['quarter-ended-early', '2026-Q1', '2026-02-11T05:00:00.000Z'],
    ]);
  });
});

describe('meetingPackStatus', () => {
  const due = new Date('2026-04-11T04:00:00Z');
  const later = (days: number) => new Date(due.getTime() + days * 86_400_000);
  // Three KPI periods: two monthly KPIs of one kind, one quarterly.
  const covered = [
    { group: group('a', { kpis: 2 }), period: '2026-03', dueAt: due },
    { group: group('b', { frequency: 'quarterly' }), period: '2026-Q1', dueAt: later(10) },
  ];

  it('should call for no pack while a covered KPI period is not evaluated, or when nothing is covered', () => {
    expect(meetingPackStatus([], { evaluated: 0, firstEvaluatedAt: null }, 45)).toBeNull();
    expect(meetingPackStatus(covered, { evaluated: 2, firstEvaluatedAt: due }, 45)).toBeNull();
  });

  it('should judge staleness from the last period to fall due and the first evaluation', () => {
    const evaluations = { evaluated: 3, firstEvaluatedAt: later(50) };
    expect(meetingPackStatus(covered, evaluations, 45)).toBe('pending');
    expect(meetingPackStatus(covered, evaluations, 39)).toBe('suppressed');
  });
});
