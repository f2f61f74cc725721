import { coveredKpiPeriods, meetingPackStatus, type PackKpi } from './pack-call.js';

const kpi = (kpiId: string, overrides: Partial<PackKpi> = {}): PackKpi => ({
  kpiId,
  frequency: 'monthly',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  graceDays: 10,
  ...overrides,
});
const iso = (covered: ReturnType<typeof coveredKpiPeriods>) =>
  covered.map(({ kpiId, period, dueAt }) => [kpiId, period, dueAt.toISOString()]);

describe('coveredKpiPeriods', () => {
  it('should cover the month of monthly KPIs and the quarter of quarterly ones in its last month', () => {
    const kpis = [kpi('m'), kpi('q', { frequency: 'quarterly' }), kpi('a', { frequency: 'annual' })];
    expect(iso(coveredKpiPeriods('2026-03', kpis, 'America/New_York'))).toEqual([
      ['m', '2026-03', '2026-04-11T04:00:00.000Z'],
      ['q', '2026-Q1', '2026-04-11T04:00:00.000Z'],
    ]);
    expect(iso(coveredKpiPeriods('2026-02', kpis, 'America/New_York'))).toEqual([
      ['m', '2026-02', '2026-03-11T04:00:00.000Z'],
    ]);
    expect(iso(coveredKpiPeriods('2026-12', kpis, 'America/New_York')).map(([, period]) => period)).toEqual([
      '2026-12',
      '2026-Q4',
      '2026',
    ]);
  });

  it('should leave out KPIs whose contract has no day in the period, and clip the due date to the contract', () => {
    const kpis = [
      kpi('before', { startDate: '2025-01-01', endDate: '2026-02-28' }),
      kpi('after', { startDate: '2026-04-01' }),
      kpi('ends-mid-month', { endDate: '2026-03-15', graceDays: 0 }),
      kpi('quarter-ended-early', { frequency: 'quarterly', endDate: '2026-02-10', graceDays: 0 }),
    ];
    expect(iso(coveredKpiPeriods('2026-03', kpis, 'America/New_York'))).toEqual([
      ['ends-mid-month', '2026-03', '2026-03-16T04:00:00.000Z'],
      ['quarter-ended-early', '2026-Q1', '2026-02-11T05:00:00.000Z'],
    ]);
  });
});

describe('meetingPackStatus', () => {
  const due = new Date('2026-04-11T04:00:00Z');
  const later = (days: number) => new Date(due.getTime() + days * 86_400_000);
  const covered = [
    { kpiId: 'a', period: '2026-03', dueAt: due },
    { kpiId: 'b', period: '2026-Q1', dueAt: later(10) },
  ];

  it('should call for no pack while a covered period is not evaluated, or when nothing is covered', () => {
    expect(meetingPackStatus([], { evaluated: 0, firstEvaluatedAt: null }, 45)).toBeNull();
    expect(meetingPackStatus(covered, { evaluated: 1, firstEvaluatedAt: due }, 45)).toBeNull();
  });

  it('should judge staleness from the last period to fall due and the first evaluation', () => {
    const evaluations = { evaluated: 2, firstEvaluatedAt: later(50) };
    expect(meetingPackStatus(covered, evaluations, 45)).toBe('pending');
    expect(meetingPackStatus(covered, evaluations, 39)).toBe('suppressed');
  });
});
