import type { Frequency } from './kpi-definition.js';
import {
  addCalendarDays,
  comparePeriods,
  contractPeriods,
  describePeriod,
  formatPeriod,
  isCalendarDate,
  isPeriodWithin,
  localDateOf,
  localMidnight,
  nextPeriod,
  parsePeriod,
  parsePeriodFor,
  periodDueAt,
  periodEndInstant,
  periodFirstDay,
  periodLastDay,
  periodOfDate,
  periodOfInstant,
  periodStartInstant,
  previousPeriod,
  type ReportingPeriod,
} from './reporting-period.js';

const NEW_YORK = 'America/New_York';
const SAO_PAULO = 'America/Sao_Paulo';

/** A period from its text, for tables; fails the test on a typo. */
function p(text: string): ReportingPeriod {
  const period = parsePeriod(text);
  if (period === null) throw new Error(`bad period in test table: ${text}`);
  return period;
}

const utc = (iso: string) => new Date(iso);

describe('reporting periods', () => {
  describe('parsing and formatting', () => {
    it.each([
      ['2026-03', { frequency: 'monthly', year: 2026, index: 3 }],
      ['2026-01', { frequency: 'monthly', year: 2026, index: 1 }],
      ['2026-12', { frequency: 'monthly', year: 2026, index: 12 }],
      ['2026-Q1', { frequency: 'quarterly', year: 2026, index: 1 }],
      ['2026-Q4', { frequency: 'quarterly', year: 2026, index: 4 }],
      ['2026', { frequency: 'annual', year: 2026, index: 1 }],
      ['1900', { frequency: 'annual', year: 1900, index: 1 }],
      ['1900-01', { frequency: 'monthly', year: 1900, index: 1 }],
      ['9999-12', { frequency: 'monthly', year: 9999, index: 12 }],
      ['9999-Q4', { frequency: 'quarterly', year: 9999, index: 4 }],
    ])('should parse and format again when the text is %p', (text, expected) => {
      expect(parsePeriod(text)).toEqual(expected);
      expect(formatPeriod(parsePeriod(text)!)).toBe(text);
    });

    it.each([
      '2026-3',
      '2026-13',
      '2026-00',
      '2026-Q0',
      '2026-Q5',
      '2026-q1',
      '2026Q1',
      '2026-Q01',
      '26',
      ' 2026',
      '2026 ',
      '2026-03 ',
      '1899',
      '1899-12',
      '10000',
      '0999',
      '+2026',
      '2026-03-01',
      '2026-M03',
      '２０２６',
      '',
      'Q1-2026',
    ])('should reject %p when it is not a period written exactly', (text) => {
      expect(parsePeriod(text)).toBeNull();
    });

    it.each([
      ['2026-03', 'monthly', '2026-03'],
      ['2026-Q2', 'quarterly', '2026-Q2'],
      ['2026', 'annual', '2026'],
      ['2026-03', 'quarterly', null],
      ['2026-03', 'annual', null],
      ['2026-Q2', 'monthly', null],
      ['2026', 'monthly', null],
      ['2026-13', 'monthly', null],
    ] as const)('should read %p as a %s period when its frequency matches (else null)', (text, frequency, expected) => {
      const period = parsePeriodFor(text, frequency);
      expect(period === null ? null : formatPeriod(period)).toBe(expected);
    });

    it.each([
      { frequency: 'monthly', year: 2026, index: 13 },
      { frequency: 'monthly', year: 2026, index: 0 },
      { frequency: 'quarterly', year: 2026, index: 5 },
      { frequency: 'annual', year: 2026, index: 2 },
      { frequency: 'monthly', year: 2026.5, index: 1 },
      { frequency: 'monthly', year: 1899, index: 12 },
      { frequency: 'weekly', year: 2026, index: 1 },
    ])('should throw a RangeError when formatting the invalid period %p', (period) => {
      expect(() => formatPeriod(period as ReportingPeriod)).toThrow(RangeError);
    });
  });

  describe('order and neighbours', () => {
    it.each([
      ['2026-03', '2026-04'],
      ['2026-12', '2027-01'],
      ['2026-Q3', '2026-Q4'],
      ['2026-Q4', '2027-Q1'],
      ['2026', '2027'],
      ['1999-12', '2000-01'],
    ])('should step from %p to %p and back when moving one period', (from, to) => {
      expect(formatPeriod(nextPeriod(p(from)))).toBe(to);
      expect(formatPeriod(previousPeriod(p(to)))).toBe(from);
    });

    it.each(['9999-12', '9999-Q4', '9999'])('should throw a RangeError when there is no period after %p', (text) => {
      expect(() => nextPeriod(p(text))).toThrow(RangeError);
    });

    it.each(['1900-01', '1900-Q1', '1900'])('should throw a RangeError when there is no period before %p', (text) => {
      expect(() => previousPeriod(p(text))).toThrow(RangeError);
    });

    it.each([
      ['2026-03', '2026-04', -1],
      ['2026-12', '2026-03', 1],
      ['2026-Q1', '2026-Q1', 0],
      ['2025', '2026', -1],
      ['2025-12', '2026-01', -1],
      ['2026-01', '2026-Q1', -1],
      ['2026-Q1', '2026', -1],
      ['2026-02', '2026-Q1', 1],
    ])('should order %p against %p as %p when comparing', (a, b, sign) => {
      expect(Math.sign(comparePeriods(p(a), p(b)))).toBe(sign);
      expect(Math.sign(comparePeriods(p(b), p(a)))).toBe(-sign || 0);
    });

    it('should sort periods of one frequency chronologically when used as a comparator', () => {
      const keys = ['2027-01', '2026-12', '2026-02', '2026-10'];
      expect(keys.map(p).sort(comparePeriods).map(formatPeriod)).toEqual(['2026-02', '2026-10', '2026-12', '2027-01']);
    });
  });

  describe('calendar days', () => {
    it.each([
      ['2026-03', '2026-03-01', '2026-03-31'],
      ['2026-02', '2026-02-01', '2026-02-28'],
      ['2024-02', '2024-02-01', '2024-02-29'],
      ['2000-02', '2000-02-01', '2000-02-29'],
      ['1900-02', '1900-02-01', '1900-02-28'],
      ['2026-04', '2026-04-01', '2026-04-30'],
      ['2026-Q1', '2026-01-01', '2026-03-31'],
      ['2026-Q2', '2026-04-01', '2026-06-30'],
      ['2026-Q3', '2026-07-01', '2026-09-30'],
      ['2026-Q4', '2026-10-01', '2026-12-31'],
      ['2026', '2026-01-01', '2026-12-31'],
      ['9999-12', '9999-12-01', '9999-12-31'],
    ])('should span %p from %p to %p when it is a calendar period', (text, first, last) => {
      expect(periodFirstDay(p(text))).toBe(first);
      expect(periodLastDay(p(text))).toBe(last);
    });

    it.each([
      ['2026-01-01', 'monthly', '2026-01'],
      ['2026-03-31', 'monthly', '2026-03'],
      ['2026-03-31', 'quarterly', '2026-Q1'],
      ['2026-04-01', 'quarterly', '2026-Q2'],
      ['2026-09-30', 'quarterly', '2026-Q3'],
      ['2026-12-31', 'quarterly', '2026-Q4'],
      ['2026-12-31', 'annual', '2026'],
      ['2024-02-29', 'monthly', '2024-02'],
    ] as const)('should put %p in the %s period %p when it is a calendar date', (date, frequency, expected) => {
      expect(formatPeriod(periodOfDate(date, frequency))).toBe(expected);
    });

    it.each(['2026-02-29', '2026-13-01', '2026-3-1', '1899-12-31', '10000-01-01', '2026-03-01T00:00', ''])(
      'should throw a RangeError when the date %p is not a supported calendar date',
      (date) => {
        expect(isCalendarDate(date)).toBe(false);
        expect(() => periodOfDate(date, 'monthly')).toThrow(RangeError);
      },
    );

    it.each([
      ['2026-02-28', 1, '2026-03-01'],
      ['2024-02-28', 1, '2024-02-29'],
      ['2026-12-31', 1, '2027-01-01'],
      ['2026-03-01', -1, '2026-02-28'],
      ['2026-03-31', 11, '2026-04-11'],
    ])('should give %p + %p days = %p when adding calendar days', (date, days, expected) => {
      expect(addCalendarDays(date, days)).toBe(expected);
    });

    it('should throw a RangeError when adding days leaves the supported years', () => {
      expect(() => addCalendarDays('9999-12-31', 1)).toThrow(RangeError);
      expect(() => addCalendarDays('1900-01-01', -1)).toThrow(RangeError);
      expect(() => addCalendarDays('2026-01-01', 0.5)).toThrow(RangeError);
    });
  });

  describe('contract periods', () => {
    const rows = (startDate: string, endDate: string, frequency: Frequency) =>
      contractPeriods(startDate, endDate, frequency).map(({ key, firstDay, lastDay }) => [key, firstDay, lastDay]);

    it('should clip the first month when the contract starts mid-month', () => {
      expect(rows('2026-01-15', '2026-04-30', 'monthly')).toEqual([
        ['2026-01', '2026-01-15', '2026-01-31'],
        ['2026-02', '2026-02-01', '2026-02-28'],
        ['2026-03', '2026-03-01', '2026-03-31'],
        ['2026-04', '2026-04-01', '2026-04-30'],
      ]);
    });

    it('should clip the last quarter when the contract ends mid-quarter', () => {
      expect(rows('2026-01-01', '2026-08-15', 'quarterly')).toEqual([
        ['2026-Q1', '2026-01-01', '2026-03-31'],
        ['2026-Q2', '2026-04-01', '2026-06-30'],
        ['2026-Q3', '2026-07-01', '2026-08-15'],
      ]);
    });

    it('should clip both ends when the contract starts and ends inside periods across a year end', () => {
      expect(rows('2025-11-20', '2027-02-10', 'annual')).toEqual([
        ['2025', '2025-11-20', '2025-12-31'],
        ['2026', '2026-01-01', '2026-12-31'],
        ['2027', '2027-01-01', '2027-02-10'],
      ]);
      expect(rows('2025-12-20', '2026-01-05', 'quarterly')).toEqual([
        ['2025-Q4', '2025-12-20', '2025-12-31'],
        ['2026-Q1', '2026-01-01', '2026-01-05'],
      ]);
    });

    it('should give one clipped period when the contract lasts one day', () => {
      expect(rows('2026-02-28', '2026-02-28', 'monthly')).toEqual([['2026-02', '2026-02-28', '2026-02-28']]);
    });

    it('should carry the parsed period next to its key when listing periods', () => {
      const [first] = contractPeriods('2026-05-02', '2026-05-03', 'quarterly');
      expect(first).toEqual({
        period: { frequency: 'quarterly', year: 2026, index: 2 },
        key: '2026-Q2',
        firstDay: '2026-05-02',
        lastDay: '2026-05-03',
      });
    });

    it('should throw a RangeError when the contract ends before it starts', () => {
      expect(() => contractPeriods('2026-03-02', '2026-03-01', 'monthly')).toThrow(RangeError);
      expect(() => isPeriodWithin(p('2026-03'), '2026-03-02', '2026-03-01')).toThrow(RangeError);
    });

    it('should throw a RangeError when a contract date is not a calendar date', () => {
      expect(() => contractPeriods('2026-02-30', '2026-03-01', 'monthly')).toThrow(RangeError);
      expect(() => contractPeriods('2026-02-01', '2026-03-01', 'weekly' as Frequency)).toThrow(RangeError);
    });

    it.each([
      ['2026-01', '2026-01-15', '2026-04-30', true],
      ['2025-12', '2026-01-15', '2026-04-30', false],
      ['2026-04', '2026-01-15', '2026-04-30', true],
      ['2026-05', '2026-01-15', '2026-04-30', false],
      ['2026-Q1', '2026-03-31', '2026-03-31', true],
      ['2026-Q2', '2026-03-31', '2026-03-31', false],
      ['2026', '2025-01-01', '2026-01-01', true],
      ['2027', '2025-01-01', '2026-12-31', false],
    ])('should say %p overlaps %p–%p is %p when checking a contract', (text, startDate, endDate, expected) => {
      expect(isPeriodWithin(p(text), startDate, endDate)).toBe(expected);
    });
  });

  describe('instants in America/New_York', () => {
    it.each([
      // Standard time (UTC-5) and daylight time (UTC-4).
      ['2026-01-01', '2026-01-01T05:00:00.000Z'],
      ['2026-03-08', '2026-03-08T05:00:00.000Z'], // spring forward at 02:00 that day: midnight is still EST
      ['2026-03-09', '2026-03-09T04:00:00.000Z'],
      ['2026-04-01', '2026-04-01T04:00:00.000Z'],
      ['2026-11-01', '2026-11-01T04:00:00.000Z'], // fall back at 02:00 that day: midnight is still EDT
      ['2026-11-02', '2026-11-02T05:00:00.000Z'],
      ['2027-01-01', '2027-01-01T05:00:00.000Z'],
    ])('should start the local day %p at %p when finding local midnight', (date, iso) => {
      expect(localMidnight(date, NEW_YORK).toISOString()).toBe(iso);
    });

    it.each([
      ['2026-03', '2026-03-01T05:00:00.000Z', '2026-04-01T04:00:00.000Z'],
      ['2026-11', '2026-11-01T04:00:00.000Z', '2026-12-01T05:00:00.000Z'],
      ['2026-Q1', '2026-01-01T05:00:00.000Z', '2026-04-01T04:00:00.000Z'],
      ['2026-Q4', '2026-10-01T04:00:00.000Z', '2027-01-01T05:00:00.000Z'],
      ['2026', '2026-01-01T05:00:00.000Z', '2027-01-01T05:00:00.000Z'],
    ])('should bound %p by %p (inclusive) and %p (exclusive) when the city is New York', (text, start, end) => {
      expect(periodStartInstant(p(text), NEW_YORK).toISOString()).toBe(start);
      expect(periodEndInstant(p(text), NEW_YORK).toISOString()).toBe(end);
    });

    it.each([
      // 2026-03-08: 01:59:59.999 EST is followed by 03:00 EDT.
      ['2026-03-08T06:59:59.999Z', '2026-03-08', 'monthly', '2026-03'],
      ['2026-03-08T07:00:00.000Z', '2026-03-08', 'monthly', '2026-03'],
      // 2026-11-01: 01:30 happens twice, first in EDT (05:30Z) and then in EST (06:30Z); both are November.
      ['2026-11-01T05:30:00.000Z', '2026-11-01', 'monthly', '2026-11'],
      ['2026-11-01T06:30:00.000Z', '2026-11-01', 'monthly', '2026-11'],
      ['2026-11-01T03:59:59.999Z', '2026-10-31', 'monthly', '2026-10'],
      // Month and quarter end: just before and just after local midnight of 2026-04-01 (EDT).
      ['2026-04-01T03:59:59.999Z', '2026-03-31', 'monthly', '2026-03'],
      ['2026-04-01T03:59:59.999Z', '2026-03-31', 'quarterly', '2026-Q1'],
      ['2026-04-01T04:00:00.000Z', '2026-04-01', 'monthly', '2026-04'],
      ['2026-04-01T04:00:00.000Z', '2026-04-01', 'quarterly', '2026-Q2'],
      // Year end: 2026-12-31 23:59 EST vs 2027-01-01 00:00 EST, although both are 2027 in UTC.
      ['2027-01-01T04:59:00.000Z', '2026-12-31', 'annual', '2026'],
      ['2027-01-01T04:59:00.000Z', '2026-12-31', 'quarterly', '2026-Q4'],
      ['2027-01-01T04:59:00.000Z', '2026-12-31', 'monthly', '2026-12'],
      ['2027-01-01T05:00:00.000Z', '2027-01-01', 'annual', '2027'],
      ['2027-01-01T05:00:00.000Z', '2027-01-01', 'quarterly', '2027-Q1'],
      ['2027-01-01T05:00:00.000Z', '2027-01-01', 'monthly', '2027-01'],
    ] as const)(
      'should place %p (local date %p) in the %s period %p when the city is New York',
      (iso, date, frequency, expected) => {
        expect(localDateOf(utc(iso), NEW_YORK)).toBe(date);
        expect(formatPeriod(periodOfInstant(utc(iso), frequency, NEW_YORK))).toBe(expected);
      },
    );
  });

  describe('instants in America/Sao_Paulo', () => {
    it.each([
      // 2018-11-04: clocks went from 23:59:59 on the 3rd (UTC-3) to 01:00 on the 4th (UTC-2); midnight never was.
      ['2018-11-03', '2018-11-03T03:00:00.000Z'],
      ['2018-11-04', '2018-11-04T03:00:00.000Z'],
      ['2018-11-05', '2018-11-05T02:00:00.000Z'],
      // 2019-02-17 00:00 (UTC-2) became 2019-02-16 23:00 (UTC-3): the 16th lasted 25 hours.
      ['2019-02-16', '2019-02-16T02:00:00.000Z'],
      ['2019-02-17', '2019-02-17T03:00:00.000Z'],
      // No DST since 2019: UTC-3 all year.
      ['2026-01-01', '2026-01-01T03:00:00.000Z'],
      ['2026-07-01', '2026-07-01T03:00:00.000Z'],
    ])('should start the local day %p at %p when finding local midnight', (date, iso) => {
      expect(localMidnight(date, SAO_PAULO).toISOString()).toBe(iso);
    });

    it('should start at 01:00 local when midnight did not exist because DST began at 00:00', () => {
      const start = localMidnight('2018-11-04', SAO_PAULO);
      expect(localDateOf(start, SAO_PAULO)).toBe('2018-11-04');
      expect(localDateOf(new Date(start.getTime() - 1), SAO_PAULO)).toBe('2018-11-03');
      expect(new Intl.DateTimeFormat('en-GB', { timeZone: SAO_PAULO, timeStyle: 'medium' }).format(start)).toBe(
        '01:00:00',
      );
    });

    it.each([
      ['2018-11', '2018-11-01T03:00:00.000Z', '2018-12-01T02:00:00.000Z'],
      ['2019-02', '2019-02-01T02:00:00.000Z', '2019-03-01T03:00:00.000Z'],
      ['2019-Q1', '2019-01-01T02:00:00.000Z', '2019-04-01T03:00:00.000Z'],
      ['2026-03', '2026-03-01T03:00:00.000Z', '2026-04-01T03:00:00.000Z'],
      ['2026', '2026-01-01T03:00:00.000Z', '2027-01-01T03:00:00.000Z'],
    ])('should bound %p by %p (inclusive) and %p (exclusive) when the city is São Paulo', (text, start, end) => {
      expect(periodStartInstant(p(text), SAO_PAULO).toISOString()).toBe(start);
      expect(periodEndInstant(p(text), SAO_PAULO).toISOString()).toBe(end);
    });

    it.each([
      ['2018-11-04T02:59:59.999Z', '2018-11-03'],
      ['2018-11-04T03:00:00.000Z', '2018-11-04'],
      // The repeated hour of 2019-02-16: 23:30 UTC-2 and then 23:30 UTC-3 are both the 16th.
      ['2019-02-17T01:30:00.000Z', '2019-02-16'],
      ['2019-02-17T02:30:00.000Z', '2019-02-16'],
      ['2019-02-17T03:00:00.000Z', '2019-02-17'],
      ['2026-04-01T02:59:59.999Z', '2026-03-31'],
      ['2026-04-01T03:00:00.000Z', '2026-04-01'],
    ])('should read %p as the local date %p when the city is São Paulo', (iso, date) => {
      expect(localDateOf(utc(iso), SAO_PAULO)).toBe(date);
      expect(formatPeriod(periodOfInstant(utc(iso), 'monthly', SAO_PAULO))).toBe(date.slice(0, 7));
    });
  });

  describe('instants in America/Havana', () => {
    it.each([
      // 2026-03-08: clocks go from 23:59:59 on the 7th (UTC-5) to 01:00 on the 8th (UTC-4).
      ['2026-03-08', '2026-03-08T05:00:00.000Z'],
      // 2026-11-01: 00:59:59 (UTC-4) is followed by 00:00 again (UTC-5); the day starts at the first midnight.
      ['2026-11-01', '2026-11-01T04:00:00.000Z'],
      ['2026-11-02', '2026-11-02T05:00:00.000Z'],
    ])('should start the local day %p at %p when clocks change at midnight', (date, iso) => {
      expect(localMidnight(date, 'America/Havana').toISOString()).toBe(iso);
    });

    it('should keep both readings of midnight in November when clocks fall back onto it', () => {
      const november = p('2026-11');
      expect(periodStartInstant(november, 'America/Havana').toISOString()).toBe('2026-11-01T04:00:00.000Z');
      expect(periodEndInstant(previousPeriod(november), 'America/Havana').toISOString()).toBe(
        '2026-11-01T04:00:00.000Z',
      );
      for (const iso of ['2026-11-01T04:30:00Z', '2026-11-01T05:30:00Z']) {
        expect(formatPeriod(periodOfInstant(utc(iso), 'monthly', 'America/Havana'))).toBe('2026-11');
      }
    });
  });

  describe('due instants', () => {
    it.each([
      // lastDay, grace days, zone, due
      ['2026-03-31', 10, NEW_YORK, '2026-04-11T04:00:00.000Z'],
      ['2026-03-31', 0, NEW_YORK, '2026-04-01T04:00:00.000Z'],
      ['2026-02-28', 7, NEW_YORK, '2026-03-08T05:00:00.000Z'], // due the day clocks spring forward
      ['2026-02-28', 8, NEW_YORK, '2026-03-09T04:00:00.000Z'],
      ['2026-10-31', 0, NEW_YORK, '2026-11-01T04:00:00.000Z'],
      ['2026-12-31', 10, NEW_YORK, '2027-01-11T05:00:00.000Z'],
      ['2026-02-15', 10, NEW_YORK, '2026-02-26T05:00:00.000Z'], // a period clipped to a contract ending mid-month
      ['2018-10-31', 3, SAO_PAULO, '2018-11-04T03:00:00.000Z'], // midnight skipped: due at 01:00 local
      ['2026-10-31', 0, 'America/Havana', '2026-11-01T04:00:00.000Z'], // midnight read twice: due at the first
      ['2026-03-07', 0, 'America/Havana', '2026-03-08T05:00:00.000Z'], // midnight skipped: due at 01:00 local
      ['2026-03-31', 10, SAO_PAULO, '2026-04-11T03:00:00.000Z'],
      ['2026-03-31', 10, 'UTC', '2026-04-11T00:00:00.000Z'],
      ['9999-12-31', 0, 'UTC', '+010000-01-01T00:00:00.000Z'],
    ])(
      'should make a period ending %p with %p grace days due at %p when the city is %s',
      (lastDay, grace, zone, due) => {
        expect(periodDueAt(lastDay, grace, zone).toISOString()).toBe(due);
      },
    );

    it('should be due after the clipped last day when the contract ends mid-quarter', () => {
      const periods = contractPeriods('2026-01-01', '2026-08-15', 'quarterly');
      const last = periods[periods.length - 1];
      expect(periodDueAt(last.lastDay, 10, NEW_YORK).toISOString()).toBe('2026-08-26T04:00:00.000Z');
    });

    it.each([-1, 1.5, NaN])('should throw a RangeError when graceDays is %p', (grace) => {
      expect(() => periodDueAt('2026-03-31', grace, NEW_YORK)).toThrow(RangeError);
    });
  });

  describe('time zones and instants', () => {
    it.each([
      // New York: each date begins at local midnight, and 2026-11-01 lasts 25 hours.
      [
        NEW_YORK,
        '2026-11-02T12:00:00Z',
        [
          ['2026-10-31T20:00:00Z', '2026-10-31'],
          ['2026-11-01T04:00:00Z', '2026-11-01'],
          ['2026-11-02T05:00:00Z', '2026-11-02'],
        ],
      ],
      // St John's fell back from 00:01 to 23:01 the day before: 2010-11-06 came back for an hour.
      [
        'America/St_Johns',
        '2010-11-07T06:00:00Z',
        [
          ['2010-11-06T20:00:00Z', '2010-11-06'],
          ['2010-11-07T02:30:00Z', '2010-11-07'],
          ['2010-11-07T02:31:00Z', '2010-11-06'],
          ['2010-11-07T03:30:00Z', '2010-11-07'],
        ],
      ],
    ] as const)(
      'should read each local date right when instants in %s follow one another, minute by minute, until %p',
      (zone, until, readings) => {
        for (let at = Date.parse(readings[0][0]); at < Date.parse(until); at += 60_000) {
          const [, date] = readings.findLast(([from]) => Date.parse(from) <= at)!;
          const iso = new Date(at).toISOString();
          expect([iso, localDateOf(new Date(at), zone)]).toEqual([iso, date]);
        }
      },
    );

    it('should answer with a new Date each time when the same day is asked for again', () => {
      const first = periodDueAt('2026-03-31', 10, NEW_YORK);
      first.setTime(0);
      expect(periodDueAt('2026-03-31', 10, NEW_YORK).toISOString()).toBe('2026-04-11T04:00:00.000Z');
      expect(localMidnight('2026-04-11', NEW_YORK)).not.toBe(localMidnight('2026-04-11', NEW_YORK));
    });

    it('should throw a RangeError when the time zone is unknown', () => {
      expect(() => localMidnight('2026-03-01', 'Mars/Olympus_Mons')).toThrow(RangeError);
      expect(() => periodOfInstant(utc('2026-03-01T00:00:00Z'), 'monthly', 'Mars/Olympus_Mons')).toThrow(RangeError);
    });

    it('should throw a RangeError when the instant is invalid or outside the supported years', () => {
      expect(() => periodOfInstant(new Date(NaN), 'monthly', 'UTC')).toThrow(RangeError);
      expect(() => periodOfInstant(utc('1899-12-31T12:00:00Z'), 'monthly', 'UTC')).toThrow(RangeError);
      expect(() => periodOfInstant(utc('+010000-01-01T12:00:00Z'), 'monthly', 'UTC')).toThrow(RangeError);
    });

    it.each([
      ['Asia/Kolkata', '2026-03-01', '2026-02-28T18:30:00.000Z'],
      ['Pacific/Chatham', '2026-01-01', '2025-12-31T10:15:00.000Z'], // UTC+13:45 in its summer
      ['Pacific/Chatham', '2026-07-01', '2026-06-30T11:15:00.000Z'], // UTC+12:45 in its winter
      ['UTC', '2026-03-01', '2026-03-01T00:00:00.000Z'],
    ])(
      'should start the day in %s at the exact instant when the offset is not whole hours (%p → %p)',
      (zone, date, iso) => {
        expect(localMidnight(date, zone).toISOString()).toBe(iso);
      },
    );
  });

  describe('describing periods', () => {
    it.each([
      ['2026-03', 'en', 'March 2026'],
      ['2026-03', 'es', 'marzo de 2026'],
      ['2026-03', 'pt', 'março de 2026'],
      ['2026-12', 'en', 'December 2026'],
      ['2026-12', 'es', 'diciembre de 2026'],
      ['2026-12', 'pt', 'dezembro de 2026'],
      ['2026-Q1', 'en', 'Q1 2026 (January–March)'],
      ['2026-Q1', 'es', 'T1 2026 (enero–marzo)'],
      ['2026-Q1', 'pt', 'T1 2026 (janeiro–março)'],
      ['2026-Q4', 'en', 'Q4 2026 (October–December)'],
      ['2026-Q4', 'es', 'T4 2026 (octubre–diciembre)'],
      ['2026-Q4', 'pt', 'T4 2026 (outubro–dezembro)'],
      ['2026', 'en', '2026'],
      ['2026', 'es', '2026'],
      ['2026', 'pt', '2026'],
    ] as const)('should describe %p in %s as %p when writing an email', (text, language, expected) => {
      expect(describePeriod(p(text), language)).toBe(expected);
    });

    it('should throw a RangeError when the language is not supported', () => {
      expect(() => describePeriod(p('2026-03'), 'fr' as 'en')).toThrow(RangeError);
    });
  });
});
