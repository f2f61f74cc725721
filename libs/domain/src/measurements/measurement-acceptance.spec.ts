import type { Frequency } from '../evaluation/kpi-definition.js';
import { measurementProblem, type MeasurementRule } from './measurement-acceptance.js';

const contract = { startDate: '2025-02-15', endDate: '2026-08-31' };
const kpi = (frequency: Frequency, active = true) => ({ name: 'On time', active, frequency });
// After the contract's end, so that every period of it has begun.
const TODAY = '2026-09-15';

describe('measurementProblem', () => {
  it.each<[string, Frequency, string]>([
    ['a month the contract covers', 'monthly', '2025-06'],
    ['the month the contract starts in, partly covered', 'monthly', '2025-02'],
    ['the month the contract ends in', 'monthly', '2026-08'],
    ['a quarter partly covered', 'quarterly', '2025-Q1'],
    ['the quarter the contract ends in', 'quarterly', '2026-Q3'],
    ['a year partly covered', 'annual', '2025'],
    ['the year the contract ends in', 'annual', '2026'],
  ])('should accept %s', (_case, frequency, period) => {
    expect(measurementProblem(kpi(frequency), contract, period, TODAY)).toBeNull();
  });

  it.each<[string, Frequency, string, MeasurementRule, string]>([
    [
      'a quarter on a monthly KPI',
      'monthly',
      '2025-Q2',
      'period_format',
      'period must be written like 2026-03 for a monthly KPI',
    ],
    [
      'a month that does not exist',
      'monthly',
      '2025-13',
      'period_format',
      'period must be written like 2026-03 for a monthly KPI',
    ],
    [
      'a month on a quarterly KPI',
      'quarterly',
      '2025-03',
      'period_format',
      'period must be written like 2026-Q1 for a quarterly KPI',
    ],
    [
      'a quarter on an annual KPI',
      'annual',
      '2025-Q1',
      'period_format',
      'period must be written like 2026 for a annual KPI',
    ],
    [
      'text that is no period',
      'monthly',
      'March 2025',
      'period_format',
      'period must be written like 2026-03 for a monthly KPI',
    ],
    [
      'the month before the contract',
      'monthly',
      '2025-01',
      'outside_contract',
      'period 2025-01 is outside the contract (2025-02-15 to 2026-08-31)',
    ],
    [
      'the month after the contract',
      'monthly',
      '2026-09',
      'outside_contract',
      'period 2026-09 is outside the contract (2025-02-15 to 2026-08-31)',
    ],
    [
      'a quarter before the contract',
      'quarterly',
      '2024-Q4',
      'outside_contract',
      'period 2024-Q4 is outside the contract (2025-02-15 to 2026-08-31)',
    ],
    [
      'a year after the contract',
      'annual',
      '2027',
      'outside_contract',
      'period 2027 is outside the contract (2025-02-15 to 2026-08-31)',
    ],
  ])('should refuse %s', (_case, frequency, period, rule, message) => {
    expect(measurementProblem(kpi(frequency), contract, period, TODAY)).toEqual({ rule, message });
  });

  it('should refuse any value for an inactive KPI before looking at the period', () => {
    expect(measurementProblem(kpi('monthly', false), contract, 'nonsense', TODAY)).toEqual({
      rule: 'inactive_kpi',
      message: 'KPI "On time" is not active and takes no measurements',
    });
  });

  it('should find a period outside the contract before finding it has not begun', () => {
    expect(measurementProblem(kpi('monthly'), contract, '2099-01', TODAY)?.rule).toBe('outside_contract');
  });

  it.each<[string, Frequency, string, string, boolean]>([
    ['on the day before the month', 'monthly', '2026-04', '2026-03-31', false],
    ['on the month’s first day', 'monthly', '2026-04', '2026-04-01', true],
    ['on the day before the quarter', 'quarterly', '2026-Q3', '2026-06-30', false],
    ['on the quarter’s first day', 'quarterly', '2026-Q3', '2026-07-01', true],
    ['on the day before the year', 'annual', '2027', '2026-12-31', false],
    ['on the year’s first day', 'annual', '2027', '2027-01-01', true],
  ])('should judge whether a period has begun %s', (_case, frequency, period, today, begun) => {
    const longContract = { startDate: '2025-01-01', endDate: '2027-12-31' };
    expect(measurementProblem(kpi(frequency), longContract, period, today)).toEqual(
      begun ? null : { rule: 'not_begun', message: `period ${period} has not begun yet` },
    );
  });
});
