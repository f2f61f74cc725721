import type { Department, Solicitation, Vendor } from '#database';
import {
  buildKpiDefinition,
  createApiKey,
  createBid,
  createContract,
  createDepartment,
  createEvaluation,
  createKpi,
  createSolicitation,
  createVendor,
  resetDatabase,
} from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';

describe('bids and awards', () => {
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
    vendor = await createVendor(testApp.dataSource, { legalName: 'Acme Paving LLC' });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const count = async (table: string) =>
    Number((await testApp.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const bidsPath = (solicitation: Solicitation) => `/api/v1/solicitations/${solicitation.id}/bids`;

  describe('POST /api/v1/solicitations/:id/bids', () => {
    it.each(['published', 'closed'] as const)('should record a bid on a %s solicitation', async (status) => {
      const solicitation = await createSolicitation(testApp.dataSource, department, { status });
      const response = await testApp.http.post(bidsPath(solicitation), {
        token: officer,
        body: { vendorId: vendor.id, amount: 245000.5, submittedAt: '2026-03-10T15:00:00Z' },
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        solicitationId: solicitation.id,
        vendorId: vendor.id,
        amount: 245000.5,
        submittedAt: '2026-03-10T15:00:00.000Z',
        createdAt: expect.any(String),
      });
      const audit = await testApp.http.get(`/api/v1/audit-events?entityType=bid&entityId=${response.body.id}`, {
        token: officer,
      });
      expect(audit.body.data).toHaveLength(1);
    });

    it('should accept a bid of zero', async () => {
      const solicitation = await createSolicitation(testApp.dataSource, department, { status: 'published' });
      const response = await testApp.http.post(bidsPath(solicitation), {
        token: officer,
        body: { vendorId: vendor.id, amount: 0 },
      });
      expect(response.status).toBe(201);
    });

    it.each(['draft', 'awarded', 'cancelled'] as const)(
      'should answer 409 when the solicitation is %s',
      async (status) => {
        const solicitation = await createSolicitation(testApp.dataSource, department, { status });
        const response = await testApp.http.post(bidsPath(solicitation), {
          token: officer,
          body: { vendorId: vendor.id, amount: 10 },
        });
        expect(response.status).toBe(409);
        expect(response.body.message).toContain(`this one is ${status}`);
        expect(await count('bids')).toBe(0);
      },
    );

    it('should answer 409 to a second bid from the same vendor', async () => {
      const solicitation = await createSolicitation(testApp.dataSource, department, { status: 'published' });
      await createBid(testApp.dataSource, solicitation, vendor);
      const response = await testApp.http.post(bidsPath(solicitation), {
        token: officer,
        body: { vendorId: vendor.id, amount: 10 },
      });
      expect(response.status).toBe(409);
      expect(response.body.details).toEqual([{ field: 'vendorId', message: 'vendorId already has a bid here' }]);
      expect(await count('bids')).toBe(1);
    });

    it.each([
      ['a negative amount', { amount: -1 }, 'amount'],
      ['an amount that is not a number', { amount: '100' }, 'amount'],
      ['a vendor that does not exist', { vendorId: '00000000-0000-4000-8000-000000000000' }, 'vendorId'],
      ['a malformed vendor id', { vendorId: 'acme' }, 'vendorId'],
      ['a submission in the future', { submittedAt: '2999-01-01T00:00:00Z' }, 'submittedAt'],
      ['an unknown field', { rank: 1 }, 'rank'],
    ])('should answer 400 for %s and record nothing', async (_case, change, field) => {
      const solicitation = await createSolicitation(testApp.dataSource, department, { status: 'published' });
      const response = await testApp.http.post(bidsPath(solicitation), {
        token: officer,
        body: { vendorId: vendor.id, amount: 10, ...change },
      });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await count('bids')).toBe(0);
    });

    it('should answer 404 for a missing solicitation and 403 to department heads and vendors', async () => {
      const missing = '/api/v1/solicitations/00000000-0000-4000-8000-000000000000/bids';
      expect(
        (await testApp.http.post(missing, { token: officer, body: { vendorId: vendor.id, amount: 1 } })).status,
      ).toBe(404);
      const solicitation = await createSolicitation(testApp.dataSource, department, { status: 'published' });
      const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [department] });
      const vendorKey = await createApiKey(testApp.dataSource, 'vendor', { vendor });
      for (const token of [head, vendorKey]) {
        expect(
          (await testApp.http.post(bidsPath(solicitation), { token, body: { vendorId: vendor.id, amount: 1 } })).status,
        ).toBe(403);
      }
    });
  });

  describe('GET /api/v1/solicitations/:id/bids', () => {
    it('should list bids lowest first to officers and department heads of the department', async () => {
      const solicitation = await createSolicitation(testApp.dataSource, department, { status: 'closed' });
      const rival = await createVendor(testApp.dataSource);
      await createBid(testApp.dataSource, solicitation, vendor, { amount: 900 });
      await createBid(testApp.dataSource, solicitation, rival, { amount: 800 });
      const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [department] });
      for (const token of [officer, head]) {
        const response = await testApp.http.get(bidsPath(solicitation), { token });
        expect(response.status).toBe(200);
        expect(response.body.data.map((bid: { amount: number }) => bid.amount)).toEqual([800, 900]);
        expect(response.body.page.total).toBe(2);
      }
    });

    it("should show a vendor only its own bid, and 404 where it has none or for another department's head", async () => {
      const solicitation = await createSolicitation(testApp.dataSource, department, { status: 'closed' });
      const rival = await createVendor(testApp.dataSource);
      const ownBid = await createBid(testApp.dataSource, solicitation, vendor);
      await createBid(testApp.dataSource, solicitation, rival);
      const vendorKey = await createApiKey(testApp.dataSource, 'vendor', { vendor });
      const own = await testApp.http.get(bidsPath(solicitation), { token: vendorKey });
      expect(own.body.data.map((bid: { id: string }) => bid.id)).toEqual([ownBid.id]);
      expect(own.body.page.total).toBe(1);

      const elsewhere = await createSolicitation(testApp.dataSource, department, { status: 'closed' });
      await createBid(testApp.dataSource, elsewhere, rival);
      expect((await testApp.http.get(bidsPath(elsewhere), { token: vendorKey })).status).toBe(404);

      const otherHead = await createApiKey(testApp.dataSource, 'department_head', {
        departments: [await createDepartment(testApp.dataSource)],
      });
      expect((await testApp.http.get(bidsPath(solicitation), { token: otherHead })).status).toBe(404);
    });
  });

  describe('POST /api/v1/solicitations/:id/award', () => {
    const templates = [
      buildKpiDefinition({ name: 'On-time completion', target: 95, offTrackThreshold: 85 }),
      buildKpiDefinition({
        name: 'Complaints',
        direction: 'lower_is_better',
        target: 5,
        offTrackThreshold: 10,
        frequency: 'quarterly',
      }),
    ];
    const contract = {
      number: 'C-2026-0042',
      startDate: '2026-05-01',
      endDate: '2027-04-30',
      managerEmail: 'pm@city.example',
    };

    const closedWithBid = async () => {
      const solicitation = await createSolicitation(testApp.dataSource, department, {
        status: 'closed',
        title: 'Street resurfacing',
        diversityGoalPercent: 15,
        publishedAt: new Date('2026-03-01T00:00:00Z'),
        closedAt: new Date('2026-04-01T00:00:00Z'),
        kpiTemplates: templates,
      });
      const bid = await createBid(testApp.dataSource, solicitation, vendor, { amount: 245000 });
      return { solicitation, bid };
    };

    it('should turn the bid into a contract with the templates as KPIs', async () => {
      const { solicitation, bid } = await closedWithBid();
      const response = await testApp.http.post(`/api/v1/solicitations/${solicitation.id}/award`, {
        token: officer,
        body: { bidId: bid.id, contract, at: '2026-04-10T12:00:00Z' },
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        ...contract,
        title: 'Street resurfacing',
        vendorId: vendor.id,
        departmentId: department.id,
        solicitationId: solicitation.id,
        bidId: bid.id,
        value: 245000,
        diversityGoalPercent: 15,
        reportingGraceDays: 10,
        escalateAfterPeriods: 2,
        status: 'active',
        warnings: [],
      });
      expect(response.body.kpis).toEqual([
        expect.objectContaining({ ...templates[0], contractId: response.body.id, active: true }),
        expect.objectContaining({ ...templates[1], contractId: response.body.id, active: true }),
      ]);
      const after = await testApp.http.get(`/api/v1/solicitations/${solicitation.id}`, { token: officer });
      expect(after.body).toMatchObject({ status: 'awarded', awardedAt: '2026-04-10T12:00:00.000Z' });

      const audit = await testApp.dataSource.query(
        'SELECT entity_type, action FROM audit_events ORDER BY entity_type, action',
      );
      expect(audit).toEqual([
        { entity_type: 'contract', action: 'create' },
        { entity_type: 'kpi', action: 'create' },
        { entity_type: 'kpi', action: 'create' },
        { entity_type: 'solicitation', action: 'award' },
      ]);
    });

    it('should take the value, title and reporting terms given', async () => {
      const { solicitation, bid } = await closedWithBid();
      const response = await testApp.http.post(`/api/v1/solicitations/${solicitation.id}/award`, {
        token: officer,
        body: {
          bidId: bid.id,
          contract: {
            ...contract,
            value: 250000,
            title: 'Resurfacing D4',
            reportingGraceDays: 5,
            escalateAfterPeriods: 3,
          },
        },
      });
      expect(response.body).toMatchObject({
        value: 250000,
        title: 'Resurfacing D4',
        reportingGraceDays: 5,
        escalateAfterPeriods: 3,
      });
    });

    it('should warn, and still award, when the vendor was off track on an earlier contract', async () => {
      const earlier = await createContract(testApp.dataSource, vendor, department, { number: 'C-2024-0007' });
      const kpi = await createKpi(testApp.dataSource, earlier);
      await createEvaluation(testApp.dataSource, kpi, { period: '2025-11', status: 'off_track', value: 70 });
      await createEvaluation(testApp.dataSource, kpi, { period: '2025-12', status: 'off_track', value: 72 });
      await createEvaluation(testApp.dataSource, kpi, { period: '2026-01', status: 'on_track', value: 96 });
      const { solicitation, bid } = await closedWithBid();
      const response = await testApp.http.post(`/api/v1/solicitations/${solicitation.id}/award`, {
        token: officer,
        body: { bidId: bid.id, contract },
      });
      expect(response.status).toBe(201);
      expect(response.body.warnings).toEqual([
        {
          code: 'VENDOR_OFF_TRACK_BEFORE',
          message: 'Acme Paving LLC was off track on 1 earlier contract(s): C-2024-0007 (2025-11, 2025-12)',
        },
      ]);
    });

    it('should leave nothing behind when the contract insert fails on a taken number', async () => {
      const other = await createVendor(testApp.dataSource);
      await createContract(testApp.dataSource, other, department, { number: contract.number });
      const { solicitation, bid } = await closedWithBid();
      const before = {
        contracts: await count('contracts'),
        kpis: await count('kpis'),
        audit: await count('audit_events'),
      };

      const response = await testApp.http.post(`/api/v1/solicitations/${solicitation.id}/award`, {
        token: officer,
        body: { bidId: bid.id, contract },
      });
      expect(response.status).toBe(409);
      expect(response.body.details).toEqual([
        { field: 'contract.number', message: 'contract.number is already taken' },
      ]);
      expect({
        contracts: await count('contracts'),
        kpis: await count('kpis'),
        audit: await count('audit_events'),
      }).toEqual(before);
      const after = await testApp.http.get(`/api/v1/solicitations/${solicitation.id}`, { token: officer });
      expect(after.body).toMatchObject({ status: 'closed', awardedAt: null });
    });

    it.each([
      ['an end date before the start date', { contract: { ...contract, endDate: '2026-04-30' } }, 'contract.endDate'],
      ['an impossible date', { contract: { ...contract, startDate: '2026-02-30' } }, 'contract.startDate'],
      ['a bad manager email', { contract: { ...contract, managerEmail: 'pm' } }, 'contract.managerEmail'],
      ['a missing contract', { contract: undefined }, 'contract'],
      ['an unknown contract field', { contract: { ...contract, vendorId: 'x' } }, 'contract.vendorId'],
      ['a malformed bid id', { bidId: 'first' }, 'bidId'],
      ['a negative value', { contract: { ...contract, value: -5 } }, 'contract.value'],
      ['a null title', { contract: { ...contract, title: null } }, 'contract.title'],
    ])('should answer 400 for %s and change nothing', async (_case, change, field) => {
      const { solicitation, bid } = await closedWithBid();
      const response = await testApp.http.post(`/api/v1/solicitations/${solicitation.id}/award`, {
        token: officer,
        body: { bidId: bid.id, contract, ...change },
      });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await count('contracts')).toBe(0);
    });

    it('should answer 400 for a bid on another solicitation', async () => {
      const { solicitation } = await closedWithBid();
      const elsewhere = await createSolicitation(testApp.dataSource, department, { status: 'closed' });
      const foreignBid = await createBid(testApp.dataSource, elsewhere, await createVendor(testApp.dataSource));
      const response = await testApp.http.post(`/api/v1/solicitations/${solicitation.id}/award`, {
        token: officer,
        body: { bidId: foreignBid.id, contract },
      });
      expect(response.status).toBe(400);
      expect(response.body.details[0].field).toBe('bidId');
      expect(await count('contracts')).toBe(0);
      expect((await testApp.http.get(`/api/v1/solicitations/${solicitation.id}`, { token: officer })).body.status).toBe(
        'closed',
      );
    });

    it('should answer 403 to department heads and 401 without a key', async () => {
      const { solicitation, bid } = await closedWithBid();
      const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [department] });
      const path = `/api/v1/solicitations/${solicitation.id}/award`;
      expect((await testApp.http.post(path, { token: head, body: { bidId: bid.id, contract } })).status).toBe(403);
      expect((await testApp.http.post(path, { body: { bidId: bid.id, contract } })).status).toBe(401);
      expect(await count('contracts')).toBe(0);
    });
  });
});
