// Set before the apps' modules are imported (they read their configuration then): this file's city is New York.
process.env.CITY_TIMEZONE = 'America/New_York';

const { describeTimeZoneAgreement } = await import('./support/time-zone-agreement.js');

// 2026-03-08: clocks spring forward at 02:00, so the day starts at 05:00Z (EST) and ends at 04:00Z (EDT). A
// contract ending the day before has its last period end at the start of that day.
describeTimeZoneAgreement({
  zone: 'America/New_York',
  previous: '2026-02',
  period: '2026-03',
  endDate: '2026-03-07',
  edge: '2026-03-08T05:00:00.000Z',
});

// 2026-11-01: clocks fall back at 02:00; the day, and November, start at 04:00Z (EDT).
describeTimeZoneAgreement({
  zone: 'America/New_York',
  previous: '2026-09',
  period: '2026-10',
  endDate: '2026-12-31',
  edge: '2026-11-01T04:00:00.000Z',
  next: '2026-11',
});
