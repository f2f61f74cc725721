import type { Contract, Department, Kpi } from '#database';
import {
  createApiKey,
  createContract,
  createDepartment,
  createEvaluation,
  createKpi,
  createVendor,
  FixedClock,
  readPdf,
  resetDatabase,
} from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';

type ScorecardKpi = { name: string; trend: unknown };
type Scorecard = { periods: { period: string; kpis: ScorecardKpi[] }[] };

/** Each KPI's trend by period, where the scorecard shows one. */
const trendsOf = (scorecard: Scorecard) =>
  scorecard.periods.flatMap((entry) =>
    entry.kpis.filter((kpi) => kpi.trend !== null).map((kpi) => [entry.period, kpi.name, kpi.trend]),
  );

const WORSENING = { direction: 'worsening', projectedValue: 88.5, projectedPeriod: '2026-05' };

// The early warning (the product design §9) on the scorecard and in the meeting pack: a KPI on track or at risk
// whose least-squares line through its last TREND_PERIODS values (4 by default) crosses its off-track threshold in
// the next period carries its trend.
describe('early warning on the scorecard and in the meeting pack', () => {
  const clock = new FixedClock('2026-05-20T12:00:00Z');
  let testApp: TestApp;
  let spanish: TestApp;
  let officer: string;
  let works: Department;
  let contract: Contract;

  beforeAll(async () => {
    testApp = await createTestApp({}, { clock });
    // A second API of the city with a shorter trend and the pack in Spanish.
    spanish = await createTestApp({}, { clock, settings: { TREND_PERIODS: 3, ESCALATION_LANGUAGE: 'es' } });
    await resetDatabase(testApp.dataSource);
    officer = await createApiKey(testApp.dataSource, 'procurement_officer');
    works = await createDepartment(testApp.dataSource, { code: 'WRK', name: 'Public Works' });
    contract = await createContract(
      testApp.dataSource,
      await createVendor(testApp.dataSource, { legalName: 'Lumen' }),
      works,
      {
        number: 'W-1',
      },
    );
    const kpi = (overrides: Partial<Kpi>) => createKpi(testApp.dataSource, contract, overrides);
    const series = async (of: Kpi, values: [string, number, string][]) => {
      for (const [period, value, status] of values) {
        await createEvaluation(testApp.dataSource, of, { period, value, status: status as never });
      }
    };
    // Falling towards 90: the line through 98, 96, 93, 91 reaches 88.5 in May (worked in kpi-trend.spec.ts).
    await series(await kpi({ name: 'Uptime', unit: '%', target: 95, offTrackThreshold: 90 }), [
      ['2026-01', 98, 'on_track'],
      ['2026-02', 96, 'on_track'],
      ['2026-03', 93, 'at_risk'],
      ['2026-04', 91, 'at_risk'],
    ]);
    // Lower is better and rising, but slowly: the line reaches 7 hours in May, within the threshold of 8.
    const hours = { unit: 'hours', direction: 'lower_is_better' as const, target: 4, offTrackThreshold: 8 };
    await series(await kpi({ name: 'Response time', ...hours }), [
      ['2026-01', 3, 'on_track'],
      ['2026-02', 4, 'on_track'],
      ['2026-03', 5, 'at_risk'],
      ['2026-04', 6, 'at_risk'],
    ]);
    // Improving: flagged never, however close to the threshold.
    await series(await kpi({ name: 'Repair time', ...hours }), [
      ['2026-01', 7.9, 'at_risk'],
      ['2026-02', 7, 'at_risk'],
      ['2026-03', 6, 'at_risk'],
      ['2026-04', 5, 'at_risk'],
    ]);
    // Already off track: a different warning, not this one.
    await series(await kpi({ name: 'Potholes', unit: '%', target: 95, offTrackThreshold: 90 }), [
      ['2026-01', 98, 'on_track'],
      ['2026-02', 95, 'on_track'],
      ['2026-03', 92, 'at_risk'],
      ['2026-04', 89, 'off_track'],
    ]);
  }, 60_000);

  afterAll(async () => {
    await spanish?.close();
    await testApp?.close();
  });

  const scorecard = async (app: TestApp, query = '') => {
    const response = await app.http.get(`/api/v1/contracts/${contract.id}/scorecard${query}`, { token: officer });
    expect(response.status).toBe(200);
    return response.body as Scorecard;
  };

  it('should put the trend on the worsening KPI’s latest period of the scorecard, and nowhere else', async () => {
    const card = await scorecard(testApp);
    expect(trendsOf(card)).toEqual([['2026-04', 'Uptime', WORSENING]]);
    expect(card.periods[0].kpis.every((kpi) => kpi.trend === null)).toBe(true);
  });

  it('should draw the line through periods before the range, and only up to its end', async () => {
    expect(trendsOf(await scorecard(testApp, '?from=2026-04&to=2026-04'))).toEqual([['2026-04', 'Uptime', WORSENING]]);
    // Up to March Uptime has three values, fewer than TREND_PERIODS.
    expect(trendsOf(await scorecard(testApp, '?to=2026-03'))).toEqual([]);
  });

  it('should draw the line through TREND_PERIODS values', async () => {
    // The last three, 96, 93, 91: slope −2.5 through their mean 93.3333, so 93.3333 − 2.5 × 2 in May.
    expect(trendsOf(await scorecard(spanish))).toEqual([
      ['2026-04', 'Uptime', { direction: 'worsening', projectedValue: 88.3333, projectedPeriod: '2026-05' }],
    ]);
  });

  const pack = (app: TestApp, format: string) =>
    app.http.get(`/api/v1/reports/meeting-pack?departmentId=${works.id}&period=2026-04&format=${format}`, {
      token: officer,
    });

  it('should list the worsening KPI in the meeting pack’s data, page and PDF', async () => {
    const data = await pack(testApp, 'json');
    expect(data.status).toBe(200);
    expect(data.body.trendPeriods).toBe(4);
    expect(data.body.worsening).toEqual([
      {
        contractId: contract.id,
        contractNumber: 'W-1',
        vendorName: 'Lumen',
        name: 'Uptime',
        unit: '%',
        direction: 'higher_is_better',
        period: '2026-04',
        value: 91,
        target: 95,
        offTrackThreshold: 90,
        status: 'at_risk',
        trend: WORSENING,
      },
    ]);

    const page = (await pack(testApp, 'html')).text;
    expect(page).toContain('<h2>Early warning: KPIs heading off track</h2>');
    expect(page).toContain('the least-squares line through their last 4 values');
    expect(page).toContain('<td>Uptime</td>');
    expect(page).toContain('<td class="off-track">88.5%</td><td>2026-05</td>');
    expect(page).toMatch(/<th scope="row">KPIs heading off track<\/th>\s*<td>1<\/td>/);

    const response = await fetch(
      `${testApp.url}/api/v1/reports/meeting-pack?departmentId=${works.id}&period=2026-04&format=pdf`,
      { headers: { authorization: `Bearer ${officer}` } },
    );
    const lines = (await readPdf(new Uint8Array(await response.arrayBuffer()))).text.split('\n');
    const start = lines.indexOf('Early warning: KPIs heading off track');
    expect(start).toBeGreaterThan(-1);
    expect(lines.slice(lines.indexOf('W-1', start), lines.indexOf('W-1', start) + 9)).toEqual([
      'W-1',
      'Lumen',
      'Uptime',
      '2026-04',
      '91%',
      'At risk',
      'below 90%',
      '88.5%',
      '2026-05',
    ]);
  });

  it('should speak the pack’s language and draw TREND_PERIODS values there too', async () => {
    const page = (await pack(spanish, 'html')).text;
    expect(page).toContain('<h2>Alerta temprana: indicadores con tendencia a salir de meta</h2>');
    expect(page).toContain('sus últimos 3 valores');
    expect(page).toContain('<td class="off-track">88.3333%</td><td>2026-05</td>');
  });
});
