// Reporting periods (the product design (§2, §3)): `2026-03`, `2026-Q1`, `2026`, following the calendar in the
// city's time zone and clipped to a contract's dates. Pure functions: no clock, no I/O; calendar days and time zones
// (IANA names) are Temporal's, so nothing depends on the machine's own zone or locale.
import { Temporal } from 'temporal-polyfill';
import { FREQUENCIES, type Frequency } from './kpi-definition.js';
import type { Language } from '../vendors/vendor-vocabulary.js';

/** A reporting period: index is the month (1–12), the quarter (1–4) or 1 for a year. */
export type ReportingPeriod = { frequency: Frequency; year: number; index: number };

/** One period of a contract: its key (`2026-03`) and its days, clipped to the contract's dates (inclusive). */
export type ContractPeriod = { period: ReportingPeriod; key: string; firstDay: string; lastDay: string };

/** The first year a period (or a calendar date) may fall in. */
export const MIN_PERIOD_YEAR = 1900;
/** The last year a period (or a calendar date) may fall in: years are written with four digits. */
export const MAX_PERIOD_YEAR = 9999;

const PERIODS_PER_YEAR: Record<Frequency, number> = { monthly: 12, quarterly: 4, annual: 1 };
const MONTHS_PER_PERIOD: Record<Frequency, number> = { monthly: 1, quarterly: 3, annual: 12 };

const MONTHLY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTERLY = /^(\d{4})-Q([1-4])$/;
const ANNUAL = /^(\d{4})$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------------------------------------------
// Calendar days.

type Day = Temporal.PlainDate;

const isSupportedYear = (year: number) => year >= MIN_PERIOD_YEAR && year <= MAX_PERIOD_YEAR;

// Temporal builds and compares its days in microseconds, and an evaluation run asks about the same few hundred
// dates and periods for tens of thousands of KPIs, so the days read and the periods' days are kept (Temporal's
// days are immutable).
const DAYS_KEPT = 10_000;
const readDays = new Map<string, Day | null>();

function parseDay(text: string): Day | null {
  const known = readDays.get(text);
  return known !== undefined ? known : remember(readDays, text, readDay(text), DAYS_KEPT);
}

function readDay(text: string): Day | null {
  const match = CALENDAR_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isSupportedYear(year)) return null;
  try {
    return new Temporal.PlainDate(year, month, day); // rejects month 13, 2026-02-29 and the like
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function requireDay(text: string, name: string): Day {
  const day = typeof text === 'string' ? parseDay(text) : null;
  if (day === null) {
    throw new RangeError(
      `${name} must be a calendar date written YYYY-MM-DD (years ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR}), got ${JSON.stringify(text)}`,
    );
  }
  return day;
}

const earlier = (a: Day, b: Day) => (Temporal.PlainDate.compare(a, b) <= 0 ? a : b);
const later = (a: Day, b: Day) => (Temporal.PlainDate.compare(a, b) >= 0 ? a : b);

/** True when the text is a real calendar date written `YYYY-MM-DD` in the supported years. */
export function isCalendarDate(text: string): boolean {
  return typeof text === 'string' && parseDay(text) !== null;
}

/** The calendar date `days` days after (or, when negative, before) a `YYYY-MM-DD` date. */
export function addCalendarDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  const start = requireDay(date, 'date');
  // Temporal's own range is far wider than four-digit years, and it throws a RangeError beyond it.
  const result = start.add({ days });
  if (!isSupportedYear(result.year)) throw new RangeError(`${date} + ${days} days is out of range`);
  return result.toString();
}

/** Calendar days from `from` to `to` (`YYYY-MM-DD` both): negative when `to` comes first. */
export function calendarDaysBetween(from: string, to: string): number {
  return requireDay(from, 'from').until(requireDay(to, 'to'), { largestUnit: 'days' }).days;
}

// ---------------------------------------------------------------------------------------------------------------
// Periods as text and as numbers.

function isFrequency(value: unknown): value is Frequency {
  return (FREQUENCIES as readonly unknown[]).includes(value);
}

function isValidPeriod(period: ReportingPeriod): boolean {
  return (
    typeof period === 'object' &&
    period !== null &&
    isFrequency(period.frequency) &&
    Number.isInteger(period.year) &&
    period.year >= MIN_PERIOD_YEAR &&
    period.year <= MAX_PERIOD_YEAR &&
    Number.isInteger(period.index) &&
    period.index >= 1 &&
    period.index <= PERIODS_PER_YEAR[period.frequency]
  );
}

