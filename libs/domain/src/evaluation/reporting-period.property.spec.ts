import fc from 'fast-check';
import { FREQUENCIES, type Frequency } from './kpi-definition.js';
import {
  addCalendarDays,
  comparePeriods,
  contractPeriods,
  formatPeriod,
  isPeriodWithin,
  localDateOf,
  localMidnight,
  nextPeriod,
  parsePeriod,
  parsePeriodFor,
  periodEndInstant,
  periodFirstDay,
  periodLastDay,
  periodOfInstant,
  periodStartInstant,
  previousPeriod,
  type ReportingPeriod,
} from './reporting-period.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

// Zones with whole-hour, half-hour and 45-minute offsets, DST in either hemisphere, and historical changes
// (local mean times with seconds, São Paulo's midnight DST starts, Kolkata's 1906 jump over midnight, Havana's
// fall back onto midnight).
const ZONES = ['UTC', 'America/New_York', 'America/Sao_Paulo', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Havana'];

// Local days whose midnight is unusual: skipped (the day starts when the clocks jump), read twice (the day starts
// at the first reading), or next to a 23- or 25-hour day. Random instants seldom land on them.
const TRANSITION_DAYS: [zone: string, date: string][] = [
  ['America/New_York', '2026-03-08'],
  ['America/New_York', '2026-11-01'],
  ['America/Sao_Paulo', '1914-01-01'],
  ['America/Sao_Paulo', '1949-12-01'],
  ['America/Sao_Paulo', '2018-11-04'],
  ['America/Sao_Paulo', '2019-02-17'],
  ['America/Havana', '2026-03-08'],
  ['America/Havana', '2026-11-01'],
  ['Asia/Kolkata', '1906-01-01'],
  ['Asia/Kolkata', '1942-09-01'],
  ['Pacific/Chatham', '1946-01-01'],
];

const zone = fc.constantFrom(...ZONES);
const frequency = fc.constantFrom(...FREQUENCIES);

const PERIODS_PER_YEAR: Record<Frequency, number> = { monthly: 12, quarterly: 4, annual: 1 };

/** Any valid period, years 1900–9999 (or up to maxYear). */
const period = (maxYear = 9999) =>
  frequency.chain((f) =>
    fc.record({
      frequency: fc.constant(f),
      year: fc.integer({ min: 1900, max: maxYear }),
      index: fc.integer({ min: 1, max: PERIODS_PER_YEAR[f] }),
    }),
  );

/** Instants a day inside the supported years, so that every zone's local date has a period. */
const anyInstant = fc.date({
  min: new Date(Date.UTC(1900, 0, 2)),
  max: new Date(Date.UTC(9999, 11, 30)),
  noInvalidDate: true,
});
/** Instants from 1900 to 2040, where the zones' rules actually change. */
const recentInstant = fc.date({
  min: new Date('1900-01-02T00:00:00Z'),
  max: new Date('2040-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const hoursAround = fc.integer({ min: -3 * HOUR_MS, max: 3 * HOUR_MS });

/** An instant and a zone: anywhere, a few hours either side of a period boundary, or of an unusual midnight. */
const instantInZone = fc.oneof(
  fc.record({ at: fc.oneof(anyInstant, recentInstant), zone }),
  fc
    .tuple(period(2040), zone, hoursAround)
    .filter(([p]) => p.year > 1900)
    .map(([p, z, shift]) => ({ at: new Date(periodStartInstant(p, z).getTime() + shift), zone: z })),
  fc
    .tuple(fc.constantFrom(...TRANSITION_DAYS), hoursAround)
    .map(([[z, date], shift]) => ({ at: new Date(localMidnight(date, z).getTime() + shift), zone: z })),
);

/** A calendar date 1900-01-01 + n days, n within the supported years. */
const LAST_DAY = (Date.UTC(9999, 11, 31) - Date.UTC(1900, 0, 1)) / DAY_MS;
const dateOf = (n: number) => new Date(Date.UTC(1900, 0, 1) + n * DAY_MS).toISOString().slice(0, 10);

/** The neighbour of a period, or null at the ends of the supported years. */
function neighbour(p: ReportingPeriod, step: typeof nextPeriod): ReportingPeriod | null {
  try {
    return step(p);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

const contains = (p: ReportingPeriod, at: Date, z: string) =>
  periodStartInstant(p, z).getTime() <= at.getTime() && at.getTime() < periodEndInstant(p, z).getTime();

describe('reporting period properties', () => {
  it('should put every instant in exactly one period when the instant is read in any zone', () => {
    fc.assert(
      fc.property(instantInZone, frequency, ({ at, zone: z }, f) => {
        const p = periodOfInstant(at, f, z);
        expect(p.frequency).toBe(f);
        expect(contains(p, at, z)).toBe(true);
        for (const other of [neighbour(p, previousPeriod), neighbour(p, nextPeriod)]) {
          if (other !== null) expect(contains(other, at, z)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('should start each local day at the first instant of that date when finding local midnight', () => {
    const day = fc.record({ date: fc.integer({ min: 1, max: LAST_DAY }).map(dateOf), zone });
    const transitionDay = fc
      .tuple(fc.constantFrom(...TRANSITION_DAYS), fc.integer({ min: -1, max: 1 }))
      .map(([[z, date], shift]) => ({ date: addCalendarDays(date, shift), zone: z }));
    fc.assert(
      fc.property(fc.oneof(day, transitionDay), ({ date, zone: z }) => {
        const midnight = localMidnight(date, z);
        expect(localDateOf(midnight, z)).toBe(date);
        expect(localDateOf(new Date(midnight.getTime() - 1), z)).toBe(addCalendarDays(date, -1));
      }),
      { numRuns: 1000 },
    );
  });

  it('should tile a contract with its periods when listing them', () => {
    const contract = fc
      .tuple(
        fc.integer({ min: 0, max: LAST_DAY }),
        fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 4000 })),
      )
      .map(([start, length]) => [dateOf(start), dateOf(Math.min(start + length, LAST_DAY))] as const);
    fc.assert(
      fc.property(contract, frequency, ([startDate, endDate], f) => {
        const periods = contractPeriods(startDate, endDate, f);
        expect(periods[0].firstDay).toBe(startDate);
        expect(periods[periods.length - 1].lastDay).toBe(endDate);
        periods.forEach(({ period: p, key, firstDay, lastDay }, i) => {
          expect(formatPeriod(p)).toBe(key);
          expect(parsePeriodFor(key, f)).toEqual(p);
          expect(firstDay <= lastDay).toBe(true);
          expect(periodFirstDay(p) <= firstDay && lastDay <= periodLastDay(p)).toBe(true);
          expect(isPeriodWithin(p, startDate, endDate)).toBe(true);
          if (i > 0) {
            const before = periods[i - 1];
            expect(firstDay).toBe(addCalendarDays(before.lastDay, 1));
            expect(before.key < key).toBe(true);
            expect(comparePeriods(before.period, p)).toBeLessThan(0);
            // Only the ends are clipped.
            expect(firstDay).toBe(periodFirstDay(p));
            expect(before.lastDay).toBe(periodLastDay(before.period));
          }
        });
        const outside = [neighbour(periods[0].period, previousPeriod), neighbour(periods.at(-1)!.period, nextPeriod)];
        for (const p of outside) if (p !== null) expect(isPeriodWithin(p, startDate, endDate)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('should read back every period when it is written and parsed', () => {
    fc.assert(
      fc.property(period(), (p) => {
        const text = formatPeriod(p);
        expect(parsePeriod(text)).toEqual(p);
        expect(parsePeriodFor(text, p.frequency)).toEqual(p);
        for (const other of FREQUENCIES) if (other !== p.frequency) expect(parsePeriodFor(text, other)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('should write back exactly the text it parsed when the text is a period', () => {
    const text = fc.oneof(fc.string(), fc.stringMatching(/^\s?\d{1,5}(-(Q|q)?\d{1,2})?\s?$/));
    fc.assert(
      fc.property(text, (t) => {
        const p = parsePeriod(t);
        if (p !== null) expect(formatPeriod(p)).toBe(t);
      }),
      { numRuns: 2000 },
    );
  });

  it('should end each period where the next one starts when both are read in the same zone', () => {
    fc.assert(
      fc.property(period(9998), zone, (p, z) => {
        expect(periodEndInstant(p, z).getTime()).toBe(periodStartInstant(nextPeriod(p), z).getTime());
        expect(periodStartInstant(p, z).getTime()).toBeLessThan(periodEndInstant(p, z).getTime());
      }),
      { numRuns: 1000 },
    );
  });
});
