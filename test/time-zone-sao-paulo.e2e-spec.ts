// Set before the apps' modules are imported (they read their configuration then): this file's city is São Paulo.
process.env.CITY_TIMEZONE = 'America/Sao_Paulo';

const { describeTimeZoneAgreement } = await import('./support/time-zone-agreement.js');

// 2018-11-04: clocks sprang forward at midnight, which never happened: the day starts at 01:00 local (03:00Z).
describeTimeZoneAgreement({
  zone: 'America/Sao_Paulo',
  previous: '2018-10',
  period: '2018-11',
  endDate: '2018-11-03',
  edge: '2018-11-04T03:00:00.000Z',
});

// 2019-02-17: at midnight clocks fell back to 23:00 of the 16th, so the 16th lasted 25 hours and the 17th starts
// at 03:00Z; the last period of a contract ending on the 16th ends then.
describeTimeZoneAgreement({
  zone: 'America/Sao_Paulo',
  previous: '2019-01',
  period: '2019-02',
  endDate: '2019-02-16',
  edge: '2019-02-17T03:00:00.000Z',
});
