import ExcelJS from 'exceljs';
import type { Contract, Department, Kpi, LibraryKpi, Vendor } from '#database';
import type { KpiStatus } from '#domain';
import {
  createApiKey,
  createContract,
  createDepartment,
  createEvaluation,
  createKpi,
  createLibraryKpi,
  createVendor,
  resetDatabase,
} from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/*
 * One hand-built dataset, read by every test. Library entry "Graffiti removed within 48 hours" (%, higher is
 * better) has versions 1 and 2; the range is 2026-01 to 2026-04 (four monthly periods).
 *
 *   contract  dept  pins  results in range (o on track, r at risk, x off track, m missing)  on track  share
 *   W-1       WRK   v1    o 95, o 96, o 97, o 98                                               4 of 4    100 %
 *   W-2       WRK   v1    o 92, r 85, o 91, o 90                                               3 of 4     75 %
 *   W-3       WRK   v2    o 99, o 93, x 60, o 90 (pins the newer version: still a peer)        3 of 4     75 %
 *   P-4       PRK   v1    o 90, o 91, x 50, r 89                                               2 of 4     50 %
 *   P-5       PRK   v1    x 10, x 20, m,    x 30                                               0 of 4      0 %
 *
 * Not counted: W-1's 2026-Q2 result (off track; the quarter is not wholly in the range) and its 2025-12 one; P-6,
 * whose KPI pins another entry. Officers compare all five: ranks 1, 2, 2, 4, 5 (standard competition rank).
 * Percentile = 100 × (below + (tied − 1) / 2) / (peers − 1), peers 5:
 *   W-1: below 4, tied 1 → 4/4 = 100;  W-2, W-3: below 2, tied 2 → 2.5/4 = 62.5;  P-4: 1/4 = 25;  P-5: 0.
 * Works' head compares W-1..W-3 only: ranks 1, 2, 2; percentiles 100, then (0 + 0.5)/2 = 25 for both ties.
 */
