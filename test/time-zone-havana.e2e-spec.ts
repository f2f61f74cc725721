// Set before the apps' modules are imported (they read their configuration then): this file's city is Havana.
process.env.CITY_TIMEZONE = 'America/Havana';

const { describeTimeZoneAgreement } = await import('./support/time-zone-agreement.js');

// On 2026-11-01 Havana's clocks fall back from 01:00 onto midnight, which is read twice: the day starts at the
// first of the two (04:00Z), and the new month with it.
describeTimeZoneAgreement({
  zone: 'America/Havana',
  previous: '2026-09',
  period: '2026-10',
  endDate: '2026-12-31',
  edge: '2026-11-01T04:00:00.000Z',
  next: '2026-11',
});
