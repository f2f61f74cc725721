import { createApiKey, createDepartment, createVendor, resetDatabase, startAppProcess } from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';

describe('API keys', () => {
  let testApp: TestApp;
  let admin: string;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  beforeEach(async () => {
    await resetDatabase(testApp.dataSource);
    admin = await createApiKey(testApp.dataSource, 'admin');
  });

  afterAll(async () => {
    await testApp.close();
  });

  const countKeys = async () => Number((await testApp.dataSource.query('SELECT count(*) AS n FROM api_keys'))[0].n);

  it('should create a key whose token works once shown, and never store or show the token again', async () => {
    const created = await testApp.http.post('/api/v1/api-keys', {
      token: admin,
      body: { name: 'Officer', role: 'procurement_officer' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Officer',
      role: 'procurement_officer',
      departmentIds: [],
      vendorId: null,
      revokedAt: null,
    });
    const { token, tokenPrefix, id } = created.body;
    expect(token.startsWith(tokenPrefix)).toBe(true);

    expect((await testApp.http.get('/api/v1/departments', { token })).status).toBe(200);

    const list = await testApp.http.get('/api/v1/api-keys', { token: admin });
    expect(list.text).not.toContain(token);
    expect(list.body.data.find((key: { id: string }) => key.id === id)).not.toHaveProperty('token');
    const stored = await testApp.dataSource.query('SELECT * FROM api_keys WHERE id = $1', [id]);
    expect(JSON.stringify(stored)).not.toContain(token);

    const audit = await testApp.http.get(`/api/v1/audit-events?entityType=api_key&entityId=${id}`, { token: admin });
    expect(audit.body.data[0].action).toBe('create');
    expect(JSON.stringify(audit.body)).not.toContain(token);
  });

  it('should scope a department head key to its departments', async () => {
    const [parks, water] = [await createDepartment(testApp.dataSource), await createDepartment(testApp.dataSource)];
    const created = await testApp.http.post('/api/v1/api-keys', {
      token: admin,
      body: { name: 'Head', role: 'department_head', departmentIds: [parks.id] },
    });
    expect(created.status).toBe(201);
    expect(created.body.departmentIds).toEqual([parks.id]);
    const visible = await testApp.http.get('/api/v1/departments', { token: created.body.token });
    expect(visible.body.data.map((department: { id: string }) => department.id)).toEqual([parks.id]);
    expect((await testApp.http.get(`/api/v1/departments/${water.id}`, { token: created.body.token })).status).toBe(404);
  });

  it('should stop a revoked key at once', async () => {
    const created = await testApp.http.post('/api/v1/api-keys', {
      token: admin,
      body: { name: 'Temp', role: 'procurement_officer' },
    });
    expect((await testApp.http.get('/api/v1/departments', { token: created.body.token })).status).toBe(200);

    const revoked = await testApp.http.delete(`/api/v1/api-keys/${created.body.id}`, { token: admin });
    expect(revoked.status).toBe(204);
    const after = await testApp.http.get('/api/v1/departments', { token: created.body.token });
    expect(after.status).toBe(401);
    expect(after.body.message).toBe('The API key is not valid or has been revoked');

    const again = await testApp.http.delete(`/api/v1/api-keys/${created.body.id}`, { token: admin });
    expect(again.status).toBe(204);
    const audit = await testApp.http.get(`/api/v1/audit-events?entityId=${created.body.id}`, { token: admin });
    expect(audit.body.data.map((event: { action: string }) => event.action)).toEqual(['revoke', 'create']);
    expect(audit.body.data[0].after.revokedAt).toEqual(expect.any(String));
  });

  it('should answer 404 when revoking a key that does not exist', async () => {
    const response = await testApp.http.delete('/api/v1/api-keys/00000000-0000-4000-8000-000000000000', {
      token: admin,
    });
    expect(response.status).toBe(404);
  });

  it.each([
    ['a role that does not exist', { name: 'x', role: 'mayor' }, 'role'],
    ['a department head without departments', { name: 'x', role: 'department_head' }, 'departmentIds'],
    ['a vendor key without a vendor', { name: 'x', role: 'vendor' }, 'vendorId'],
    [
      'an officer key with a vendor',
      { name: 'x', role: 'procurement_officer', vendorId: '00000000-0000-4000-8000-000000000000' },
      'vendorId',
    ],
    [
      'a department that does not exist',
      { name: 'x', role: 'department_head', departmentIds: ['00000000-0000-4000-8000-000000000000'] },
      'departmentIds',
    ],
    [
      'a vendor that does not exist',
      { name: 'x', role: 'vendor', vendorId: '00000000-0000-4000-8000-000000000000' },
      'vendorId',
    ],
    [
      'department ids that are not UUIDs',
      { name: 'x', role: 'department_head', departmentIds: ['PW'] },
      'departmentIds',
    ],
    ['an unknown field', { name: 'x', role: 'admin', expiresAt: '2030-01-01' }, 'expiresAt'],
  ])('should answer 400 for %s and create no key', async (_case, body, field) => {
    const before = await countKeys();
    const response = await testApp.http.post('/api/v1/api-keys', { token: admin, body });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await countKeys()).toBe(before);
  });

  it('should let only admins manage keys', async () => {
    const officer = await createApiKey(testApp.dataSource, 'procurement_officer');
    const vendor = await createApiKey(testApp.dataSource, 'vendor', { vendor: await createVendor(testApp.dataSource) });
    for (const token of [officer, vendor]) {
      expect((await testApp.http.get('/api/v1/api-keys', { token })).status).toBe(403);
      expect((await testApp.http.post('/api/v1/api-keys', { token, body: { name: 'x', role: 'admin' } })).status).toBe(
        403,
      );
    }
    expect((await testApp.http.get('/api/v1/api-keys')).status).toBe(401);
  });

  describe('npm run cli -- api-keys:create', () => {
    const lastLine = (output: string) => output.trimEnd().split('\n').at(-1)!;
    const cli = (args: string[]) =>
      startAppProcess('cli', { DATABASE_URL: process.env.DATABASE_URL! }, ['api-keys:create', ...args]);

    it('should print a working token alone on the last line', async () => {
      const run = cli(['--role', 'procurement_officer', '--name', 'Ops']);
      expect((await run.waitForExit(20_000)).code).toBe(0);
      const token = lastLine(run.output());
      expect(token).toMatch(/^cpt_[A-Za-z0-9_-]{43}$/);
      expect((await testApp.http.get('/api/v1/departments', { token })).status).toBe(200);
    });

    it('should scope keys by department code and vendor tax id', async () => {
      const parks = await createDepartment(testApp.dataSource, { code: 'PARKS' });
      const water = await createDepartment(testApp.dataSource, { code: 'WATER' });
      await createDepartment(testApp.dataSource, { code: 'FIRE' });
      const vendorRecord = await createVendor(testApp.dataSource, { taxId: '12-3456789' });

      const head = cli([
        '--role',
        'department_head',
        '--name',
        'Head',
        '--department',
        'PARKS',
        '--department',
        'WATER',
      ]);
      expect((await head.waitForExit(20_000)).code).toBe(0);
      const headToken = lastLine(head.output());
      const visible = await testApp.http.get('/api/v1/departments', { token: headToken });
      expect(visible.body.data.map((department: { id: string }) => department.id).sort()).toEqual(
        [parks.id, water.id].sort(),
      );

      const vendor = cli(['--role', 'vendor', '--name', 'Vendor', '--vendor', '12-3456789']);
      expect((await vendor.waitForExit(20_000)).code).toBe(0);
      const vendorToken = lastLine(vendor.output());
      const forbidden = await testApp.http.post('/api/v1/departments', {
        token: vendorToken,
        body: { name: 'X', code: 'X', headEmail: 'x@city.example' },
      });
      expect(forbidden.status).toBe(403);
      const [key] = await testApp.dataSource.query("SELECT vendor_id FROM api_keys WHERE role = 'vendor'");
      expect(key.vendor_id).toBe(vendorRecord.id);
    });

    it.each([
      [['--role', 'mayor', '--name', 'x'], 2, /--role must be one of/],
      [['--role', 'admin'], 2, /--name is required/],
      [['--role', 'admin', '--name', 'x', '--colour', 'red'], 2, /Unknown option '--colour'/],
      [['--role', 'department_head', '--name', 'x', '--department', 'NOPE'], 1, /no department has the code NOPE/],
      [['--role', 'vendor', '--name', 'x'], 1, /a vendor key needs a vendorId/],
    ])('should refuse %p with exit code %p and a message, creating nothing', async (args, exitCode, message) => {
      const before = await countKeys();
      const run = cli(args);
      expect((await run.waitForExit(20_000)).code).toBe(exitCode);
      expect(run.output()).toMatch(message);
      expect(await countKeys()).toBe(before);
    });
  });
});
