import { Department as DepartmentEntity, Solicitation } from '#database';
import { createApiKey, createDepartment, createSolicitation, resetDatabase } from '#testing';
import { JSON_MAX_DEPTH } from '../src/common/input-boundary.js';
import { createTestApp, type TestApp } from './support/create-test-app.js';

const VALID_DEPARTMENT = { name: 'Parks', code: 'PRK', headEmail: 'head.parks@city.example' };

// Regression tests, one per cause of a 500 or a misleading answer seen under generated input.
describe('the input boundary', () => {
  let testApp: TestApp;
  let officer: string;

  beforeAll(async () => {
    testApp = await createTestApp({ RATE_LIMIT_PER_MINUTE: 100_000 });
  });

  beforeEach(async () => {
    await resetDatabase(testApp.dataSource);
    officer = await createApiKey(testApp.dataSource, 'procurement_officer');
  });

  afterAll(async () => {
    await testApp.close();
  });

  const departmentCount = () => testApp.dataSource.getRepository(DepartmentEntity).count();

  it.each([
    ['a NUL byte', 'Parks\u0000'],
    ['a lone surrogate', 'Parks \ud800'],
  ])('should refuse %s in a body field with 400 naming the field, storing nothing', async (_case, name) => {
    const response = await testApp.http.post('/api/v1/departments', {
      token: officer,
      body: { ...VALID_DEPARTMENT, name },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'INVALID_INPUT',
      details: [{ field: 'name', message: 'name must not contain a NUL character or an unpaired surrogate' }],
    });
    expect(await departmentCount()).toBe(0);
  });

  it('should name the field of a NUL byte inside an array of objects', async () => {
    const department = await createDepartment(testApp.dataSource);
    const response = await testApp.http.post('/api/v1/solicitations', {
      token: officer,
      body: { kpiTemplates: [{ name: 'ok' }, { name: 'x\u0000' }], departmentId: department.id },
    });
    expect(response.status).toBe(400);
    expect(response.body.details[0]).toEqual({
      field: 'kpiTemplates.1.name',
      message: 'kpiTemplates.1.name must not contain a NUL character or an unpaired surrogate',
    });
  });

  it('should refuse a NUL byte in a query parameter with 400 naming it', async () => {
    const response = await testApp.http.get('/api/v1/audit-events?entityType=a%00b', { token: officer });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { field: 'entityType', message: 'entityType must not contain a NUL character or an unpaired surrogate' },
    ]);
  });

  it('should refuse JSON nested deeper than the bound before parsing it', async () => {
    const depth = JSON_MAX_DEPTH + 1;
    for (const rawBody of ['['.repeat(5000) + ']'.repeat(5000), '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)]) {
      const response = await testApp.http.post('/api/v1/departments', {
        token: officer,
        rawBody,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([
        { field: '$', message: `The JSON body nests deeper than ${JSON_MAX_DEPTH} levels` },
      ]);
    }
  });

  it('should answer a %-escape that is not UTF-8 with 400 in the error shape', async () => {
    const response = await testApp.http.get('/api/v1/departments/%E0%A4%A', { token: officer });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'INVALID_INPUT',
      message: 'The address has a %-escape that does not decode to UTF-8 text',
      details: [{ field: '$url', message: 'The address has a %-escape that does not decode to UTF-8 text' }],
    });
  });

  it('should refuse offset=1e20 as out of range, naming offset', async () => {
    const response = await testApp.http.get('/api/v1/departments?offset=1e20', { token: officer });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'offset', message: 'offset must not be greater than 1000000000' }]);
  });

  it('should say a missing field is required, not what its absent value lacks', async () => {
    const response = await testApp.http.post('/api/v1/departments', {
      token: officer,
      body: { name: 'Parks', code: 'PRK' },
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'headEmail', message: 'headEmail is required' }]);
  });

  it('should say a string where a number belongs must be a number, and nothing about its range', async () => {
    const solicitation = await createSolicitation(testApp.dataSource, await createDepartment(testApp.dataSource));
    const response = await testApp.http.post(`/api/v1/solicitations/${solicitation.id}/bids`, {
      token: officer,
      body: { vendorId: '00000000-0000-4000-8000-000000000000', amount: '90' },
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'amount', message: 'amount must be a number' }]);
  });

  it('should refuse a number too small for its decimals (1e-323) with 400, not a TypeError', async () => {
    const solicitation = await createSolicitation(testApp.dataSource, await createDepartment(testApp.dataSource));
    const response = await testApp.http.post(`/api/v1/solicitations/${solicitation.id}/bids`, {
      token: officer,
      body: { vendorId: '00000000-0000-4000-8000-000000000000', amount: 1e-323 },
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'amount', message: 'amount must have at most 2 decimals' }]);
  });

  it('should say a non-number in a nested array must be a number, not fail inside the check', async () => {
    const department = await createDepartment(testApp.dataSource);
    const response = await testApp.http.post('/api/v1/solicitations', {
      token: officer,
      body: {
        departmentId: department.id,
        title: 'Tree care',
        kpiTemplates: [
          {
            name: 'Response',
            unit: 'hours',
            frequency: 'monthly',
            direction: 'lower_is_better',
            target: {},
            offTrackThreshold: 48,
          },
        ],
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toContainEqual({
      field: 'kpiTemplates.0.target',
      message: 'target must be a number',
    });
    expect(await testApp.dataSource.getRepository(Solicitation).count()).toBe(0);
  });

  it('should refuse a day that does not exist in a query instant, naming since', async () => {
    const response = await testApp.http.get('/api/v1/ocds/releases?since=2026-02-30T00:00:00Z', { token: officer });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'since', message: expect.stringContaining('since') }]);
  });

  it('should refuse an address with a quoted local part, as no mail server reads it alike', async () => {
    const response = await testApp.http.post('/api/v1/departments', {
      token: officer,
      body: { ...VALID_DEPARTMENT, headEmail: '"x,y@evil.example"@city.example' },
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'headEmail', message: expect.stringContaining('plain email') }]);
    expect(await departmentCount()).toBe(0);
  });

  it.each(['application/json', 'text/plain', 'application/octet-stream', 'multipart/form-data; boundary=x'])(
    'should take a bodiless action declared %s with an empty body',
    async (contentType) => {
      const solicitation = await createSolicitation(testApp.dataSource, await createDepartment(testApp.dataSource));
      const response = await testApp.http.post(`/api/v1/solicitations/${solicitation.id}/publish`, {
        token: officer,
        rawBody: '',
        headers: { 'content-type': contentType },
      });
      expect(response.status).toBe(200);
      expect(
        (await testApp.dataSource.getRepository(Solicitation).findOneByOrFail({ id: solicitation.id })).status,
      ).toBe('published');
    },
  );
});