function requirePeriod(period: ReportingPeriod): ReportingPeriod {
  if (!isValidPeriod(period)) throw new RangeError(`Not a reporting period: ${JSON.stringify(period)}`);
  return period;
}

function requireFrequency(frequency: Frequency): Frequency {
  if (!isFrequency(frequency)) throw new RangeError(`Not a frequency: ${JSON.stringify(frequency)}`);
  return frequency;
}

function makePeriod(frequency: Frequency, year: number, index: number): ReportingPeriod | null {
  const period = { frequency, year, index };
  return isValidPeriod(period) ? period : null;
}

/** Reads `2026-03`, `2026-Q1` or `2026` strictly (no spaces, two-digit months, years 1900–9999); null otherwise. */
export function parsePeriod(text: string): ReportingPeriod | null {
  if (typeof text !== 'string') return null;
  let match = MONTHLY.exec(text);
  if (match) return makePeriod('monthly', Number(match[1]), Number(match[2]));
  match = QUARTERLY.exec(text);
  if (match) return makePeriod('quarterly', Number(match[1]), Number(match[2]));
  match = ANNUAL.exec(text);
  if (match) return makePeriod('annual', Number(match[1]), 1);
  return null;
}

/** Reads a period of the given frequency; null when the text is not one (including a period of another frequency). */
export function parsePeriodFor(text: string, frequency: Frequency): ReportingPeriod | null {
  requireFrequency(frequency);
  const period = parsePeriod(text);
  return period !== null && period.frequency === frequency ? period : null;
}

/** Writes a period as `2026-03`, `2026-Q1` or `2026`; this is also its key. */
export function formatPeriod(period: ReportingPeriod): string {
  const { frequency, year, index } = requirePeriod(period);
  if (frequency === 'monthly') return `${year}-${String(index).padStart(2, '0')}`;
  if (frequency === 'quarterly') return `${year}-Q${index}`;
  return String(year);
}

type PeriodDays = { first: Day; last: Day; firstText: string; lastText: string };
const periodDays = new Map<string, PeriodDays>();

function daysOf(period: ReportingPeriod): PeriodDays {
  const { frequency, year, index } = requirePeriod(period);
  const key = `${frequency} ${year} ${index}`;
  const known = periodDays.get(key);
  if (known !== undefined) return known;
  const first = new Temporal.PlainDate(year, (index - 1) * MONTHS_PER_PERIOD[frequency] + 1, 1);
  // Day 31 is constrained to the last day of the month (overflow 'constrain', the default).
  const last = Temporal.PlainDate.from({ year, month: index * MONTHS_PER_PERIOD[frequency], day: 31 });
  return remember(periodDays, key, { first, last, firstText: first.toString(), lastText: last.toString() }, DAYS_KEPT);
}

const firstDayOf = (period: ReportingPeriod): Day => daysOf(period).first;
const lastDayOf = (period: ReportingPeriod): Day => daysOf(period).last;

/** Orders periods by first day, then by last day (so, within one frequency, chronologically); negative when a < b. */
export function comparePeriods(a: ReportingPeriod, b: ReportingPeriod): number {
  return (
    Temporal.PlainDate.compare(firstDayOf(a), firstDayOf(b)) || Temporal.PlainDate.compare(lastDayOf(a), lastDayOf(b))
  );
}

/** The period after this one, of the same frequency; RangeError after 9999. */
export function nextPeriod(period: ReportingPeriod): ReportingPeriod {
  const { frequency, year, index } = requirePeriod(period);
  const next =
    index < PERIODS_PER_YEAR[frequency] ? makePeriod(frequency, year, index + 1) : makePeriod(frequency, year + 1, 1);
  if (next === null) throw new RangeError(`No period after ${formatPeriod(period)}`);
  return next;
}

/** A period's place among the periods of its frequency: consecutive periods differ by 1. */
export function periodOrdinal(period: ReportingPeriod): number {
  const { frequency, year, index } = requirePeriod(period);
  return year * PERIODS_PER_YEAR[frequency] + index - 1;
}

/** The period before this one, of the same frequency; RangeError before 1900. */
export function previousPeriod(period: ReportingPeriod): ReportingPeriod {
  const { frequency, year, index } = requirePeriod(period);
  const previous =
    index > 1 ? makePeriod(frequency, year, index - 1) : makePeriod(frequency, year - 1, PERIODS_PER_YEAR[frequency]);
  if (previous === null) throw new RangeError(`No period before ${formatPeriod(period)}`);
  return previous;
}

