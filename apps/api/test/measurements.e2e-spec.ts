import type { Contract, Department, Kpi, Vendor } from '#database';
import { createApiKey, createContract, createDepartment, createKpi, createVendor, resetDatabase } from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';

describe('measurements', () => {
  let testApp: TestApp;
  let officer: string;
  let department: Department;
  let vendor: Vendor;
  let contract: Contract;
  let monthly: Kpi;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  beforeEach(async () => {
    await resetDatabase(testApp.dataSource);
    officer = await createApiKey(testApp.dataSource, 'procurement_officer');
    department = await createDepartment(testApp.dataSource);
    vendor = await createVendor(testApp.dataSource);
    contract = await createContract(testApp.dataSource, vendor, department, {
      startDate: '2025-02-15',
      endDate: '2026-08-31',
    });
    monthly = await createKpi(testApp.dataSource, contract, { name: 'On time', frequency: 'monthly' });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const put = (kpi: Kpi, period: string, body: unknown, token = officer) =>
    testApp.http.put(`/api/v1/kpis/${kpi.id}/measurements/${period}`, { token, body });
  const count = async () => Number((await testApp.dataSource.query('SELECT count(*) AS n FROM measurements'))[0].n);

  it('should create with 201, replace with 200, keep the earlier value in the audit trail, and list oldest first', async () => {
    const created = await put(monthly, '2025-03', { value: 91.5, note: 'first report' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kpiId: monthly.id,
      period: '2025-03',
      value: 91.5,
      note: 'first report',
      source: 'staff',
    });
    expect(created.body.recordedBy.name).toMatch(/^procurement_officer/);

    const replaced = await put(monthly, '2025-03', { value: 94 });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: created.body.id, value: 94, note: null });
    await put(monthly, '2025-02', { value: 80 });

    const list = await testApp.http.get(`/api/v1/kpis/${monthly.id}/measurements`, { token: officer });
    expect(list.body.data.map((item: { period: string; value: number }) => [item.period, item.value])).toEqual([
      ['2025-02', 80],
      ['2025-03', 94],
    ]);
    const trail = await testApp.http.get(`/api/v1/audit-events?entityType=measurement&entityId=${created.body.id}`, {
      token: officer,
    });
    expect(trail.body.data.map((event: { action: string }) => event.action)).toEqual(['update', 'create']);
    expect(trail.body.data[0]).toMatchObject({
      before: { value: 91.5, note: 'first report' },
      after: { value: 94, note: null },
    });
  });

  it('should change nothing when the same value is sent again', async () => {
    const first = await put(monthly, '2025-03', { value: 91.5 });
    const again = await put(monthly, '2025-03', { value: 91.5 });
    expect(again.status).toBe(200);
    expect(again.body.recordedAt).toBe(first.body.recordedAt);
    expect(
      await testApp.dataSource.query("SELECT id FROM audit_events WHERE entity_type = 'measurement'"),
    ).toHaveLength(1);
  });

  it('should mark values recorded by vendors and let department heads record for their departments', async () => {
    const vendorKey = await createApiKey(testApp.dataSource, 'vendor', { vendor });
    const fromVendor = await put(monthly, '2025-04', { value: 90 }, vendorKey);
    expect(fromVendor.status).toBe(201);
    expect(fromVendor.body.source).toBe('vendor');
    const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [department] });
    expect((await put(monthly, '2025-05', { value: 90 }, head)).body.source).toBe('staff');
  });

  it.each([
    ['a quarterly period on a monthly KPI', '2025-Q2', 'period must be written like 2026-03 for a monthly KPI'],
    ['a period before the contract', '2025-01', 'period 2025-01 is outside the contract (2025-02-15 to 2026-08-31)'],
    ['a period after the contract', '2026-09', 'period 2026-09 is outside the contract (2025-02-15 to 2026-08-31)'],
    ['a month that does not exist', '2025-13', 'period must be written like 2026-03 for a monthly KPI'],
  ])('should answer 400 for %s and record nothing', async (_case, period, message) => {
    const response = await put(monthly, period, { value: 1 });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'period', message }]);
    expect(await count()).toBe(0);
  });

  it('should accept the formats of quarterly and annual KPIs, including periods the contract only partly covers', async () => {
    const quarterly = await createKpi(testApp.dataSource, contract, { name: 'Q', frequency: 'quarterly' });
    const annual = await createKpi(testApp.dataSource, contract, { name: 'A', frequency: 'annual' });
    expect((await put(quarterly, '2025-Q1', { value: 1 })).status).toBe(201);
    expect((await put(quarterly, '2025-03', { value: 1 })).status).toBe(400);
    expect((await put(annual, '2025', { value: 1 })).status).toBe(201);
    expect((await put(annual, '2024', { value: 1 })).status).toBe(400);
  });

  it('should refuse a period that has not begun', async () => {
    await testApp.dataSource.query("UPDATE contracts SET end_date = '2099-12-31' WHERE id = $1", [contract.id]);
    const response = await put(monthly, '2099-01', { value: 1 });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'period', message: 'period 2099-01 has not begun yet' }]);
  });

  it.each([
    ['a value that is not a number', { value: 'high' }, 'value'],
    ['no value', { note: 'x' }, 'value'],
    ['an unknown field', { value: 1, source: 'import' }, 'source'],
    ['a value too large to store', { value: 1e15 }, 'value'],
  ])('should answer 400 for %s', async (_case, body, field) => {
    const response = await put(monthly, '2025-03', body);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await count()).toBe(0);
  });

  it('should answer 409 for an inactive KPI', async () => {
    await testApp.dataSource.query('UPDATE kpis SET active = false WHERE id = $1', [monthly.id]);
    expect((await put(monthly, '2025-03', { value: 1 })).status).toBe(409);
  });

  it("should answer 404 to other vendors and other departments' heads, 401 without a key", async () => {
    const outsider = await createApiKey(testApp.dataSource, 'vendor', {
      vendor: await createVendor(testApp.dataSource),
    });
    const otherHead = await createApiKey(testApp.dataSource, 'department_head', {
      departments: [await createDepartment(testApp.dataSource)],
    });
    for (const token of [outsider, otherHead]) {
      expect((await put(monthly, '2025-03', { value: 1 }, token)).status).toBe(404);
      expect((await testApp.http.get(`/api/v1/kpis/${monthly.id}/measurements`, { token })).status).toBe(404);
    }
    expect(
      (await testApp.http.put(`/api/v1/kpis/${monthly.id}/measurements/2025-03`, { body: { value: 1 } })).status,
    ).toBe(401);
    const missing = '/api/v1/kpis/00000000-0000-4000-8000-000000000000/measurements/2025-03';
    expect((await testApp.http.put(missing, { token: officer, body: { value: 1 } })).status).toBe(404);
    expect(await count()).toBe(0);
  });
});
