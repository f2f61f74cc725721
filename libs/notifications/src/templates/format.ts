// Formatting for emails: HTML escaping, numbers and calendar dates per locale, and checks on the inputs.
// Pure: Intl is given the locale, the zone (UTC, since dates are calendar dates), the calendar and the digits, so
// the output does not depend on the machine's own zone or locale.
import { stringify } from 'csv-stringify/sync';

/** Escapes text for HTML element content and double- or single-quoted attribute values (`&<>"'`). */
export { default as escapeHtml } from 'escape-html';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the locale's digits and separators, with up to 4 decimals and no trailing zeros. */
export function formatNumber(value: number, locale: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`Not a finite number: ${String(value)}`);
  }
  let format = numberFormats.get(locale);
  if (format === undefined) {
    // signDisplay 'negative': a value that rounds to zero prints as "0", never "-0".
    format = new Intl.NumberFormat(locale, {
      maximumFractionDigits: 4,
      numberingSystem: 'latn',
      signDisplay: 'negative',
    });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date `YYYY-MM-DD` in words ("April 15, 2026", "15 de abril de 2026"); RangeError when not a date. */
export function formatCalendarDate(date: string, locale: string): string {
  const match = typeof date === 'string' ? CALENDAR_DATE.exec(date) : null;
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const instant = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over into March: a date is real when it reads back unchanged.
  if (
    Number.isNaN(instant.getTime()) ||
    instant.getUTCFullYear() !== year ||
    instant.getUTCMonth() !== month - 1 ||
    instant.getUTCDate() !== day
  ) {
    throw new RangeError(`Not a calendar date written YYYY-MM-DD: ${JSON.stringify(date)}`);
  }
  let format = dateFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    dateFormats.set(locale, format);
  }
  return format.format(instant);
}

/** The URL when it is an absolute http(s) link; RangeError otherwise (a link must never run script). */
export function requireHttpUrl(url: string, name: string): string {
  const parsed = typeof url === 'string' && URL.canParse(url) ? new URL(url) : null;
  if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new RangeError(`${name} must be an absolute http(s) URL, got ${JSON.stringify(url)}`);
  }
  return url;
}

/** The list when it has at least one item; RangeError otherwise (an email about nothing is a caller's mistake). */
export function requireNonEmpty<T>(items: readonly T[], name: string): readonly T[] {
  if (!Array.isArray(items) || items.length === 0) throw new RangeError(`${name} must list at least one KPI`);
  return items;
}

/** One CSV record, without its line break: fields quoted as RFC 4180 asks (comma, quote or line break inside). */
export function csvRecord(fields: readonly string[]): string {
  return stringify([fields], { eof: false });
}