/** The period's first calendar day, `YYYY-MM-DD`. */
export function periodFirstDay(period: ReportingPeriod): string {
  return daysOf(period).firstText;
}

/** The period's last calendar day, `YYYY-MM-DD` (inclusive). */
export function periodLastDay(period: ReportingPeriod): string {
  return daysOf(period).lastText;
}

function periodOfDay(day: Day, frequency: Frequency): ReportingPeriod {
  const period = makePeriod(frequency, day.year, Math.floor((day.month - 1) / MONTHS_PER_PERIOD[frequency]) + 1);
  if (period === null) throw new RangeError(`${day.toString()} is outside the supported years`);
  return period;
}

/** The period of the given frequency that contains a calendar date `YYYY-MM-DD`. */
export function periodOfDate(date: string, frequency: Frequency): ReportingPeriod {
  return periodOfDay(requireDay(date, 'date'), requireFrequency(frequency));
}

// ---------------------------------------------------------------------------------------------------------------
// Time zones. Temporal derives every answer from Intl's offsets, which costs microseconds a call; evaluation runs ask
// for the start of the same few hundred days over and over, and requests for today's date, so answers are kept.

const DAY_STARTS_KEPT = 10_000;
const ZONES_KEPT = 100;
/** The start of each day already asked for, in epoch milliseconds, by `<zone> <date>`. */
const dayStarts = new Map<string, number>();
/** Per zone, the span of instants last found to read one local date: from an instant asked for, exclusive `until`. */
const dateSpans = new Map<string, { from: number; until: number; day: Day; date: string }>();

/** Keeps an answer, forgetting the oldest one kept when the map is full. */
function remember<V>(answers: Map<string, V>, key: string, value: V, limit: number): V {
  if (answers.size >= limit) answers.delete(answers.keys().next().value!);
  answers.set(key, value);
  return value;
}

function requireTimeZone(timeZone: string): string {
  if (typeof timeZone !== 'string') throw new RangeError(`Not a time zone: ${JSON.stringify(timeZone)}`);
  return timeZone;
}

/**
 * The first instant of a local day, in epoch milliseconds. Temporal's start of day is the first instant whose local
 * date is that day: midnight; the first of the two midnights where clocks fall back onto it (America/Havana,
 * 2026-11-01); the instant the clocks jump where they spring forward over it (America/Sao_Paulo, 2018-11-04, 01:00).
 */
function startOfDayMs(day: Day, timeZone: string): number {
  const key = `${requireTimeZone(timeZone)} ${day.toString()}`;
  // toZonedDateTime throws a RangeError naming an unknown zone, so only real zones are kept.
  return (
    dayStarts.get(key) ?? remember(dayStarts, key, day.toZonedDateTime(timeZone).epochMilliseconds, DAY_STARTS_KEPT)
  );
}

function localDayOf(instant: Date, timeZone: string): { day: Day; date: string } {
  const epochMs = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(epochMs)) throw new RangeError(`Not an instant: ${String(instant)}`);
  const span = dateSpans.get(requireTimeZone(timeZone));
  if (span !== undefined && span.from <= epochMs && epochMs < span.until) return span;
  const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone);
  const day = zoned.toPlainDate();
  if (!isSupportedYear(day.year)) {
    throw new RangeError(`${instant.toISOString()} is outside the supported years in ${timeZone}`);
  }
  // Until the next day starts or the offset next changes, the clock only moves forward within this date. (Past a
  // change it may read the day before again: America/St_Johns fell back from 00:01 to 23:01 until 2011.)
  const transition = zoned.getTimeZoneTransition('next');
  const until = Math.min(startOfDayMs(day.add({ days: 1 }), timeZone), transition?.epochMilliseconds ?? Infinity);
  return remember(dateSpans, timeZone, { from: epochMs, until, day, date: day.toString() }, ZONES_KEPT);
}

/** The local calendar date `YYYY-MM-DD` of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  return localDayOf(instant, timeZone).date;
}

/** The period of the given frequency containing an instant: the instant's local date in the zone decides. */
export function periodOfInstant(instant: Date, frequency: Frequency, timeZone: string): ReportingPeriod {
  return periodOfDay(localDayOf(instant, timeZone).day, requireFrequency(frequency));
}

