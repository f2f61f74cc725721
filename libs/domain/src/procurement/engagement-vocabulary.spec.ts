import { engagementDateProblem } from './engagement-vocabulary.js';

describe('engagementDateProblem', () => {
  it.each([
    ['2026-04-10', '2026-04-10', null],
    ['2026-04-09', '2026-04-10', null],
    ['1999-12-31', '2026-04-10', null],
    ['2026-04-11', '2026-04-10', 'date must not be after today (2026-04-10)'],
    ['2027-01-01', '2026-12-31', 'date must not be after today (2026-12-31)'],
  ])('should judge %s when today is %s', (date, today, problem) => {
    expect(engagementDateProblem(date, today)).toBe(problem);
  });
});
