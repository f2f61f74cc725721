import { validateSync } from 'class-validator';
import { IsCalendarDate, IsNotBefore } from './date-validators.js';

class Period {
  @IsCalendarDate()
  from!: unknown;

  @IsCalendarDate()
  @IsNotBefore('from')
  to!: unknown;
}

const problems = (from: unknown, to: unknown) =>
  validateSync(Object.assign(new Period(), { from, to })).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message}`),
  );

describe('date validators', () => {
  it.each([['2026-03-15'], ['2024-02-29'], ['1999-12-31']])('should accept %s', (date) => {
    expect(problems(date, date)).toEqual([]);
  });

  it.each([
    ['2023-02-29'],
    ['2026-13-01'],
    ['2026-3-15'],
    ['20260315'],
    ['2026-03-15T00:00:00Z'],
    ['2026-03-15 '],
    [' 2026-03-15'],
    [20260315],
    [null],
  ])('should refuse %p as a calendar date', (date) => {
    expect(problems(date, '2026-03-15')).toEqual(['from: from must be a calendar date written YYYY-MM-DD']);
  });

  it('should refuse an end before the start, and allow the same day', () => {
    expect(problems('2026-03-15', '2026-03-14')).toEqual(['to: to must not be before from']);
    expect(problems('2026-03-15', '2026-03-15')).toEqual([]);
  });

  it('should leave the order alone when a date is malformed', () => {
    expect(problems('not a date', '2026-03-14')).toEqual(['from: from must be a calendar date written YYYY-MM-DD']);
  });
});