/** The first instant of a local day; when DST skips midnight, the first instant that exists (01:00 local). */
export function localMidnight(date: string, timeZone: string): Date {
  return new Date(startOfDayMs(requireDay(date, 'date'), timeZone));
}

/** The first instant of a period in a time zone: local midnight of its first day. */
export function periodStartInstant(period: ReportingPeriod, timeZone: string): Date {
  return new Date(startOfDayMs(firstDayOf(period), timeZone));
}

/** The end of a period in a time zone, exclusive: local midnight of the day after its last day. */
export function periodEndInstant(period: ReportingPeriod, timeZone: string): Date {
  return new Date(startOfDayMs(lastDayOf(period).add({ days: 1 }), timeZone));
}

/** When a (possibly clipped) period becomes due: local midnight of the day `lastDay + 1 + graceDays`. */
export function periodDueAt(lastDay: string, graceDays: number, timeZone: string): Date {
  if (!Number.isInteger(graceDays) || graceDays < 0) {
    throw new RangeError(`graceDays must be an integer >= 0, got ${graceDays}`);
  }
  // Days are counted on the calendar, not as 24-hour spans, so a DST change in the grace days moves nothing.
  return new Date(startOfDayMs(requireDay(lastDay, 'lastDay').add({ days: 1 + graceDays }), timeZone));
}

// ---------------------------------------------------------------------------------------------------------------
// Contracts.

function requireContractDays(startDate: string, endDate: string): [Day, Day] {
  const start = requireDay(startDate, 'startDate');
  const end = requireDay(endDate, 'endDate');
  if (Temporal.PlainDate.compare(end, start) < 0)
    throw new RangeError(`endDate ${endDate} is before startDate ${startDate}`);
  return [start, end];
}

/** Every period overlapping a contract's dates (inclusive), oldest first, its days clipped to those dates. */
export function contractPeriods(startDate: string, endDate: string, frequency: Frequency): ContractPeriod[] {
  const [start, end] = requireContractDays(startDate, endDate);
  requireFrequency(frequency);
  const periods: ContractPeriod[] = [];
  // A contract may start mid-period and end mid-period: the first and last periods are clipped to its dates.
  for (let period = periodOfDay(start, frequency); ; period = nextPeriod(period)) {
    const lastDay = lastDayOf(period);
    periods.push({
      period,
      key: formatPeriod(period),
      firstDay: later(firstDayOf(period), start).toString(),
      lastDay: earlier(lastDay, end).toString(),
    });
    if (Temporal.PlainDate.compare(lastDay, end) >= 0) return periods;
  }
}

/** True when a period shares at least one day with a contract's dates (inclusive). */
export function isPeriodWithin(period: ReportingPeriod, startDate: string, endDate: string): boolean {
  const [start, end] = requireContractDays(startDate, endDate);
  return (
    Temporal.PlainDate.compare(firstDayOf(period), end) <= 0 &&
    Temporal.PlainDate.compare(lastDayOf(period), start) >= 0
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Words for emails.

const QUARTER_PREFIX: Record<Language, string> = { en: 'Q', es: 'T', pt: 'T' };
const monthNameCache = new Map<Language, string[]>();

function monthNames(language: Language): string[] {
  let names = monthNameCache.get(language);
  if (names === undefined) {
    // The zone is fixed so that the 15th of each month is that month wherever the code runs.
    const format = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC', calendar: 'gregory' });
    names = Array.from({ length: 12 }, (_, month) => format.format(Date.UTC(2000, month, 15)));
    monthNameCache.set(language, names);
  }
  return names;
}

/** The period in words for emails: "March 2026", "marzo de 2026", "Q1 2026 (January–March)", "T1 2026 (enero–marzo)". */
export function describePeriod(period: ReportingPeriod, language: Language): string {
  const { frequency, year, index } = requirePeriod(period);
  if (!Object.hasOwn(QUARTER_PREFIX, language)) throw new RangeError(`Not a language: ${JSON.stringify(language)}`);
  const names = monthNames(language);
  if (frequency === 'monthly') {
    // Patterns are fixed here rather than taken from Intl's { month, year } so that ICU updates cannot change them.
    return language === 'en' ? `${names[index - 1]} ${year}` : `${names[index - 1]} de ${year}`;
  }
  if (frequency === 'quarterly') {
    const first = names[(index - 1) * 3];
    const last = names[(index - 1) * 3 + 2];
    return `${QUARTER_PREFIX[language]}${index} ${year} (${first}–${last})`;
  }
  return String(year);
}
