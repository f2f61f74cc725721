import ExcelJS from 'exceljs';
import {
  createApiKey,
  createContract,
  createDepartment,
  createEvaluation,
  createKpi,
  createVendor,
  resetDatabase,
} from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';

// Text people typed reaches the exports; a spreadsheet must show it, never run it (CSV injection).
describe('spreadsheet_text() and the outcome exports', () => {
  let testApp: TestApp;
  let officer: string;

  const get = (path: string) => fetch(`${testApp.url}${path}`, { headers: { authorization: `Bearer ${officer}` } });
  const REPORT = '/api/v1/reports/outcomes?from=2026-01&to=2026-01';

  beforeAll(async () => {
    testApp = await createTestApp();
    await resetDatabase(testApp.dataSource);
    const ds = testApp.dataSource;
    officer = await createApiKey(ds, 'procurement_officer');
    const department = await createDepartment(ds, { code: '+DPT' });
    const vendor = await createVendor(ds, { legalName: '@Vendor SA' });
    const contract = await createContract(ds, vendor, department, {
      number: '-7',
      title: 'Tab\tinside, not first',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    const kpi = await createKpi(ds, contract, {
      name: '=HYPERLINK("x")',
      unit: '+/-',
      target: 5,
      offTrackThreshold: 2,
    });
    await createEvaluation(ds, kpi, {
      period: '2026-01',
      value: -5,
      target: 5,
      offTrackThreshold: 2,
      status: 'off_track',
    });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1 rebate', "'+1 rebate"],
    ['-5', "'-5"],
    ['@import', "'@import"],
    ['\tTab first', "'\tTab first"],
    ['\rReturn first', "'\rReturn first"],
    ['Plain text', 'Plain text'],
    ['a=b', 'a=b'],
    ['', ''],
    [null, null],
  ])('should turn %p into %p', async (value, expected) => {
    const [row] = await testApp.dataSource.query('SELECT spreadsheet_text($1::text) AS text', [value]);
    expect(row.text).toBe(expected);
  });

  it('should be inlined into the statements that use it', async () => {
    const plan: { 'QUERY PLAN': string }[] = await testApp.dataSource.query(
      'EXPLAIN VERBOSE SELECT spreadsheet_text(k.name) FROM kpis k',
    );
    expect(plan.map((line) => line['QUERY PLAN']).join('\n')).not.toContain('spreadsheet_text');
  });

  it('should neutralise every typed text field of the CSV with a leading quote, and leave numbers alone', async () => {
    const response = await get(`${REPORT}&format=csv`);
    expect(response.status).toBe(200);
    const [, row] = (await response.text()).split('\n');
    expect(row).toBe(
      `'+DPT,'-7,"Tab\tinside, not first",'@Vendor SA,"'=HYPERLINK(""x"")",'+/-,2026-01,-5,5,2,off_track`,
    );
  });

  it('should write the same text into XLSX as typed, as text cells (never formulas), numbers as numbers', async () => {
    const response = await get(`${REPORT}&format=xlsx`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const row = workbook.worksheets[0].getRow(2);
    const cells = Array.from({ length: 9 }, (_unused, index) => row.getCell(index + 1));
    expect(cells.map((cell) => cell.value)).toEqual([
      '+DPT',
      '-7',
      'Tab\tinside, not first',
      '@Vendor SA',
      '=HYPERLINK("x")',
      '+/-',
      '2026-01',
      -5,
      5,
    ]);
    expect(cells.slice(0, 7).map((cell) => cell.type)).toEqual(Array(7).fill(ExcelJS.ValueType.String));
    expect(cells.every((cell) => cell.formula === undefined)).toBe(true);
  });
});
