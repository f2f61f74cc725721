import { coveredPeriods, meetingPackStatus, periodsWithinGrace, type PackKpiGroup } from './pack-call.js';

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

describe('periodsWithinGrace', () => {
  const zone = 'America/New_York';
  // March 2026, due 2026-04-11 04:00Z with ten grace days; the quarter, due ten days after that with twenty.
  const groups = [
    { ...group('monthly', { kpis: 3 }), evaluated: 1 },
    { ...group('quarterly', { frequency: 'quarterly', graceDays: 20, kpis: 2 }), evaluated: 0 },
    { ...group('done', { kpis: 4 }), evaluated: 4 },
  ];
  const covered = coveredPeriods('2026-03', groups, zone);
  const at = (instant: string) => periodsWithinGrace(covered, new Date(instant));
  const names = (result: ReturnType<typeof at>) => result.periods.map(({ group }) => group.name);

  it('should count the unevaluated KPI periods not yet due, while the month runs and in its grace days', () => {
    for (const instant of ['2026-03-20T12:00:00Z', '2026-04-05T12:00:00Z']) {
      const result = at(instant);
      expect(names(result)).toEqual(['monthly', 'quarterly']);
      expect(result.kpiPeriods).toBe(2 + 2);
      expect(result.lastDueAt).toEqual(new Date('2026-04-21T04:00:00Z'));
    }
  });

  it('should drop a period at the instant it falls due, and report none once all are due', () => {
    expect(names(at('2026-04-11T03:59:59Z'))).toEqual(['monthly', 'quarterly']);
    const after = at('2026-04-11T04:00:00Z');
    expect(names(after)).toEqual(['quarterly']);
    expect(after.kpiPeriods).toBe(2);
    expect(at('2026-04-21T04:00:00Z')).toEqual({ periods: [], kpiPeriods: 0, lastDueAt: null });
  });

  it('should not count a period whose KPIs are all evaluated, even within its grace days', () => {
    const evaluated = groups.map((entry) => ({ ...entry, evaluated: entry.kpis }));
    expect(periodsWithinGrace(coveredPeriods('2026-03', evaluated, zone), new Date('2026-04-01T00:00:00Z'))).toEqual({
      periods: [],
      kpiPeriods: 0,
      lastDueAt: null,
    });
  });
});
