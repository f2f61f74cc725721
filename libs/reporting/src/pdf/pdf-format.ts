/**
 * Number and text formatting for PDF reports (en-US, as the reports' headings are English).
 *
 * - `NO_VALUE` ("—") stands for a null figure everywhere.
 * - `formatPercent(value)` → "33.3%" (one decimal, as the metrics are rounded), null → "—".
 * - `formatNumber(value, maxDecimals = 4)` → "1,234.5" (no trailing zeros), null → "—".
 * - `formatMoney(amount, currency)` → "$200,000.00", or "USD 200,000.00" when the currency's symbol is not in
 *   the standard fonts' character set; null → "—".
 * - `pdfSafeText(text)` keeps what the standard PDF fonts can show (Windows-1252); other letters lose their
 *   accents when that makes them showable, anything else becomes "?". Every primitive applies it to its text.
 */

/** The stand-in for a figure that has no value (a null percentage, a missing measurement). */
export const NO_VALUE = '—';

const percentFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A 0–100 percentage with one decimal and a % sign; null is "—". */
export function formatPercent(value: number | null): string {
  return value === null ? NO_VALUE : `${percentFormat.format(value)}%`;
}

/** A number with thousands separators and at most `maxDecimals` decimals, no trailing zeros; null is "—". */
export function formatNumber(value: number | null, maxDecimals = 4): string {
  if (value === null) return NO_VALUE;
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: maxDecimals }).format(value);
}

/** An amount in `currency` (ISO 4217) with its symbol, or its code when the fonts cannot show the symbol. */
export function formatMoney(amount: number | null, currency: string): string {
  if (amount === null) return NO_VALUE;
  const withSymbol = new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);
  if (isWinAnsi(withSymbol)) return withSymbol;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'code' }).format(amount);
}

// Windows-1252's characters beyond Latin-1: the standard fonts' encoding (WinAnsiEncoding) has these too.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function isWinAnsiCharacter(character: string): boolean {
  const code = character.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(character);
}

function isWinAnsi(text: string): boolean {
  return [...text].every((character) => character === '\n' || isWinAnsiCharacter(character));
}

/**
 * Text the standard fonts can draw: pdfkit would otherwise write other characters as unrelated glyphs. A letter
 * outside Windows-1252 is tried without its accents ("ź" → "z"), else replaced by "?"; tabs and other controls
 * become spaces.
 */
export function pdfSafeText(text: string): string {
  if (isWinAnsi(text)) return text;
  return [...text]
    .map((character) => {
      if (character === '\n' || isWinAnsiCharacter(character)) return character;
      if (character.codePointAt(0)! < 0x20) return ' ';
      const base = character.normalize('NFD').replace(/\p{Mn}/gu, '');
      return base.length > 0 && isWinAnsi(base) ? base : '?';
    })
    .join('');
}