describe('GET /reports/peer-comparison', () => {
  let testApp: TestApp;
  let officer: string;
  let worksHead: string;
  let vendorKey: string;
  let works: Department;
  let parks: Department;
  let v1: LibraryKpi;
  let v2: LibraryKpi;

  const get = (path: string, token = officer) => testApp.http.get(`/api/v1/reports/peer-comparison?${path}`, { token });
  const month = (n: number) => `2026-0${n}`;

  async function peer(
    number: string,
    title: string,
    department: Department,
    vendor: Vendor,
    version: LibraryKpi,
    results: [KpiStatus, number | null][],
  ): Promise<{ contract: Contract; kpi: Kpi }> {
    const ds = testApp.dataSource;
    const contract = await createContract(ds, vendor, department, { number, title, startDate: '2025-12-01' });
    const kpi = await createKpi(ds, contract, {
      name: version.name,
      libraryKpiId: version.id,
      target: 90,
      offTrackThreshold: 80,
    });
    for (const [index, [status, value]] of results.entries()) {
      await createEvaluation(ds, kpi, { period: month(index + 1), status, value });
    }
    return { contract, kpi };
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    const ds = testApp.dataSource;
    await resetDatabase(ds);
    works = await createDepartment(ds, { code: 'WRK', name: 'Public Works' });
    parks = await createDepartment(ds, { code: 'PRK', name: 'Parks' });
    const alpha = await createVendor(ds, { legalName: 'Alpha Cleaning' });
    const beta = await createVendor(ds, { legalName: 'Beta Services' });
    officer = await createApiKey(ds, 'procurement_officer');
    worksHead = await createApiKey(ds, 'department_head', { departments: [works] });
    vendorKey = await createApiKey(ds, 'vendor', { vendor: alpha });
    v1 = await createLibraryKpi(ds, { name: 'Graffiti removed within 48 hours', category: 'streets' });
    v2 = await createLibraryKpi(ds, {
      entryId: v1.id,
      version: 2,
      name: 'Graffiti removed within 48 hours',
      suggestedTarget: 92,
    });
    const other = await createLibraryKpi(ds, { name: 'Potholes repaired within 72 hours' });

    const w1 = await peer('W-1', 'Graffiti, north', works, alpha, v1, [
      ['on_track', 95],
      ['on_track', 96],
      ['on_track', 97],
      ['on_track', 98],
    ]);
    await createEvaluation(ds, w1.kpi, { period: '2025-12', status: 'off_track', value: 1 });
    const quarterly = await createKpi(ds, w1.contract, {
      name: 'Graffiti, quarterly',
      libraryKpiId: v1.id,
      frequency: 'quarterly',
    });
    await createEvaluation(ds, quarterly, { period: '2026-Q2', status: 'off_track', value: 1 });
    await peer('W-2', '=HYPERLINK("x")', works, beta, v1, [
      ['on_track', 92],
      ['at_risk', 85],
      ['on_track', 91],
      ['on_track', 90],
    ]);
    await peer('W-3', 'Graffiti, south', works, beta, v2, [
      ['on_track', 99],
      ['on_track', 93],
      ['off_track', 60],
      ['on_track', 90],
    ]);
    await peer('P-4', 'Park walls', parks, alpha, v1, [
      ['on_track', 90],
      ['on_track', 91],
      ['off_track', 50],
      ['at_risk', 89],
    ]);
    await peer('P-5', 'Park benches', parks, beta, v1, [
      ['off_track', 10],
      ['off_track', 20],
      ['missing', null],
      ['off_track', 30],
    ]);
    await peer('P-6', 'Potholes', parks, alpha, other, [['on_track', 99]]);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const summary = (rows: { contractNumber: string; rank: number; percentile: number | null }[]) =>
    rows.map((row) => [row.contractNumber, row.rank, row.percentile]);

  it('should rank the five peers by on-track share, ties sharing a rank and a mid-rank percentile', async () => {
    const response = await get(`libraryKpiId=${v1.id}&from=2026-01&to=2026-04`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(
      expect.objectContaining({
        libraryKpiId: v1.id,
        entryId: v1.id,
        name: 'Graffiti removed within 48 hours',
        unit: '%',
        direction: 'higher_is_better',
        from: '2026-01',
        to: '2026-04',
        departmentId: null,
        definitionsVersion: 1,
        peers: 5,
      }),
    );
    expect(summary(response.body.rows)).toEqual([
      ['W-1', 1, 100],
      ['W-2', 2, 62.5],
      ['W-3', 2, 62.5],
      ['P-4', 4, 25],
      ['P-5', 5, 0],
    ]);
    expect(response.body.rows[0]).toEqual({
      rank: 1,
      percentile: 100,
      department: 'WRK',
      contractId: expect.any(String),
      contractNumber: 'W-1',
      contractTitle: 'Graffiti, north',
      vendor: 'Alpha Cleaning',
      versions: [1],
      evaluations: 4,
      onTrack: 4,
      atRisk: 0,
      offTrack: 0,
      missing: 0,
      meanValue: 96.5,
      onTrackPercent: 100,
    });
    expect(response.body.rows[2]).toEqual(
      expect.objectContaining({
        contractNumber: 'W-3',
        versions: [2],
        onTrack: 3,
        offTrack: 1,
        meanValue: 85.5,
        onTrackPercent: 75,
      }),
    );
    expect(response.body.rows[4]).toEqual(
      expect.objectContaining({
        contractNumber: 'P-5',
        evaluations: 4,
        missing: 1,
        offTrack: 3,
        meanValue: 20,
        onTrackPercent: 0,
      }),
    );
  });

  it('should compare the same peers whichever version of the entry is asked about', async () => {
    const response = await get(`libraryKpiId=${v2.id}&from=2026-01&to=2026-04`);
    expect(response.body.libraryKpiId).toBe(v2.id);
    expect(summary(response.body.rows)).toEqual(
      summary((await get(`libraryKpiId=${v1.id}&from=2026-01&to=2026-04`)).body.rows),
    );
  });

  it('should count only the periods wholly in the range', async () => {
    // 2026-04 to 2026-06 holds W-1's April result and its second quarter (off track): one of two on track.
    const response = await get(`libraryKpiId=${v1.id}&from=2026-04&to=2026-06`);
    const w1 = response.body.rows.find((row: { contractNumber: string }) => row.contractNumber === 'W-1');
    expect([w1.evaluations, w1.onTrack, w1.onTrackPercent]).toEqual([2, 1, 50]);
  });

  it('should give a lone peer no percentile and answer no rows for a range without results', async () => {
    const lone = await get(`libraryKpiId=${v1.id}&from=2026-01&to=2026-04&departmentId=${parks.id}`);
    expect(summary(lone.body.rows)).toEqual([
      ['P-4', 1, 100],
      ['P-5', 2, 0],
    ]);
    const empty = await get(`libraryKpiId=${v1.id}&from=2024-01&to=2024-12`);
    expect(empty.status).toBe(200);
    expect([empty.body.peers, empty.body.rows]).toEqual([0, []]);
    const december = await get(`libraryKpiId=${v1.id}&from=2025-12&to=2025-12`);
    expect(summary(december.body.rows)).toEqual([['W-1', 1, null]]);
  });

  it("should compare a department head's contracts among themselves only", async () => {
    const response = await get(`libraryKpiId=${v1.id}&from=2026-01&to=2026-04`, worksHead);
    expect(response.status).toBe(200);
    expect(summary(response.body.rows)).toEqual([
      ['W-1', 1, 100],
      ['W-2', 2, 25],
      ['W-3', 2, 25],
    ]);
    const parksForWorks = await get(
      `libraryKpiId=${v1.id}&from=2026-01&to=2026-04&departmentId=${parks.id}`,
      worksHead,
    );
    expect(parksForWorks.status).toBe(404);
  });

  it('should refuse vendors', async () => {
    const response = await get(`libraryKpiId=${v1.id}&from=2026-01&to=2026-04`, vendorKey);
    expect(response.status).toBe(403);
  });

  it.each([
    ['no libraryKpiId', 'from=2026-01&to=2026-04', 'libraryKpiId', 'libraryKpiId is required'],
    [
      'a libraryKpiId that is not a UUID',
      'libraryKpiId=7&from=2026-01&to=2026-04',
      'libraryKpiId',
      'libraryKpiId must be a UUID',
    ],
    ['a month written otherwise', 'LIB&from=2026-1&to=2026-04', 'from', 'from must be a month written YYYY-MM'],
    ['from after to', 'LIB&from=2026-05&to=2026-04', 'from', 'from must not be after to'],
    ['a PDF', 'LIB&from=2026-01&to=2026-04&format=pdf', 'format', 'format must be one of json, csv, xlsx'],
  ])('should answer 400 for %s', async (_case, query, field, message) => {
    const response = await get(query.replace('LIB', `libraryKpiId=${v1.id}`));
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field, message }]);
  });

  it('should answer 404 for a library KPI that does not exist, in every format', async () => {
    for (const format of ['json', 'csv']) {
      const response = await get(`libraryKpiId=${UNKNOWN}&from=2026-01&to=2026-04&format=${format}`);
      expect(response.status).toBe(404);
      expect(response.body.message).toBe(`Library KPI ${UNKNOWN} was not found`);
    }
  });

  it('should write the same rows as CSV, typed text made inert', async () => {
    const response = await get(`libraryKpiId=${v1.id}&from=2026-01&to=2026-04&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="peer-comparison_2026-01_2026-04.csv"',
    );
    expect(response.text.trimEnd().split('\n')).toEqual([
      'rank,percentile,department,contractNumber,contractTitle,vendor,versions,evaluations,onTrack,atRisk,offTrack,missing,meanValue,onTrackPercent',
      '1,100,WRK,W-1,"Graffiti, north",Alpha Cleaning,1,4,4,0,0,0,96.5,100',
      `2,62.5,WRK,W-2,"'=HYPERLINK(""x"")",Beta Services,1,4,3,1,0,0,89.5,75`,
      '2,62.5,WRK,W-3,"Graffiti, south",Beta Services,2,4,3,0,1,0,85.5,75',
      '4,25,PRK,P-4,Park walls,Alpha Cleaning,1,4,2,1,1,0,80,50',
      '5,0,PRK,P-5,Park benches,Beta Services,1,4,0,0,3,1,20,0',
    ]);
  });
  it('should write the same rows as XLSX, numbers as numbers and text as typed', async () => {
    const response = await fetch(
      `${testApp.url}/api/v1/reports/peer-comparison?libraryKpiId=${v1.id}&from=2026-01&to=2026-04&format=xlsx`,
      {
        headers: { authorization: `Bearer ${officer}` },
      },
    );
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(5).value).toBe('contractTitle');
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      2,
      62.5,
      'WRK',
      'W-2',
      '=HYPERLINK("x")',
      'Beta Services',
      '1',
      4,
      3,
      1,
      0,
      0,
      89.5,
      75,
    ]);
    expect(sheet.rowCount).toBe(6);
  });

  describe('peer_percentile()', () => {
    it.each([
      [0, 1, 1, null],
      [0, 1, 2, 0],
      [1, 1, 2, 100],
      [0, 2, 2, 50],
      [4, 1, 5, 100],
      [2, 2, 5, 62.5],
      [0, 5, 5, 50],
      [1, 1, 4, 33.3],
      [2, 1, 4, 66.7],
      [1, 2, 3, 75],
    ])('should place %d below and %d tied among %d peers at %p', async (below, tied, peers, expected) => {
      const [row] = await testApp.dataSource.query('SELECT peer_percentile($1, $2, $3) AS percentile', [
        below,
        tied,
        peers,
      ]);
      expect(row.percentile).toBe(expected);
    });
  });
});
