import { periodKeysEndingWith } from './period-window.js';

describe('periodKeysEndingWith', () => {
  it.each([
    ['2026-02', 3, ['2025-12', '2026-01', '2026-02']],
    ['2026-Q1', 2, ['2025-Q4', '2026-Q1']],
    ['2026', 3, ['2024', '2025', '2026']],
    ['2026-03', 1, ['2026-03']],
    ['1900-02', 4, ['1900-01', '1900-02']],
  ])('should give the periods ending with %s, %p of them', (key, count, expected) => {
    expect(periodKeysEndingWith(key, count)).toEqual(expected);
  });

  it('should refuse what is not a period', () => {
    expect(() => periodKeysEndingWith('2026-13', 2)).toThrow(RangeError);
  });
});
