import type { Department } from '#database';
import { createApiKey, createDepartment, createSolicitation, createVendor, resetDatabase } from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';

describe('solicitations', () => {
  let testApp: TestApp;
  let officer: string;
  let department: Department;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  beforeEach(async () => {
    await resetDatabase(testApp.dataSource);
    officer = await createApiKey(testApp.dataSource, 'procurement_officer');
    department = await createDepartment(testApp.dataSource, { code: 'PW' });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const template = {
    name: 'Potholes repaired within 48 hours',
    unit: '%',
    direction: 'higher_is_better',
    target: 95,
    offTrackThreshold: 85,
    frequency: 'monthly',
  };
  const valid = () => ({
    referenceNumber: 'RFP-2026-014',
    title: 'Street resurfacing',
    departmentId: department.id,
    category: 'construction',
    method: 'rfp',
    estimatedValue: 250000,
    diversityGoalPercent: 20,
    dueAt: '2026-04-30T17:00:00Z',
    requisitionReceivedAt: '2026-02-10T14:00:00Z',
    kpiTemplates: [
      template,
      { ...template, name: 'Complaints per month', direction: 'lower_is_better', target: 5, offTrackThreshold: 10 },
    ],
  });
  const count = async (table: string) =>
    Number((await testApp.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  describe('POST /api/v1/solicitations', () => {
    it('should create a draft and audit it', async () => {
      const response = await testApp.http.post('/api/v1/solicitations', { token: officer, body: valid() });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        referenceNumber: 'RFP-2026-014',
        status: 'draft',
        estimatedValue: 250000,
        diversityGoalPercent: 20,
        dueAt: '2026-04-30T17:00:00.000Z',
        requisitionReceivedAt: '2026-02-10T14:00:00.000Z',
        publishedAt: null,
        kpiTemplates: [{ ...template, description: null }, expect.objectContaining({ name: 'Complaints per month' })],
      });
      const audit = await testApp.http.get(`/api/v1/audit-events?entityId=${response.body.id}`, { token: officer });
      expect(audit.body.data.map((event: { action: string }) => event.action)).toEqual(['create']);
    });

    it.each([
      ['an unknown field', { status: 'awarded' }, 'status'],
      ['a category that does not exist', { category: 'food' }, 'category'],
      ['a method that does not exist', { method: 'auction' }, 'method'],
      ['a negative estimated value', { estimatedValue: -1 }, 'estimatedValue'],
      ['a diversity goal over 100', { diversityGoalPercent: 101 }, 'diversityGoalPercent'],
      ['a malformed due date', { dueAt: '30/04/2026' }, 'dueAt'],
      ['a malformed department id', { departmentId: 'PW' }, 'departmentId'],
      ['a department that does not exist', { departmentId: '00000000-0000-4000-8000-000000000000' }, 'departmentId'],
      [
        'a requisition received in the future',
        { requisitionReceivedAt: '2999-01-01T00:00:00Z' },
        'requisitionReceivedAt',
      ],
      [
        'a higher-is-better template with its threshold above target',
        { kpiTemplates: [{ ...template, offTrackThreshold: 96 }] },
        'kpiTemplates.0.offTrackThreshold',
      ],
      [
        'a lower-is-better template with its threshold below target',
        {
          kpiTemplates: [
            template,
            { ...template, name: 'x', direction: 'lower_is_better', target: 5, offTrackThreshold: 4 },
          ],
        },
        'kpiTemplates.1.offTrackThreshold',
      ],
      [
        'a template with a frequency that does not exist',
        { kpiTemplates: [{ ...template, frequency: 'weekly' }] },
        'kpiTemplates.0.frequency',
      ],
      ['a template with an unknown field', { kpiTemplates: [{ ...template, weight: 2 }] }, 'kpiTemplates.0.weight'],
      ['templates that repeat a name', { kpiTemplates: [template, template] }, 'kpiTemplates'],
    ])('should answer 400 for %s and create nothing', async (_case, change, field) => {
      const response = await testApp.http.post('/api/v1/solicitations', {
        token: officer,
        body: { ...valid(), ...change },
      });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await count('solicitations')).toBe(0);
    });

    it('should answer 409 for a reference number that is taken', async () => {
      await createSolicitation(testApp.dataSource, department, { referenceNumber: 'RFP-2026-014' });
      const response = await testApp.http.post('/api/v1/solicitations', { token: officer, body: valid() });
      expect(response.status).toBe(409);
      expect(response.body.details).toEqual([
        { field: 'referenceNumber', message: 'referenceNumber is already taken' },
      ]);
      expect(await count('solicitations')).toBe(1);
    });

    it('should answer 401 without a key and 403 to department heads and vendors', async () => {
      expect((await testApp.http.post('/api/v1/solicitations', { body: valid() })).status).toBe(401);
      const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [department] });
      const vendor = await createApiKey(testApp.dataSource, 'vendor', {
        vendor: await createVendor(testApp.dataSource),
      });
      for (const token of [head, vendor]) {
        expect((await testApp.http.post('/api/v1/solicitations', { token, body: valid() })).status).toBe(403);
      }
      expect(await count('solicitations')).toBe(0);
    });
  });

  describe('GET /api/v1/solicitations', () => {
    it('should filter by status and department, newest first', async () => {
      const other = await createDepartment(testApp.dataSource);
      const first = await createSolicitation(testApp.dataSource, department, { status: 'published' });
      await createSolicitation(testApp.dataSource, department, { status: 'draft' });
      const third = await createSolicitation(testApp.dataSource, other, { status: 'published' });

      const published = await testApp.http.get('/api/v1/solicitations?status=published', { token: officer });
      expect(published.body.data.map((item: { id: string }) => item.id)).toEqual([third.id, first.id]);
      const inDepartment = await testApp.http.get(`/api/v1/solicitations?departmentId=${other.id}`, { token: officer });
      expect(inDepartment.body.data.map((item: { id: string }) => item.id)).toEqual([third.id]);
      expect(inDepartment.body.page.total).toBe(1);
    });

    it('should show department heads only their departments and answer 404 for the others', async () => {
      const other = await createDepartment(testApp.dataSource);
      const mine = await createSolicitation(testApp.dataSource, department);
      const theirs = await createSolicitation(testApp.dataSource, other);
      const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [department] });

      const list = await testApp.http.get('/api/v1/solicitations', { token: head });
      expect(list.body.data.map((item: { id: string }) => item.id)).toEqual([mine.id]);
      const filtered = await testApp.http.get(`/api/v1/solicitations?departmentId=${other.id}`, { token: head });
      expect(filtered.body).toEqual({ data: [], page: { limit: 50, offset: 0, total: 0 } });
      expect((await testApp.http.get(`/api/v1/solicitations/${mine.id}`, { token: head })).status).toBe(200);
      expect((await testApp.http.get(`/api/v1/solicitations/${theirs.id}`, { token: head })).status).toBe(404);
    });

    it('should answer 403 to vendors, 400 for a bad filter, 404 for a missing one and 400 for a malformed id', async () => {
      const vendor = await createApiKey(testApp.dataSource, 'vendor', {
        vendor: await createVendor(testApp.dataSource),
      });
      expect((await testApp.http.get('/api/v1/solicitations', { token: vendor })).status).toBe(403);
      const badFilter = await testApp.http.get('/api/v1/solicitations?status=open', { token: officer });
      expect(badFilter.status).toBe(400);
      expect(badFilter.body.details[0].field).toBe('status');
      expect(
        (await testApp.http.get('/api/v1/solicitations/00000000-0000-4000-8000-000000000000', { token: officer }))
          .status,
      ).toBe(404);
      expect((await testApp.http.get('/api/v1/solicitations/42', { token: officer })).status).toBe(400);
    });
  });

  describe('PATCH /api/v1/solicitations/:id', () => {
    it('should edit a published solicitation and audit before and after', async () => {
      const solicitation = await createSolicitation(testApp.dataSource, department, {
        status: 'published',
        title: 'Old',
      });
      const response = await testApp.http.patch(`/api/v1/solicitations/${solicitation.id}`, {
        token: officer,
        body: { title: 'New', kpiTemplates: [template] },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        title: 'New',
        status: 'published',
        kpiTemplates: [{ name: template.name }],
      });
      const audit = await testApp.http.get(`/api/v1/audit-events?entityId=${solicitation.id}`, { token: officer });
      expect(audit.body.data[0]).toMatchObject({ action: 'update', before: { title: 'Old' }, after: { title: 'New' } });
    });

    it.each(['awarded', 'cancelled'] as const)(
      'should answer 409 when the solicitation is %s, and change nothing',
      async (status) => {
        const solicitation = await createSolicitation(testApp.dataSource, department, { status, title: 'Old' });
        const response = await testApp.http.patch(`/api/v1/solicitations/${solicitation.id}`, {
          token: officer,
          body: { title: 'New' },
        });
        expect(response.status).toBe(409);
        expect(
          (await testApp.http.get(`/api/v1/solicitations/${solicitation.id}`, { token: officer })).body.title,
        ).toBe('Old');
      },
    );

    it('should refuse a status change, a taken reference and a missing solicitation', async () => {
      await createSolicitation(testApp.dataSource, department, { referenceNumber: 'TAKEN' });
      const solicitation = await createSolicitation(testApp.dataSource, department);
      const path = `/api/v1/solicitations/${solicitation.id}`;
      expect((await testApp.http.patch(path, { token: officer, body: { status: 'published' } })).status).toBe(400);
      expect((await testApp.http.patch(path, { token: officer, body: { referenceNumber: 'TAKEN' } })).status).toBe(409);
      const missing = '/api/v1/solicitations/00000000-0000-4000-8000-000000000000';
      expect((await testApp.http.patch(missing, { token: officer, body: { title: 'x' } })).status).toBe(404);
    });
  });

  describe('lifecycle moves', () => {
    it('should publish then close, recording back-dated moments, and audit each move', async () => {
      const solicitation = await createSolicitation(testApp.dataSource, department);
      const path = `/api/v1/solicitations/${solicitation.id}`;
      const published = await testApp.http.post(`${path}/publish`, {
        token: officer,
        body: { at: '2026-03-01T09:00:00Z' },
      });
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ status: 'published', publishedAt: '2026-03-01T09:00:00.000Z' });
      const closed = await testApp.http.post(`${path}/close`, { token: officer, body: {} });
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('closed');
      expect(Date.now() - Date.parse(closed.body.closedAt)).toBeLessThan(60_000);

      const audit = await testApp.http.get(`/api/v1/audit-events?entityId=${solicitation.id}`, { token: officer });
      expect(audit.body.data.map((event: { action: string }) => event.action)).toEqual(['close', 'publish']);
      expect(audit.body.data[1]).toMatchObject({ before: { status: 'draft' }, after: { status: 'published' } });
    });

    it.each([
      ['in the future', '2999-01-01T00:00:00Z', 'at must not be in the future'],
      [
        'before the previous move',
        '2026-02-01T00:00:00Z',
        'at must not be before the previous move (2026-03-01T00:00:00.000Z)',
      ],
      [
        'without a time zone',
        '2026-03-02T10:00:00',
        'at must be an ISO 8601 date-time with a time zone, e.g. 2026-03-01T09:30:00Z',
      ],
    ])('should answer 400 for a move recorded %s and leave the solicitation as it was', async (_case, at, message) => {
      const solicitation = await createSolicitation(testApp.dataSource, department, {
        status: 'published',
        publishedAt: new Date('2026-03-01T00:00:00Z'),
      });
      const response = await testApp.http.post(`/api/v1/solicitations/${solicitation.id}/close`, {
        token: officer,
        body: { at },
      });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([{ field: 'at', message }]);
      const after = await testApp.http.get(`/api/v1/solicitations/${solicitation.id}`, { token: officer });
      expect(after.body).toMatchObject({ status: 'published', closedAt: null });
    });

    // Every (state, action) pair through the API; the award body is valid so that only the state decides.
    const EXPECTED = {
      draft: { publish: 200, close: 409, cancel: 200, award: 409 },
      published: { publish: 409, close: 200, cancel: 200, award: 409 },
      closed: { publish: 409, close: 409, cancel: 200, award: 201 },
      awarded: { publish: 409, close: 409, cancel: 409, award: 409 },
      cancelled: { publish: 409, close: 409, cancel: 409, award: 409 },
    } as const;
    const pairs = Object.entries(EXPECTED).flatMap(([status, actions]) =>
      Object.entries(actions).map(([action, code]) => [status, action, code] as const),
    );

    it.each(pairs)('should answer a solicitation in state %s asked to %s with %d', async (status, action, code) => {
      const solicitation = await createSolicitation(testApp.dataSource, department, {
        status: status as keyof typeof EXPECTED,
        kpiTemplates: [{ ...template, description: null } as never],
      });
      const vendor = await createVendor(testApp.dataSource);
      const bid = await testApp.dataSource.query(
        'INSERT INTO bids (solicitation_id, vendor_id, amount, submitted_at) VALUES ($1, $2, 1000, now()) RETURNING id',
        [solicitation.id, vendor.id],
      );
      const body =
        action === 'award'
          ? {
              bidId: bid[0].id,
              contract: {
                number: 'C-1',
                startDate: '2026-01-01',
                endDate: '2026-12-31',
                managerEmail: 'm@city.example',
              },
            }
          : {};
      const response = await testApp.http.post(`/api/v1/solicitations/${solicitation.id}/${action}`, {
        token: officer,
        body,
      });
      expect(response.status).toBe(code);
      const after = await testApp.http.get(`/api/v1/solicitations/${solicitation.id}`, { token: officer });
      if (code === 409) {
        expect(response.body.code).toBe('CONFLICT');
        expect(response.body.message).toMatch(new RegExp(`^Cannot ${action} a ${status} solicitation`));
        expect(after.body.status).toBe(status);
      } else {
        expect(after.body.status).not.toBe(status);
      }
    });

    it('should answer 403 to department heads and 404 for a missing solicitation', async () => {
      const solicitation = await createSolicitation(testApp.dataSource, department);
      const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [department] });
      expect(
        (await testApp.http.post(`/api/v1/solicitations/${solicitation.id}/publish`, { token: head, body: {} })).status,
      ).toBe(403);
      const missing = '/api/v1/solicitations/00000000-0000-4000-8000-000000000000/publish';
      expect((await testApp.http.post(missing, { token: officer, body: {} })).status).toBe(404);
    });
  });
});
