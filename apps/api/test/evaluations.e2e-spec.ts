import type { Contract, Department, Kpi, Vendor } from '#database';
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

describe('evaluations, scorecards and notifications', () => {
  let testApp: TestApp;
  let officer: string;
  let works: Department;
  let parks: Department;
  let acme: Vendor;
  let contract: Contract;
  let other: Contract;
  let uptime: Kpi;
  let complaints: Kpi;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  beforeEach(async () => {
    await resetDatabase(testApp.dataSource);
    officer = await createApiKey(testApp.dataSource, 'procurement_officer');
    works = await createDepartment(testApp.dataSource);
    parks = await createDepartment(testApp.dataSource);
    acme = await createVendor(testApp.dataSource);
    contract = await createContract(testApp.dataSource, acme, works, { number: 'A-1' });
    other = await createContract(testApp.dataSource, await createVendor(testApp.dataSource), parks, { number: 'B-1' });
    uptime = await createKpi(testApp.dataSource, contract, {
      name: 'Uptime',
      unit: '%',
      target: 99,
      offTrackThreshold: 95,
    });
    complaints = await createKpi(testApp.dataSource, contract, {
      name: 'Complaints',
      unit: 'complaints',
      direction: 'lower_is_better',
      target: 5,
      offTrackThreshold: 10,
      frequency: 'quarterly',
    });
    await createEvaluation(testApp.dataSource, uptime, { period: '2026-01', value: 99.5, status: 'on_track' });
    await createEvaluation(testApp.dataSource, uptime, { period: '2026-02', value: 97, status: 'at_risk' });
    await createEvaluation(testApp.dataSource, uptime, { period: '2026-03', value: null, status: 'missing' });
    await createEvaluation(testApp.dataSource, complaints, { period: '2026-Q1', value: 12, status: 'off_track' });
    await createEvaluation(testApp.dataSource, await createKpi(testApp.dataSource, other), {
      period: '2026-01',
      status: 'on_track',
    });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const periods = (response: { body: { data: { period: string }[] } }) => response.body.data.map((row) => row.period);

  describe('GET /api/v1/evaluations', () => {
    it('should list results newest period first, in the documented shape', async () => {
      const response = await testApp.http.get(`/api/v1/evaluations?contractId=${contract.id}`, { token: officer });
      expect(response.status).toBe(200);
      expect(periods(response)).toEqual(['2026-Q1', '2026-03', '2026-02', '2026-01']);
      expect(response.body.data[1]).toEqual({
        id: expect.any(String),
        contractId: contract.id,
        kpiId: uptime.id,
        period: '2026-03',
        value: null,
        target: 99,
        offTrackThreshold: 95,
        status: 'missing',
        evaluatedAt: expect.any(String),
      });
    });

    it('should filter by period, status and department', async () => {
      expect(periods(await testApp.http.get('/api/v1/evaluations?period=2026-01', { token: officer }))).toEqual([
        '2026-01',
        '2026-01',
      ]);
      const offTrack = await testApp.http.get('/api/v1/evaluations?status=off_track', { token: officer });
      expect(offTrack.body.data.map((row: { kpiId: string }) => row.kpiId)).toEqual([complaints.id]);
      const inParks = await testApp.http.get(`/api/v1/evaluations?departmentId=${parks.id}`, { token: officer });
      expect(inParks.body.page.total).toBe(1);
    });

    it('should show vendors and department heads only their contracts', async () => {
      const vendorKey = await createApiKey(testApp.dataSource, 'vendor', { vendor: acme });
      const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [parks] });
      expect((await testApp.http.get('/api/v1/evaluations', { token: vendorKey })).body.page.total).toBe(4);
      const headView = await testApp.http.get('/api/v1/evaluations', { token: head });
      expect(headView.body.data.map((row: { contractId: string }) => row.contractId)).toEqual([other.id]);
    });

    it.each([
      ['period=March', 'period'],
      ['status=late', 'status'],
      ['contractId=A-1', 'contractId'],
      ['limit=1000', 'limit'],
    ])('should answer 400 for %s', async (query, field) => {
      const response = await testApp.http.get(`/api/v1/evaluations?${query}`, { token: officer });
      expect(response.status).toBe(400);
      expect(response.body.details[0].field).toBe(field);
    });
  });

  describe('GET /api/v1/contracts/:id/scorecard', () => {
    it('should give each period oldest first with the worst status of its KPIs', async () => {
      const response = await testApp.http.get(`/api/v1/contracts/${contract.id}/scorecard`, { token: officer });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        contractId: contract.id,
        periods: [
          {
            period: '2026-01',
            status: 'on_track',
            kpis: [
              {
                kpiId: uptime.id,
                name: 'Uptime',
                unit: '%',
                value: 99.5,
                target: 99,
                offTrackThreshold: 95,
                status: 'on_track',
                trend: null,
              },
            ],
          },
          {
            period: '2026-Q1',
            status: 'off_track',
            kpis: [expect.objectContaining({ kpiId: complaints.id, value: 12 })],
          },
          { period: '2026-02', status: 'at_risk', kpis: [expect.objectContaining({ status: 'at_risk' })] },
          { period: '2026-03', status: 'missing', kpis: [expect.objectContaining({ value: null, status: 'missing' })] },
        ],
      });
    });

    it('should keep to from and to', async () => {
      const response = await testApp.http.get(`/api/v1/contracts/${contract.id}/scorecard?from=2026-02&to=2026-03`, {
        token: officer,
      });
      expect(response.body.periods.map((entry: { period: string }) => entry.period)).toEqual(['2026-02', '2026-03']);
    });

    it('should answer 400 for from after to or a malformed period, and 404 out of scope', async () => {
      const reversed = await testApp.http.get(`/api/v1/contracts/${contract.id}/scorecard?from=2026-05&to=2026-01`, {
        token: officer,
      });
      expect(reversed.status).toBe(400);
      expect(reversed.body.details[0].field).toBe('from');
      expect(
        (await testApp.http.get(`/api/v1/contracts/${contract.id}/scorecard?from=May`, { token: officer })).status,
      ).toBe(400);
      const outsider = await createApiKey(testApp.dataSource, 'vendor', {
        vendor: await createVendor(testApp.dataSource),
      });
      expect((await testApp.http.get(`/api/v1/contracts/${contract.id}/scorecard`, { token: outsider })).status).toBe(
        404,
      );
    });
  });

  describe('GET /api/v1/notifications', () => {
    beforeEach(async () => {
      await testApp.dataSource.query(
        `INSERT INTO notifications (contract_id, period, kind, status, to_addresses, cc_addresses, language, attempts, last_error, created_at)
         VALUES ($1, '2026-02', 'off_track', 'sent', '{v@acme.example}', '{pm@city.example}', 'en', 1, NULL, now() - interval '2 minutes'),
                ($1, '2026-03', 'missing_data', 'failed', '{v@acme.example}', '{}', 'es', 1, '550 no such user', now() - interval '1 minute'),
                ($2, '2026-01', 'off_track', 'suppressed', '{x@other.example}', '{}', 'pt', 0, NULL, now())`,
        [contract.id, other.id],
      );
    });

    it('should list notifications newest first, in the documented shape, with filters', async () => {
      const all = await testApp.http.get('/api/v1/notifications', { token: officer });
      expect(all.body.data.map((row: { status: string }) => row.status)).toEqual(['suppressed', 'failed', 'sent']);
      expect(all.body.data[1]).toMatchObject({
        kind: 'missing_data',
        contractId: contract.id,
        period: '2026-03',
        to: ['v@acme.example'],
        cc: [],
        subject: null,
        language: 'es',
        status: 'failed',
        attempts: 1,
        lastError: '550 no such user',
        sentAt: null,
      });
      const failed = await testApp.http.get('/api/v1/notifications?status=failed', { token: officer });
      expect(failed.body.page.total).toBe(1);
      const byKind = await testApp.http.get(`/api/v1/notifications?kind=off_track&contractId=${contract.id}`, {
        token: officer,
      });
      expect(byKind.body.data.map((row: { period: string }) => row.period)).toEqual(['2026-02']);
    });

    it("should show department heads their departments' notifications and refuse vendors", async () => {
      const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [parks] });
      const view = await testApp.http.get('/api/v1/notifications', { token: head });
      expect(view.body.data.map((row: { contractId: string }) => row.contractId)).toEqual([other.id]);
      const vendorKey = await createApiKey(testApp.dataSource, 'vendor', { vendor: acme });
      expect((await testApp.http.get('/api/v1/notifications', { token: vendorKey })).status).toBe(403);
    });

    it('should answer 409 to retrying a sent notification, 404 for a missing one, 403 to department heads', async () => {
      const [sent] = await testApp.dataSource.query(`SELECT id FROM notifications WHERE status = 'sent'`);
      expect((await testApp.http.post(`/api/v1/notifications/${sent.id}/retry`, { token: officer })).status).toBe(409);
      const missing = '/api/v1/notifications/00000000-0000-4000-8000-000000000000/retry';
      expect((await testApp.http.post(missing, { token: officer })).status).toBe(404);
      const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [works] });
      expect((await testApp.http.post(`/api/v1/notifications/${sent.id}/retry`, { token: head })).status).toBe(403);
      expect((await testApp.http.get('/api/v1/notifications?kind=sms', { token: officer })).status).toBe(400);
    });
  });
});
