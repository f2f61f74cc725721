import { createApiKey, createContract, createDepartment, createVendor, resetDatabase } from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';

describe('departments', () => {
  let testApp: TestApp;
  let officer: string;
  let admin: string;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  beforeEach(async () => {
    await resetDatabase(testApp.dataSource);
    officer = await createApiKey(testApp.dataSource, 'procurement_officer');
    admin = await createApiKey(testApp.dataSource, 'admin');
  });

  afterAll(async () => {
    await testApp.close();
  });

  const valid = { name: 'Public Works', code: 'PW', headEmail: 'head.pw@city.example' };
  const countDepartments = async () =>
    Number((await testApp.dataSource.query('SELECT count(*) AS n FROM departments'))[0].n);

  describe('POST /api/v1/departments', () => {
    it('should create a department and answer 201 with its id', async () => {
      const response = await testApp.http.post('/api/v1/departments', { token: officer, body: valid });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        ...valid,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const fetched = await testApp.http.get(`/api/v1/departments/${response.body.id}`, { token: officer });
      expect(fetched.body).toEqual(response.body);
    });

    it('should record who created it in the audit trail', async () => {
      const created = await testApp.http.post('/api/v1/departments', {
        token: officer,
        body: valid,
        headers: { 'x-request-id': 'req-create-pw' },
      });
      const audit = await testApp.http.get(`/api/v1/audit-events?entityType=department&entityId=${created.body.id}`, {
        token: admin,
      });
      expect(audit.status).toBe(200);
      expect(audit.body.data).toEqual([
        expect.objectContaining({
          action: 'create',
          entityType: 'department',
          entityId: created.body.id,
          actor: { type: 'api_key', id: expect.any(String), name: expect.stringMatching(/^procurement_officer/) },
          before: null,
          after: expect.objectContaining(valid),
          requestId: 'req-create-pw',
        }),
      ]);
    });

    it.each([
      ['an unknown field', { ...valid, budget: 10 }, 'budget'],
      ['a missing name', { code: 'PW', headEmail: valid.headEmail }, 'name'],
      ['a bad email', { ...valid, headEmail: 'not-an-email' }, 'headEmail'],
      ['a code with spaces', { ...valid, code: 'P W' }, 'code'],
      ['a name of the wrong type', { ...valid, name: 42 }, 'name'],
    ])('should answer 400 naming the field for %s, and create nothing', async (_case, body, field) => {
      const response = await testApp.http.post('/api/v1/departments', { token: officer, body });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'INVALID_INPUT' });
      expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(response.body.message).toEqual(expect.any(String));
      expect(await countDepartments()).toBe(0);
    });

    it('should answer 409 for a code that is taken, and change nothing', async () => {
      await createDepartment(testApp.dataSource, { code: 'PW' });
      const response = await testApp.http.post('/api/v1/departments', { token: officer, body: valid });
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        code: 'CONFLICT',
        details: [{ field: 'code', message: 'code is already taken' }],
      });
      expect(await countDepartments()).toBe(1);
    });

    it('should answer 401 without a key and with a bad key', async () => {
      const missing = await testApp.http.post('/api/v1/departments', { body: valid });
      const bad = await testApp.http.post('/api/v1/departments', { body: valid, token: 'cpt_not-a-real-key' });
      for (const response of [missing, bad]) {
        expect(response.status).toBe(401);
        expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED' });
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
      }
      expect(await countDepartments()).toBe(0);
    });

    it('should answer 403 to department heads and vendors', async () => {
      const department = await createDepartment(testApp.dataSource);
      const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [department] });
      const vendor = await createApiKey(testApp.dataSource, 'vendor', {
        vendor: await createVendor(testApp.dataSource),
      });
      for (const token of [head, vendor]) {
        const response = await testApp.http.post('/api/v1/departments', { token, body: valid });
        expect(response.status).toBe(403);
        expect(response.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      }
      expect(await countDepartments()).toBe(1);
    });
  });

  describe('GET /api/v1/departments', () => {
    it('should page through departments in name order with the total', async () => {
      for (const name of ['Water', 'Parks', 'Fire', 'Library']) await createDepartment(testApp.dataSource, { name });
      const response = await testApp.http.get('/api/v1/departments?limit=2&offset=1', { token: officer });
      expect(response.status).toBe(200);
      expect(response.body.page).toEqual({ limit: 2, offset: 1, total: 4 });
      expect(response.body.data.map((department: { name: string }) => department.name)).toEqual(['Library', 'Parks']);
    });

    it('should default to 50 a page', async () => {
      const response = await testApp.http.get('/api/v1/departments', { token: officer });
      expect(response.body).toEqual({ data: [], page: { limit: 50, offset: 0, total: 0 } });
    });

    it.each([
      ['limit=501', 'limit'],
      ['limit=0', 'limit'],
      ['offset=-1', 'offset'],
      ['limit=abc', 'limit'],
      ['colour=red', 'colour'],
    ])('should answer 400 for %s', async (query, field) => {
      const response = await testApp.http.get(`/api/v1/departments?${query}`, { token: officer });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('should show a department head only their departments, and 404 for the others', async () => {
      const mine = await createDepartment(testApp.dataSource, { name: 'Mine' });
      const other = await createDepartment(testApp.dataSource, { name: 'Other' });
      const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [mine] });

      const list = await testApp.http.get('/api/v1/departments', { token: head });
      expect(list.body.data.map((department: { id: string }) => department.id)).toEqual([mine.id]);
      expect(list.body.page.total).toBe(1);
      expect((await testApp.http.get(`/api/v1/departments/${mine.id}`, { token: head })).status).toBe(200);
      const hidden = await testApp.http.get(`/api/v1/departments/${other.id}`, { token: head });
      expect(hidden.status).toBe(404);
      expect(hidden.body.message).toBe(`Department ${other.id} was not found`);
    });

    it("should show a vendor only the departments of its contracts, without the heads' addresses", async () => {
      const vendor = await createVendor(testApp.dataSource);
      const served = await createDepartment(testApp.dataSource, { name: 'Served' });
      const formerly = await createDepartment(testApp.dataSource, { name: 'Formerly served' });
      const other = await createDepartment(testApp.dataSource, { name: 'Other' });
      await createContract(testApp.dataSource, vendor, served);
      await createContract(testApp.dataSource, vendor, formerly, { status: 'completed' });
      await createContract(testApp.dataSource, await createVendor(testApp.dataSource), other);
      const token = await createApiKey(testApp.dataSource, 'vendor', { vendor });

      const response = await testApp.http.get('/api/v1/departments', { token });
      expect(response.status).toBe(200);
      expect(response.body.page.total).toBe(2);
      expect(response.body.data).toEqual([
        {
          id: formerly.id,
          name: 'Formerly served',
          code: formerly.code,
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        },
        {
          id: served.id,
          name: 'Served',
          code: served.code,
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        },
      ]);
      const one = await testApp.http.get(`/api/v1/departments/${served.id}`, { token });
      expect(one.status).toBe(200);
      expect(one.body).not.toHaveProperty('headEmail');
      expect((await testApp.http.get(`/api/v1/departments/${other.id}`, { token })).status).toBe(404);
    });

    it('should show a vendor without contracts no department', async () => {
      await createDepartment(testApp.dataSource);
      const token = await createApiKey(testApp.dataSource, 'vendor', {
        vendor: await createVendor(testApp.dataSource),
      });
      const response = await testApp.http.get('/api/v1/departments', { token });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ data: [], page: { total: 0 } });
    });
  });

  describe('GET and PATCH /api/v1/departments/:id', () => {
    it('should answer 404 for an id that does not exist and 400 for one that is not a UUID', async () => {
      const missing = await testApp.http.get('/api/v1/departments/00000000-0000-4000-8000-000000000000', {
        token: officer,
      });
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND', details: [] });
      const malformed = await testApp.http.get('/api/v1/departments/not-a-uuid', { token: officer });
      expect(malformed.status).toBe(400);
      expect(malformed.body.details).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
    });

    it('should update the fields given, keep the others, and audit before and after', async () => {
      const department = await createDepartment(testApp.dataSource, { name: 'Parks', code: 'PK' });
      const response = await testApp.http.patch(`/api/v1/departments/${department.id}`, {
        token: officer,
        body: { name: 'Parks and Recreation' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        name: 'Parks and Recreation',
        code: 'PK',
        headEmail: department.headEmail,
      });

      const audit = await testApp.http.get(`/api/v1/audit-events?entityId=${department.id}`, { token: officer });
      expect(audit.body.data).toHaveLength(1);
      expect(audit.body.data[0]).toMatchObject({
        action: 'update',
        before: { name: 'Parks', code: 'PK' },
        after: { name: 'Parks and Recreation', code: 'PK' },
      });
    });

    it('should answer 409 when the new code is taken, and keep the department as it was', async () => {
      await createDepartment(testApp.dataSource, { code: 'PW' });
      const department = await createDepartment(testApp.dataSource, { code: 'PK' });
      const response = await testApp.http.patch(`/api/v1/departments/${department.id}`, {
        token: officer,
        body: { code: 'PW', name: 'Renamed' },
      });
      expect(response.status).toBe(409);
      const after = await testApp.http.get(`/api/v1/departments/${department.id}`, { token: officer });
      expect(after.body).toMatchObject({ code: 'PK', name: department.name });
    });

    it('should answer 400, not 500, for null in a required field', async () => {
      const department = await createDepartment(testApp.dataSource);
      const response = await testApp.http.patch(`/api/v1/departments/${department.id}`, {
        token: officer,
        body: { name: null },
      });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name' })]));
    });

    it('should answer 400 for an unknown field and 404 for a missing department', async () => {
      const department = await createDepartment(testApp.dataSource);
      const unknown = await testApp.http.patch(`/api/v1/departments/${department.id}`, {
        token: officer,
        body: { budget: 1 },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details).toEqual([{ field: 'budget', message: 'budget is not an allowed field' }]);
      const missing = await testApp.http.patch('/api/v1/departments/00000000-0000-4000-8000-000000000000', {
        token: officer,
        body: { name: 'x' },
      });
      expect(missing.status).toBe(404);
    });

    it('should answer 403 to a department head patching even their own department', async () => {
      const department = await createDepartment(testApp.dataSource);
      const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [department] });
      const response = await testApp.http.patch(`/api/v1/departments/${department.id}`, {
        token: head,
        body: { name: 'x' },
      });
      expect(response.status).toBe(403);
    });
  });
});
