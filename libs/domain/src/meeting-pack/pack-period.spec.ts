import {
  assembleTrends,
  packMonthHasBegun,
  packMonthOf,
  packPeriodKeys,
  parsePackMonth,
  trendMonths,
} from './pack-period.js';

describe('meeting pack periods', () => {
  // 2026-04-01T03:30Z is still 31 March in New York (UTC-4) and already April in São Paulo (UTC-3).
  it.each([
    ['2026-03', 'America/New_York', true],
    ['2026-04', 'America/New_York', false],
    ['2026-04', 'America/Sao_Paulo', true],
    ['2026-05', 'America/Sao_Paulo', false],
    ['2025-12', 'America/New_York', true],
  ])('should say whether %s has begun in %s at 2026-04-01T03:30Z: %p', (month, timeZone, begun) => {
    expect(packMonthHasBegun(month, new Date('2026-04-01T03:30:00Z'), timeZone)).toBe(begun);
  });

  it.each([
    ['2026-01', ['2026-01']],
    ['2026-02', ['2026-02']],
    ['2026-03', ['2026-03', '2026-Q1']],
    ['2026-06', ['2026-06', '2026-Q2']],
    ['2026-11', ['2026-11']],
    ['2026-12', ['2026-12', '2026-Q4', '2026']],
  ])('should cover, for %s, the periods that end in it', (month, keys) => {
    expect(packPeriodKeys(month)).toEqual(keys);
  });

  it.each([
    ['2026-03', '2026-03'],
    ['2026-Q1', '2026-03'],
    ['2026-Q4', '2026-12'],
    ['2026', '2026-12'],
    ['1900-Q1', '1900-03'],
  ])('should put %s in the pack of %s, the month it ends in', (period, month) => {
    expect(packMonthOf(period)).toBe(month);
  });

  it('should map every key it covers back to its month', () => {
    for (let month = 1; month <= 12; month++) {
      const key = `2026-${String(month).padStart(2, '0')}`;
      expect(packPeriodKeys(key).map(packMonthOf)).toEqual(packPeriodKeys(key).map(() => key));
    }
  });

  it.each(['2026-13', '2026-3', '2026-Q1', '2026', '1899-12', '10000-01', '', ' 2026-03'])(
    'should refuse %j as a month',
    (text) => {
      expect(parsePackMonth(text)).toBeNull();
      expect(() => packPeriodKeys(text)).toThrow(RangeError);
    },
  );

  it('should refuse a period key it cannot read', () => {
    expect(() => packMonthOf('2026-Q5')).toThrow(RangeError);
  });

  it('should list six months ending with the pack month, across a year boundary, oldest first', () => {
    expect(trendMonths('2026-03')).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    expect(trendMonths('1900-02')).toEqual(['1900-01', '1900-02']);
  });
});

describe('contract trends', () => {
  const months = trendMonths('2026-03');

  it('should give each month the worst status of the periods ending in it, and null where none was evaluated', () => {
    const trends = assembleTrends(
      [
        { contractId: 'a', period: '2025-10', status: 'on_track' },
        { contractId: 'a', period: '2025-11', status: 'at_risk' },
        { contractId: 'a', period: '2025-Q4', status: 'missing' },
        { contractId: 'a', period: '2025-12', status: 'on_track' },
        { contractId: 'a', period: '2026-Q1', status: 'at_risk' },
        { contractId: 'a', period: '2026-03', status: 'off_track' },
        { contractId: 'b', period: '2026-02', status: 'at_risk' },
        { contractId: 'b', period: '2025-09', status: 'off_track' },
        { contractId: 'b', period: '2025', status: 'off_track' },
      ],
      months,
    );
    expect(trends.get('a')!.map((entry) => entry.status)).toEqual([
      'on_track',
      'at_risk',
      'missing',
      null,
      null,
      'off_track',
    ]);
    // 2025-09 is before the trend; the year 2025 ends in December.
    expect(trends.get('b')).toEqual([
      { month: '2025-10', status: null },
      { month: '2025-11', status: null },
      { month: '2025-12', status: 'off_track' },
      { month: '2026-01', status: null },
      { month: '2026-02', status: 'at_risk' },
      { month: '2026-03', status: null },
    ]);
  });

  it('should order statuses on_track < at_risk < missing < off_track', () => {
    const worst = (statuses: ('on_track' | 'at_risk' | 'missing' | 'off_track')[]) =>
      assembleTrends(
        statuses.map((status) => ({ contractId: 'c', period: '2026-03', status })),
        months,
      ).get('c')![5].status;
    expect(worst(['on_track', 'at_risk'])).toBe('at_risk');
    expect(worst(['at_risk', 'missing'])).toBe('missing');
    expect(worst(['missing', 'off_track', 'on_track'])).toBe('off_track');
  });
});
