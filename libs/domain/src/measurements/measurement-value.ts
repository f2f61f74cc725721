// How an imported file writes a measurement's value (the product design (§4)): a plain decimal number with the
// file's decimal separator, without thousands separators, with at most 4 decimals and 14 digits before the
// separator, as the measurements column (numeric(18,4)) stores it.

/** The character between a value's whole part and its decimals. */
export type DecimalSeparator = '.' | ',';

export const DECIMAL_SEPARATORS: readonly DecimalSeparator[] = ['.', ','];

/** The rule a written value breaks. */
export type MeasurementValueRule = 'other_separator' | 'not_a_number' | 'too_large';

/** A value read: fixed to 4 decimals, as the column stores it; or what is wrong with it. */
export type MeasurementValueReading = { fixed: string } | { rule: MeasurementValueRule; message: string };

const DECIMALS = 4;
// numeric(18,4): 14 digits before the separator.
const VALUE_LIMIT = 1e14;

const NUMBER: Record<DecimalSeparator, RegExp> = {
  '.': /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/,
  ',': /^[+-]?(\d+,?\d*|,\d+)([eE][+-]?\d+)?$/,
};

const EXAMPLE: Record<DecimalSeparator, string> = {
  '.': 'a decimal point, like 3.5',
  ',': 'a decimal comma, like 3,5',
};

export const MEASUREMENT_VALUE_MESSAGE = `value must be a number with at most ${DECIMALS} decimals`;

/**
 * Reads `text` as a value written with `decimal` between its whole part and its decimals. The other separator is
 * refused wherever it stands: it is either the wrong decimal separator or a thousands separator, and reading
 * `1.234` as 1234 in one file and as 1.234 in another would be a guess.
 */
export function readMeasurementValue(text: string, decimal: DecimalSeparator): MeasurementValueReading {
  if (text.includes(decimal === '.' ? ',' : '.')) {
    return {
      rule: 'other_separator',
      message: `value must be written with ${EXAMPLE[decimal]}, and without thousands separators`,
    };
  }
  const value = NUMBER[decimal].test(text) ? Number(text.replace(',', '.')) : NaN;
  if (!Number.isFinite(value) || Number(value.toFixed(DECIMALS)) !== value) {
    return { rule: 'not_a_number', message: MEASUREMENT_VALUE_MESSAGE };
  }
  if (Math.abs(value) >= VALUE_LIMIT) {
    return { rule: 'too_large', message: 'value must have at most 14 digits before the decimal separator' };
  }
  return { fixed: value.toFixed(DECIMALS) };
}
