import { clipToContract, contractPeriodTimes, judgeKpiPeriod, type KpiPeriodFacts } from './kpi-period.js';
import { parsePeriod } from './reporting-period.js';

const rule = { direction: 'higher_is_better', target: 95, offTrackThreshold: 90 } as const;
const times = { endedAt: new Date('2026-04-01T04:00:00Z'), dueAt: new Date('2026-04-11T04:00:00Z') };
const facts = (overrides: Partial<KpiPeriodFacts>): KpiPeriodFacts => ({
  ...times,
  value: null,
  recordedAt: null,
  lastEvaluatedAt: null,
  ...overrides,
});
const at = (iso: string) => new Date(iso);

describe('clipToContract', () => {
  it.each([
    ['2026-03', '2026-01-01', '2026-12-31', { firstDay: '2026-03-01', lastDay: '2026-03-31' }],
    ['2026-03', '2026-03-10', '2026-12-31', { firstDay: '2026-03-10', lastDay: '2026-03-31' }],
    ['2026-Q1', '2025-06-01', '2026-02-14', { firstDay: '2026-01-01', lastDay: '2026-02-14' }],
    ['2026', '2026-05-05', '2026-05-05', { firstDay: '2026-05-05', lastDay: '2026-05-05' }],
  ])('should clip %s to a contract from %s to %s', (key, startDate, endDate, days) => {
    expect(clipToContract(parsePeriod(key)!, startDate, endDate)).toEqual({ period: parsePeriod(key), key, ...days });
  });

  it.each([
    ['2026-03', '2026-04-01', '2026-12-31'],
    ['2026-03', '2025-01-01', '2026-02-28'],
  ])('should find no day of %s in a contract from %s to %s', (key, startDate, endDate) => {
    expect(clipToContract(parsePeriod(key)!, startDate, endDate)).toBeNull();
  });
});

describe('contractPeriodTimes', () => {
  it.each([
    // New York, daylight time in March and April: midnight is 04:00Z.
    ['2026-03-31', 10, 'America/New_York', '2026-04-01T04:00:00.000Z', '2026-04-11T04:00:00.000Z'],
    // The grace days cross the spring change (2026-03-08): still local midnight, now at 04:00Z.
    ['2026-02-28', 10, 'America/New_York', '2026-03-01T05:00:00.000Z', '2026-03-11T04:00:00.000Z'],
    // Havana falls back from 01:00 to midnight on 2026-11-01: the day starts at the first midnight.
    ['2026-10-31', 0, 'America/Havana', '2026-11-01T04:00:00.000Z', '2026-11-01T04:00:00.000Z'],
    // São Paulo skipped midnight on 2018-11-04: that day starts at 01:00 local, 03:00Z.
    ['2018-11-03', 0, 'America/Sao_Paulo', '2018-11-04T03:00:00.000Z', '2018-11-04T03:00:00.000Z'],
  ])('should end %s (grace %p) in %s at %s and make it due at %s', (lastDay, grace, zone, ended, due) => {
    const result = contractPeriodTimes(lastDay, grace, zone);
    expect([result.endedAt.toISOString(), result.dueAt.toISOString()]).toEqual([ended, due]);
  });
});

describe('judgeKpiPeriod', () => {
  it.each([
    ['a value before the period has ended', facts({ value: 99 }), '2026-04-01T03:59:59.999Z', null],
    ['a value once the period has ended', facts({ value: 99 }), '2026-04-01T04:00:00Z', 'on_track'],
    ['an off-track value once ended', facts({ value: 80 }), '2026-04-02T00:00:00Z', 'off_track'],
    ['no value within the grace days', facts({}), '2026-04-11T03:59:59.999Z', null],
    ['no value once due', facts({}), '2026-04-11T04:00:00Z', 'missing'],
    [
      'a value recorded before the last evaluation',
      facts({ value: 92, recordedAt: at('2026-04-02T00:00:00Z'), lastEvaluatedAt: at('2026-04-03T00:00:00Z') }),
      '2026-05-01T00:00:00Z',
      null,
    ],
    [
      'a value recorded after the last evaluation',
      facts({ value: 92, recordedAt: at('2026-04-04T00:00:00Z'), lastEvaluatedAt: at('2026-04-03T00:00:00Z') }),
      '2026-05-01T00:00:00Z',
      'at_risk',
    ],
    [
      'a period evaluated missing that is still without a value',
      facts({ lastEvaluatedAt: at('2026-04-12T00:00:00Z') }),
      '2026-05-01T00:00:00Z',
      null,
    ],
    [
      'a late value for a period evaluated missing',
      facts({ value: 96, recordedAt: at('2026-04-20T00:00:00Z'), lastEvaluatedAt: at('2026-04-12T00:00:00Z') }),
      '2026-05-01T00:00:00Z',
      'on_track',
    ],
  ] as const)('should judge %s at %s as %p', (_case, periodFacts, now, expected) => {
    expect(judgeKpiPeriod(rule, periodFacts, at(now))).toBe(expected);
  });
});
