import { calendarDateIn } from './calendar-date.js';

describe('calendarDateIn', () => {
  it.each([
    ['2026-03-15T03:59:59Z', 'America/New_York', '2026-03-14'],
    ['2026-03-15T04:00:00Z', 'America/New_York', '2026-03-15'],
    ['2026-01-01T04:59:59Z', 'America/New_York', '2025-12-31'],
    ['2026-01-01T05:00:00Z', 'America/New_York', '2026-01-01'],
    ['2026-03-15T10:00:00Z', 'Pacific/Kiritimati', '2026-03-16'],
    ['2026-03-15T11:59:59Z', 'Etc/GMT+12', '2026-03-14'],
    ['2024-02-29T12:00:00Z', 'UTC', '2024-02-29'],
  ])('should place %s in %s on %s', (instant, timeZone, expected) => {
    expect(calendarDateIn(new Date(instant), timeZone)).toBe(expected);
  });
});
