import { readMeasurementValue, type DecimalSeparator, type MeasurementValueRule } from './measurement-value.js';

describe('readMeasurementValue', () => {
  it.each<[DecimalSeparator, string, string]>([
    ['.', '3.5', '3.5000'],
    ['.', '-0.25', '-0.2500'],
    ['.', '+.5', '0.5000'],
    ['.', '7.', '7.0000'],
    ['.', '1e3', '1000.0000'],
    ['.', '12.3456', '12.3456'],
    ['.', '99999999999999.5', '99999999999999.5000'],
    [',', '3,5', '3.5000'],
    [',', '-0,25', '-0.2500'],
    [',', ',5', '0.5000'],
    [',', '42', '42.0000'],
    [',', '12,3456', '12.3456'],
  ])('should read a value written with "%s": %s', (decimal, text, fixed) => {
    expect(readMeasurementValue(text, decimal)).toEqual({ fixed });
  });

  it.each<[DecimalSeparator, string, MeasurementValueRule, string]>([
    [
      '.',
      '3,5',
      'other_separator',
      'value must be written with a decimal point, like 3.5, and without thousands separators',
    ],
    [
      '.',
      '1,234.5',
      'other_separator',
      'value must be written with a decimal point, like 3.5, and without thousands separators',
    ],
    [
      ',',
      '3.5',
      'other_separator',
      'value must be written with a decimal comma, like 3,5, and without thousands separators',
    ],
    [
      ',',
      '1.234,5',
      'other_separator',
      'value must be written with a decimal comma, like 3,5, and without thousands separators',
    ],
    ['.', '1.23456', 'not_a_number', 'value must be a number with at most 4 decimals'],
    [',', '1,23456', 'not_a_number', 'value must be a number with at most 4 decimals'],
    [',', '3,,5', 'not_a_number', 'value must be a number with at most 4 decimals'],
    ['.', 'ninety', 'not_a_number', 'value must be a number with at most 4 decimals'],
    ['.', ' 3', 'not_a_number', 'value must be a number with at most 4 decimals'],
    ['.', '0x10', 'not_a_number', 'value must be a number with at most 4 decimals'],
    ['.', 'Infinity', 'not_a_number', 'value must be a number with at most 4 decimals'],
    ['.', '1e400', 'not_a_number', 'value must be a number with at most 4 decimals'],
    ['.', '1e-323', 'not_a_number', 'value must be a number with at most 4 decimals'],
    ['.', '100000000000000', 'too_large', 'value must have at most 14 digits before the decimal separator'],
    [',', '-100000000000000,5', 'too_large', 'value must have at most 14 digits before the decimal separator'],
  ])('should refuse with "%s": %s', (decimal, text, rule, message) => {
    expect(readMeasurementValue(text, decimal)).toEqual({ rule, message });
  });
});
