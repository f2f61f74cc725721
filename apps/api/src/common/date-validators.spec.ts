import { validateSync } from 'class-validator';
import { IsCalendarDate, IsNotBefore, isInstantText } from './date-validators.js';

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

describe('isInstantText', () => {
  it.each([
    '2026-03-01T09:30Z',
    '2026-03-01T09:30:00Z',
    '2026-03-01T09:30:00.123456-05:00',
    '2024-02-29T23:59:59+14:00',
  ])('should accept %s', (value) => {
    expect(isInstantText(value)).toBe(true);
  });

  it.each([
    '2026-02-30T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T09:60:00Z',
    '2026-03-01T09:30:60Z',
    '2026-03-01T09:30:00+15:00',
    '2026-03-01T09:30:00',
    '2026-03-01',
    20260301,
  ])('should refuse %s', (value) => {
    expect(isInstantText(value)).toBe(false);
  });
});
