/**
 * Number and text formatting for PDF reports: en-US, as the reports' headings are English, unless a `locale` is
 * given (the meeting pack follows its language).
 *
 * - `NO_VALUE` ("—") stands for a null figure everywhere.
 * - `formatPercent(value)` → "33.3%" (one decimal, as the metrics are rounded), null → "—".
 * - `formatNumber(value, maxDecimals = 4)` → "1,234.5" (no trailing zeros), null → "—".
 * - `formatMoney(amount, currency)` → "$200,000.00", or "XYZ 200,000.00" when the embedded fonts lack the
 *   currency's symbol; null → "—".
 * - `pdfSafeText(text)` keeps what the embedded fonts can show (`pdf-fonts.ts`); anything else becomes "?". Every primitive applies it to its text.
 */
import { pdfFontHasCharacter } from './pdf-fonts.js';

/** The stand-in for a figure that has no value (a null percentage, a missing measurement). */
export const NO_VALUE = '—';

/** The reports' locale; the meeting pack passes its language's. */
const REPORT_LOCALE = 'en-US';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** A 0–100 percentage with one decimal and a % sign; null is "—". */
export function formatPercent(value: number | null, locale = REPORT_LOCALE): string {
  if (value === null) return NO_VALUE;
  return `${numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)}%`;
}

/** A number with thousands separators and at most `maxDecimals` decimals, no trailing zeros; null is "—". */
export function formatNumber(value: number | null, maxDecimals = 4, locale = REPORT_LOCALE): string {
  if (value === null) return NO_VALUE;
  return numberFormat(locale, { maximumFractionDigits: maxDecimals }).format(value);
}

/** An amount in `currency` (ISO 4217) with its symbol, or its code when the fonts cannot show the symbol. */
export function formatMoney(amount: number | null, currency: string, locale = REPORT_LOCALE): string {
  if (amount === null) return NO_VALUE;
  const withSymbol = numberFormat(locale, { style: 'currency', currency }).format(amount);
  if (isDrawable(withSymbol)) return withSymbol;
  return numberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code' }).format(amount);
}

function isDrawable(text: string): boolean {
  return [...text].every((character) => character === '\n' || pdfFontHasCharacter(character));
}

/**
 * Text the embedded fonts can draw: pdfkit would otherwise write a character they lack as an empty glyph. Text is
 * composed first (NFC: a letter and its combining accent become the one letter the fonts have); a character they
 * still lack becomes "?" (dropping an accent would change it: "≠" is "=" and a stroke), and tabs and other
 * controls become spaces.
 */
export function pdfSafeText(text: string): string {
  const composed = text.normalize('NFC');
  if (isDrawable(composed)) return composed;
  return [...composed]
    .map((character) => {
      if (character === '\n' || pdfFontHasCharacter(character)) return character;
      return character.codePointAt(0)! < 0x20 ? ' ' : '?';
    })
    .join('');
}
