import type { Department, Vendor } from '#database';
import {
  createApiKey,
  createContract,
  createDepartment,
  createKpi,
  createVendor,
  recordMeasurement,
  resetDatabase,
} from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';

describe('contracts', () => {
  let testApp: TestApp;
  let officer: string;
  let department: Department;
  let vendor: Vendor;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  beforeEach(async () => {
    await resetDatabase(testApp.dataSource);
    officer = await createApiKey(testApp.dataSource, 'procurement_officer');
    department = await createDepartment(testApp.dataSource);
    vendor = await createVendor(testApp.dataSource);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const valid = () => ({
    number: 'C-2026-0001',
    title: 'Snow removal',
    vendorId: vendor.id,
    departmentId: department.id,
    value: 120000.5,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    managerEmail: 'pm@city.example',
  });
  const count = async (table: string) =>
    Number((await testApp.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const measure = (kpiId: string, period: string) => recordMeasurement(testApp.dataSource, kpiId, period, 1);

  describe('POST /api/v1/contracts', () => {
    it('should create a contract with the defaults and audit it', async () => {
      const response = await testApp.http.post('/api/v1/contracts', { token: officer, body: valid() });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        ...valid(),
        solicitationId: null,
        bidId: null,
        diversityGoalPercent: null,
        reportingGraceDays: 10,
        escalateAfterPeriods: 2,
        status: 'active',
      });
      expect(await count('audit_events')).toBe(1);
    });

    it.each([
      ['an end before the start', { endDate: '2025-12-31' }, 'endDate'],
      ['a date that is not a date', { startDate: '2026-13-01' }, 'startDate'],
      ['a negative value', { value: -1 }, 'value'],
      ['a value as a string', { value: '120000' }, 'value'],
      ['a vendor that does not exist', { vendorId: '00000000-0000-4000-8000-000000000000' }, 'vendorId'],
      ['a department that does not exist', { departmentId: '00000000-0000-4000-8000-000000000000' }, 'departmentId'],
      [
        'a solicitation that does not exist',
        { solicitationId: '00000000-0000-4000-8000-000000000000' },
        'solicitationId',
      ],
      ['a bad status', { status: 'paused' }, 'status'],
      ['a grace period over a year', { reportingGraceDays: 400 }, 'reportingGraceDays'],
      ['zero periods before escalation', { escalateAfterPeriods: 0 }, 'escalateAfterPeriods'],
      ['an unknown field', { owner: 'me' }, 'owner'],
      ['null for a field with a default', { reportingGraceDays: null }, 'reportingGraceDays'],
      ['null for the status', { status: null }, 'status'],
    ])('should answer 400 for %s and create nothing', async (_case, change, field) => {
      const response = await testApp.http.post('/api/v1/contracts', {
        token: officer,
        body: { ...valid(), ...change },
      });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await count('contracts')).toBe(0);
    });

    it('should answer 409 for a number that is taken and 403 to department heads and vendors', async () => {
      await createContract(testApp.dataSource, vendor, department, { number: 'C-2026-0001' });
      const taken = await testApp.http.post('/api/v1/contracts', { token: officer, body: valid() });
      expect(taken.status).toBe(409);
      expect(taken.body.details).toEqual([{ field: 'number', message: 'number is already taken' }]);
      const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [department] });
      const vendorKey = await createApiKey(testApp.dataSource, 'vendor', { vendor });
      for (const token of [head, vendorKey]) {
        expect(
          (await testApp.http.post('/api/v1/contracts', { token, body: { ...valid(), number: 'C-X' } })).status,
        ).toBe(403);
      }
      expect(await count('contracts')).toBe(1);
    });
  });

  describe('GET /api/v1/contracts', () => {
    it('should filter and scope: vendors see their own, department heads their departments', async () => {
      const otherDepartment = await createDepartment(testApp.dataSource);
      const otherVendor = await createVendor(testApp.dataSource);
      const a = await createContract(testApp.dataSource, vendor, department, { number: 'A' });
      const b = await createContract(testApp.dataSource, otherVendor, department, { number: 'B', status: 'completed' });
      const c = await createContract(testApp.dataSource, vendor, otherDepartment, { number: 'C' });
      const ids = (response: { body: { data: { id: string }[] } }) => response.body.data.map((item) => item.id);

      expect(ids(await testApp.http.get('/api/v1/contracts', { token: officer }))).toEqual([a.id, b.id, c.id]);
      expect(ids(await testApp.http.get(`/api/v1/contracts?vendorId=${vendor.id}`, { token: officer }))).toEqual([
        a.id,
        c.id,
      ]);
      expect(ids(await testApp.http.get('/api/v1/contracts?status=completed', { token: officer }))).toEqual([b.id]);
      expect(
        ids(await testApp.http.get(`/api/v1/contracts?departmentId=${otherDepartment.id}`, { token: officer })),
      ).toEqual([c.id]);

      const vendorKey = await createApiKey(testApp.dataSource, 'vendor', { vendor });
      expect(ids(await testApp.http.get('/api/v1/contracts', { token: vendorKey }))).toEqual([a.id, c.id]);
      expect(ids(await testApp.http.get(`/api/v1/contracts?vendorId=${otherVendor.id}`, { token: vendorKey }))).toEqual(
        [],
      );
      expect((await testApp.http.get(`/api/v1/contracts/${b.id}`, { token: vendorKey })).status).toBe(404);

      const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [department] });
      expect(ids(await testApp.http.get('/api/v1/contracts', { token: head }))).toEqual([a.id, b.id]);
      expect((await testApp.http.get(`/api/v1/contracts/${c.id}`, { token: head })).status).toBe(404);
      expect((await testApp.http.get(`/api/v1/contracts/${a.id}`, { token: head })).status).toBe(200);
    });

    it('should page by number with the total of every match, on a page past the end too', async () => {
      const otherVendor = await createVendor(testApp.dataSource);
      const numbers = ['C-05', 'C-01', 'C-04', 'C-02', 'C-03'];
      for (const number of numbers) await createContract(testApp.dataSource, vendor, department, { number });
      await createContract(testApp.dataSource, otherVendor, department, { number: 'C-00' });
      const page = async (query: string, token = officer) => {
        const response = await testApp.http.get(`/api/v1/contracts?${query}`, { token });
        expect(response.status).toBe(200);
        return { numbers: response.body.data.map((item: { number: string }) => item.number), page: response.body.page };
      };

      expect(await page(`vendorId=${vendor.id}&limit=2&offset=1`)).toEqual({
        numbers: ['C-02', 'C-03'],
        page: { limit: 2, offset: 1, total: 5 },
      });
      expect(await page(`vendorId=${vendor.id}&limit=2&offset=9`)).toEqual({
        numbers: [],
        page: { limit: 2, offset: 9, total: 5 },
      });
      expect(await page('status=terminated')).toEqual({ numbers: [], page: { limit: 50, offset: 0, total: 0 } });
      const vendorKey = await createApiKey(testApp.dataSource, 'vendor', { vendor: otherVendor });
      expect(await page('limit=1&offset=3', vendorKey)).toEqual({
        numbers: [],
        page: { limit: 1, offset: 3, total: 1 },
      });
      const headKey = await createApiKey(testApp.dataSource, 'department_head', { departments: [department] });
      expect((await page('limit=1&offset=5', headKey)).page.total).toBe(6);
    });

    it('should answer 400 for bad filters and ids, 404 for a missing contract', async () => {
      expect((await testApp.http.get('/api/v1/contracts?status=open', { token: officer })).status).toBe(400);
      expect((await testApp.http.get('/api/v1/contracts?vendorId=acme', { token: officer })).status).toBe(400);
      expect((await testApp.http.get('/api/v1/contracts/acme', { token: officer })).status).toBe(400);
      expect(
        (await testApp.http.get('/api/v1/contracts/00000000-0000-4000-8000-000000000000', { token: officer })).status,
      ).toBe(404);
    });
  });

  describe('PATCH /api/v1/contracts/:id', () => {
    it('should change what is given and audit before and after', async () => {
      const contract = await createContract(testApp.dataSource, vendor, department);
      const response = await testApp.http.patch(`/api/v1/contracts/${contract.id}`, {
        token: officer,
        body: { value: 150000, endDate: '2027-06-30' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ value: 150000, endDate: '2027-06-30', startDate: contract.startDate });
      const [event] = (await testApp.http.get(`/api/v1/audit-events?entityId=${contract.id}`, { token: officer })).body
        .data;
      expect(event).toMatchObject({ action: 'update', before: { value: 100000 }, after: { value: 150000 } });
    });

    it('should answer 400 when the new end falls before the start, even when only one date is sent', async () => {
      const contract = await createContract(testApp.dataSource, vendor, department, { startDate: '2026-03-01' });
      const response = await testApp.http.patch(`/api/v1/contracts/${contract.id}`, {
        token: officer,
        body: { endDate: '2026-02-28' },
      });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([{ field: 'endDate', message: 'endDate must not be before startDate' }]);
    });

    it('should answer 409 when new dates would strand recorded measurements', async () => {
      const contract = await createContract(testApp.dataSource, vendor, department);
      const kpi = await createKpi(testApp.dataSource, contract);
      await measure(kpi.id, '2026-11');
      const response = await testApp.http.patch(`/api/v1/contracts/${contract.id}`, {
        token: officer,
        body: { status: 'terminated', endDate: '2026-10-15' },
      });
      expect(response.status).toBe(409);
      expect(response.body.message).toBe(
        '1 measurement(s), the first for 2026-11, would fall outside 2026-01-01 – 2026-10-15',
      );
      const after = await testApp.http.get(`/api/v1/contracts/${contract.id}`, { token: officer });
      expect(after.body).toMatchObject({ status: 'active', endDate: '2026-12-31' });

      const fine = await testApp.http.patch(`/api/v1/contracts/${contract.id}`, {
        token: officer,
        body: { status: 'terminated', endDate: '2026-11-15' },
      });
      expect(fine.status).toBe(200);
      expect(fine.body).toMatchObject({ status: 'terminated', endDate: '2026-11-15' });
    });

    it.each([
      ['completed', 'active'],
      ['terminated', 'active'],
      ['completed', 'terminated'],
    ] as const)('should answer 409 moving a %s contract to %s', async (from, to) => {
      const contract = await createContract(testApp.dataSource, vendor, department, { status: from });
      const response = await testApp.http.patch(`/api/v1/contracts/${contract.id}`, {
        token: officer,
        body: { status: to },
      });
      expect(response.status).toBe(409);
      expect(response.body.message).toBe(`A ${from} contract cannot become ${to}`);
    });

    it('should refuse changing the vendor, a taken number, and non-officers', async () => {
      const contract = await createContract(testApp.dataSource, vendor, department);
      await createContract(testApp.dataSource, vendor, department, { number: 'TAKEN' });
      const path = `/api/v1/contracts/${contract.id}`;
      expect((await testApp.http.patch(path, { token: officer, body: { vendorId: vendor.id } })).status).toBe(400);
      expect((await testApp.http.patch(path, { token: officer, body: { number: 'TAKEN' } })).status).toBe(409);
      const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [department] });
      expect((await testApp.http.patch(path, { token: head, body: { title: 'x' } })).status).toBe(403);
    });
  });

  describe('KPIs', () => {
    const kpi = {
      name: 'Streets cleared within 12 h',
      unit: '%',
      direction: 'higher_is_better',
      target: 95,
      offTrackThreshold: 85,
      frequency: 'monthly',
    };

    it('should add KPIs to a contract, list them and read one', async () => {
      const contract = await createContract(testApp.dataSource, vendor, department);
      const created = await testApp.http.post(`/api/v1/contracts/${contract.id}/kpis`, { token: officer, body: kpi });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ ...kpi, contractId: contract.id, active: true, description: null });
      const list = await testApp.http.get(`/api/v1/contracts/${contract.id}/kpis`, { token: officer });
      expect(list.body.data.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
      expect((await testApp.http.get(`/api/v1/kpis/${created.body.id}`, { token: officer })).body.name).toBe(kpi.name);
    });

    it.each([
      ['a threshold above target when higher is better', { offTrackThreshold: 96 }, 'offTrackThreshold'],
      [
        'a threshold below target when lower is better',
        { direction: 'lower_is_better', target: 5, offTrackThreshold: 4 },
        'offTrackThreshold',
      ],
      ['an unknown direction', { direction: 'up' }, 'direction'],
      ['an unknown frequency', { frequency: 'weekly' }, 'frequency'],
      ['a target that is not a number', { target: 'high' }, 'target'],
      ['a missing unit', { unit: undefined }, 'unit'],
    ])('should answer 400 for %s', async (_case, change, field) => {
      const contract = await createContract(testApp.dataSource, vendor, department);
      const response = await testApp.http.post(`/api/v1/contracts/${contract.id}/kpis`, {
        token: officer,
        body: { ...kpi, ...change },
      });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await count('kpis')).toBe(0);
    });

    it('should answer 409 for a name the contract already has, and 404 for a missing contract', async () => {
      const contract = await createContract(testApp.dataSource, vendor, department);
      await createKpi(testApp.dataSource, contract, { name: kpi.name });
      expect(
        (await testApp.http.post(`/api/v1/contracts/${contract.id}/kpis`, { token: officer, body: kpi })).status,
      ).toBe(409);
      const missing = '/api/v1/contracts/00000000-0000-4000-8000-000000000000/kpis';
      expect((await testApp.http.post(missing, { token: officer, body: kpi })).status).toBe(404);
    });

    it('should check the rule against the merged KPI on PATCH', async () => {
      const contract = await createContract(testApp.dataSource, vendor, department);
      const existing = await createKpi(testApp.dataSource, contract, { target: 95, offTrackThreshold: 90 });
      const bad = await testApp.http.patch(`/api/v1/kpis/${existing.id}`, { token: officer, body: { target: 80 } });
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('offTrackThreshold');
      const good = await testApp.http.patch(`/api/v1/kpis/${existing.id}`, {
        token: officer,
        body: { target: 97, active: false },
      });
      expect(good.status).toBe(200);
      expect(good.body).toMatchObject({ target: 97, offTrackThreshold: 90, active: false });
      const nulls = await testApp.http.patch(`/api/v1/kpis/${existing.id}`, {
        token: officer,
        body: { active: null, unit: null },
      });
      expect(nulls.status).toBe(400);
      expect([...new Set(nulls.body.details.map((detail: { field: string }) => detail.field))].sort()).toEqual([
        'active',
        'unit',
      ]);
    });

    it('should keep past evaluations as they were judged when the target changes', async () => {
      const contract = await createContract(testApp.dataSource, vendor, department);
      const existing = await createKpi(testApp.dataSource, contract, { target: 95, offTrackThreshold: 90 });
      await testApp.dataSource.query(
        `INSERT INTO kpi_evaluations (contract_id, kpi_id, period, period_first_day, period_last_day, value, target,
                                      off_track_threshold, status, evaluated_at)
         VALUES ($1, $2, '2026-01', '2026-01-01', '2026-01-31', 92, 95, 90, 'at_risk', now())`,
        [contract.id, existing.id],
      );
      await testApp.http.patch(`/api/v1/kpis/${existing.id}`, {
        token: officer,
        body: { target: 99, offTrackThreshold: 95 },
      });
      const [evaluation] = await testApp.dataSource.query(
        'SELECT target, off_track_threshold, status FROM kpi_evaluations',
      );
      expect(evaluation).toEqual({ target: 95, off_track_threshold: 90, status: 'at_risk' });
    });

    it('should refuse a new frequency once measurements exist', async () => {
      const contract = await createContract(testApp.dataSource, vendor, department);
      const existing = await createKpi(testApp.dataSource, contract);
      await measure(existing.id, '2026-01');
      const response = await testApp.http.patch(`/api/v1/kpis/${existing.id}`, {
        token: officer,
        body: { frequency: 'quarterly' },
      });
      expect(response.status).toBe(409);
    });

    it('should scope KPIs like their contracts and let only officers write', async () => {
      const contract = await createContract(testApp.dataSource, vendor, department);
      const existing = await createKpi(testApp.dataSource, contract);
      const outsider = await createApiKey(testApp.dataSource, 'vendor', {
        vendor: await createVendor(testApp.dataSource),
      });
      const owner = await createApiKey(testApp.dataSource, 'vendor', { vendor });
      expect((await testApp.http.get(`/api/v1/kpis/${existing.id}`, { token: outsider })).status).toBe(404);
      expect((await testApp.http.get(`/api/v1/contracts/${contract.id}/kpis`, { token: outsider })).status).toBe(404);
      expect((await testApp.http.get(`/api/v1/kpis/${existing.id}`, { token: owner })).status).toBe(200);
      expect(
        (await testApp.http.patch(`/api/v1/kpis/${existing.id}`, { token: owner, body: { target: 99 } })).status,
      ).toBe(403);
      expect(
        (await testApp.http.post(`/api/v1/contracts/${contract.id}/kpis`, { token: owner, body: kpi })).status,
      ).toBe(403);
    });
  });
});
