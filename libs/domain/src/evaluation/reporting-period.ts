// Reporting periods (the product design (§2, §3)): `2026-03`, `2026-Q1`, `2026`, following the calendar in the
// city's time zone and clipped to a contract's dates. Pure functions: no clock, no I/O; time zones are IANA
// names resolved through Intl, so nothing depends on the machine's own zone or locale.
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

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const PERIODS_PER_YEAR: Record<Frequency, number> = { monthly: 12, quarterly: 4, annual: 1 };
const MONTHS_PER_PERIOD: Record<Frequency, number> = { monthly: 1, quarterly: 3, annual: 12 };

const MONTHLY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTERLY = /^(\d{4})-Q([1-4])$/;
const ANNUAL = /^(\d{4})$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------------------------------------------
// Calendar days. Internally a day is its number since 1970-01-01 (a UTC time line used only as a calendar).

function dayNumberOf(year: number, month: number, day: number): number {
  // Date.UTC normalises month 13 to January of the next year, which period arithmetic relies on.
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function calendarOf(dayNumber: number): { year: number; month: number; day: number } {
  const date = new Date(dayNumber * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function formatDayNumber(dayNumber: number): string {
  const { year, month, day } = calendarOf(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseDayNumber(text: string): number | null {
  const match = CALENDAR_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > dayNumberOf(year, month + 1, 1) - dayNumberOf(year, month, 1)) return null;
  return dayNumberOf(year, month, day);
}

function requireDayNumber(text: string, name: string): number {
  const dayNumber = typeof text === 'string' ? parseDayNumber(text) : null;
  if (dayNumber === null) {
    throw new RangeError(
      `${name} must be a calendar date written YYYY-MM-DD (years ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR}), got ${JSON.stringify(text)}`,
    );
  }
  return dayNumber;
}

/** True when the text is a real calendar date written `YYYY-MM-DD` in the supported years. */
export function isCalendarDate(text: string): boolean {
  return typeof text === 'string' && parseDayNumber(text) !== null;
}

/** The calendar date `days` days after (or, when negative, before) a `YYYY-MM-DD` date. */
export function addCalendarDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  const result = requireDayNumber(date, 'date') + days;
  if (parseDayNumber(formatDayNumber(result)) === null) throw new RangeError(`${date} + ${days} days is out of range`);
  return formatDayNumber(result);
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

function firstDayNumber(period: ReportingPeriod): number {
  const { frequency, year, index } = requirePeriod(period);
  return dayNumberOf(year, (index - 1) * MONTHS_PER_PERIOD[frequency] + 1, 1);
}

/** The day after the period's last day (may be 10000-01-01 for the very last period). */
function endDayNumber(period: ReportingPeriod): number {
  const { frequency, year, index } = requirePeriod(period);
  return dayNumberOf(year, index * MONTHS_PER_PERIOD[frequency] + 1, 1);
}

/** Orders periods by first day, then by last day (so, within one frequency, chronologically); negative when a < b. */
export function comparePeriods(a: ReportingPeriod, b: ReportingPeriod): number {
  return firstDayNumber(a) - firstDayNumber(b) || endDayNumber(a) - endDayNumber(b);
}

/** The period after this one, of the same frequency; RangeError after 9999. */
export function nextPeriod(period: ReportingPeriod): ReportingPeriod {
  const { frequency, year, index } = requirePeriod(period);
  const next =
    index < PERIODS_PER_YEAR[frequency] ? makePeriod(frequency, year, index + 1) : makePeriod(frequency, year + 1, 1);
  if (next === null) throw new RangeError(`No period after ${formatPeriod(period)}`);
  return next;
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
  return formatDayNumber(firstDayNumber(period));
}

/** The period's last calendar day, `YYYY-MM-DD` (inclusive). */
export function periodLastDay(period: ReportingPeriod): string {
  return formatDayNumber(endDayNumber(period) - 1);
}

function periodOfDayNumber(dayNumber: number, frequency: Frequency): ReportingPeriod {
  const { year, month } = calendarOf(dayNumber);
  const period = makePeriod(frequency, year, Math.floor((month - 1) / MONTHS_PER_PERIOD[frequency]) + 1);
  if (period === null) throw new RangeError(`${formatDayNumber(dayNumber)} is outside the supported years`);
  return period;
}

/** The period of the given frequency that contains a calendar date `YYYY-MM-DD`. */
export function periodOfDate(date: string, frequency: Frequency): ReportingPeriod {
  return periodOfDayNumber(requireDayNumber(date, 'date'), requireFrequency(frequency));
}

// ---------------------------------------------------------------------------------------------------------------
// Time zones. Intl tells what a zone's wall clock reads at an instant; everything else is derived from that.

const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallClockFormatters.get(timeZone);
  if (formatter === undefined) {
    // Fixed locale, calendar and digits so that the parts are always Gregorian, Latin-digit and 24-hour.
    // hourCycle 'h23' rather than hour12: false, which some engines render midnight as "24".
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormatters.set(timeZone, formatter);
  }
  return formatter;
}

// Instants whose local dates can be 1899-12-31 … 10000-01-01 in any zone (offsets stay within ±18 hours): that
// keeps the years Intl prints positive and four- or five-digit, and covers every period's start and end.
const MIN_INSTANT_MS = Date.UTC(MIN_PERIOD_YEAR - 1, 11, 30);
const MAX_INSTANT_MS = Date.UTC(MAX_PERIOD_YEAR + 1, 0, 3);
const MAX_OFFSET_MS = 18 * HOUR_MS;

/** What the zone's clock reads at an instant, as milliseconds on a UTC time line. */
function wallClockMs(epochMs: number, timeZone: string): number {
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of wallClockFormatter(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN } = fields;
  // Intl prints whole seconds; the milliseconds carry over unchanged (zone offsets are whole seconds).
  const millis = ((epochMs % 1000) + 1000) % 1000;
  // Date.UTC reads years 0–99 as 1900–1999; years here are 1899 or later. An hour of 24 is midnight (engine quirk).
  return Date.UTC(year, month - 1, day, hour % 24, minute, second) + millis;
}

function requireInstantMs(instant: Date): number {
  const epochMs = instant instanceof Date ? instant.getTime() : NaN;
  if (!(epochMs >= MIN_INSTANT_MS && epochMs < MAX_INSTANT_MS)) {
    throw new RangeError(`Not an instant in the supported years: ${String(instant)}`);
  }
  return epochMs;
}

/** The first instant at which the zone's clock reads the day's midnight or later. */
function localMidnightMs(dayNumber: number, timeZone: string): number {
  const midnight = dayNumber * DAY_MS;
  const clock = (epochMs: number) => wallClockMs(epochMs, timeZone);
  // The offsets in force around that midnight (at most one change within a day and a half, in practice).
  const offsets = new Set(
    [midnight - MAX_OFFSET_MS, midnight, midnight + MAX_OFFSET_MS].map((probe) => clock(probe) - probe),
  );
  // Each offset proposes an instant; it is right when the clock there does read midnight. When clocks fall back
  // onto midnight it is read twice: the day starts at the first reading.
  let first = Infinity;
  for (const offset of offsets) {
    const candidate = midnight - offset;
    if (candidate < first && clock(candidate) === midnight) first = candidate;
  }
  if (first !== Infinity) return first;
  // Midnight does not exist: clocks sprang forward over it (America/Sao_Paulo on 2018-11-04, 00:00 → 01:00).
  // The day then starts at the change, the first instant whose clock reads later than midnight. The clock only
  // moves forward across a midnight, so a binary search over the surrounding hours finds it to the millisecond.
  let before = midnight - MAX_OFFSET_MS; // clock reads earlier than midnight
  let after = midnight + MAX_OFFSET_MS; // clock reads midnight or later
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (clock(middle) >= midnight) after = middle;
    else before = middle;
  }
  return after;
}

function validateTimeZone(timeZone: string): string {
  if (typeof timeZone !== 'string') throw new RangeError(`Not a time zone: ${JSON.stringify(timeZone)}`);
  wallClockFormatter(timeZone); // Intl throws a RangeError naming an unknown zone
  return timeZone;
}

function localDayNumberOf(instant: Date, timeZone: string): number {
  const epochMs = requireInstantMs(instant);
  const dayNumber = Math.floor(wallClockMs(epochMs, validateTimeZone(timeZone)) / DAY_MS);
  if (parseDayNumber(formatDayNumber(dayNumber)) === null) {
    throw new RangeError(`${instant.toISOString()} is outside the supported years in ${timeZone}`);
  }
  return dayNumber;
}

/** The local calendar date `YYYY-MM-DD` of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  return formatDayNumber(localDayNumberOf(instant, timeZone));
}

/** The period of the given frequency containing an instant: the instant's local date in the zone decides. */
export function periodOfInstant(instant: Date, frequency: Frequency, timeZone: string): ReportingPeriod {
  return periodOfDayNumber(localDayNumberOf(instant, timeZone), requireFrequency(frequency));
}

/** The first instant of a local day; when DST skips midnight, the first instant that exists (01:00 local). */
export function localMidnight(date: string, timeZone: string): Date {
  return new Date(localMidnightMs(requireDayNumber(date, 'date'), validateTimeZone(timeZone)));
}

/** The first instant of a period in a time zone: local midnight of its first day. */
export function periodStartInstant(period: ReportingPeriod, timeZone: string): Date {
  return new Date(localMidnightMs(firstDayNumber(period), validateTimeZone(timeZone)));
}

/** The end of a period in a time zone, exclusive: local midnight of the day after its last day. */
export function periodEndInstant(period: ReportingPeriod, timeZone: string): Date {
  return new Date(localMidnightMs(endDayNumber(period), validateTimeZone(timeZone)));
}

/** When a (possibly clipped) period becomes due: local midnight of the day `lastDay + 1 + graceDays`. */
export function periodDueAt(lastDay: string, graceDays: number, timeZone: string): Date {
  if (!Number.isInteger(graceDays) || graceDays < 0) {
    throw new RangeError(`graceDays must be an integer >= 0, got ${graceDays}`);
  }
  // Days are counted on the calendar, not as 24-hour spans, so a DST change in the grace days moves nothing.
  return new Date(localMidnightMs(requireDayNumber(lastDay, 'lastDay') + 1 + graceDays, validateTimeZone(timeZone)));
}

// ---------------------------------------------------------------------------------------------------------------
// Contracts.

function requireContractDays(startDate: string, endDate: string): [number, number] {
  const start = requireDayNumber(startDate, 'startDate');
  const end = requireDayNumber(endDate, 'endDate');
  if (end < start) throw new RangeError(`endDate ${endDate} is before startDate ${startDate}`);
  return [start, end];
}

/** Every period overlapping a contract's dates (inclusive), oldest first, its days clipped to those dates. */
export function contractPeriods(startDate: string, endDate: string, frequency: Frequency): ContractPeriod[] {
  const [start, end] = requireContractDays(startDate, endDate);
  requireFrequency(frequency);
  const periods: ContractPeriod[] = [];
  // A contract may start mid-period and end mid-period: the first and last periods are clipped to its dates.
  for (let period = periodOfDayNumber(start, frequency); ; period = nextPeriod(period)) {
    periods.push({
      period,
      key: formatPeriod(period),
      firstDay: formatDayNumber(Math.max(firstDayNumber(period), start)),
      lastDay: formatDayNumber(Math.min(endDayNumber(period) - 1, end)),
    });
    if (endDayNumber(period) > end) return periods;
  }
}

/** True when a period shares at least one day with a contract's dates (inclusive). */
export function isPeriodWithin(period: ReportingPeriod, startDate: string, endDate: string): boolean {
  const [start, end] = requireContractDays(startDate, endDate);
  return firstDayNumber(period) <= end && endDayNumber(period) - 1 >= start;
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
