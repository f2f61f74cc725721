import { createApiKey, resetDatabase } from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';

describe('the HTTP edge', () => {
  let testApp: TestApp;
  let officer: string;

  beforeAll(async () => {
    testApp = await createTestApp({ BODY_LIMIT_BYTES: 2048, RATE_LIMIT_PER_MINUTE: 40 });
    await resetDatabase(testApp.dataSource);
    officer = await createApiKey(testApp.dataSource, 'procurement_officer');
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should answer malformed JSON with a 400 in the standard error body', async () => {
    const response = await testApp.http.post('/api/v1/departments', {
      token: officer,
      rawBody: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'INVALID_INPUT',
      message: expect.stringContaining('JSON'),
      details: [{ field: '$', message: expect.stringContaining('JSON') }],
    });
  });

  it('should refuse a body over the limit with 413', async () => {
    const response = await testApp.http.post('/api/v1/departments', {
      token: officer,
      body: { name: 'x'.repeat(4096), code: 'BIG', headEmail: 'a@city.example' },
    });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('should refuse a body that is not JSON with 415', async () => {
    const response = await testApp.http.post('/api/v1/departments', {
      token: officer,
      rawBody: 'name=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
  });

  it('should answer an unknown route with 404 in the standard error body', async () => {
    const response = await testApp.http.get('/api/v1/nothing-here', { token: officer });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND', details: [] });
  });

  it('should send security headers', async () => {
    const response = await testApp.http.get('/api/v1/departments', { token: officer });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('should echo a sane X-Request-Id and make one up otherwise', async () => {
    const given = await testApp.http.get('/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await testApp.http.get('/health', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  // Last in this file: it spends the client's allowance for the minute.
  it('should answer 429 once a client passes the rate limit, and never limit health checks', async () => {
    let limited: Awaited<ReturnType<typeof testApp.http.get>> | undefined;
    for (let attempt = 0; attempt < 50 && !limited; attempt++) {
      const response = await testApp.http.get('/api/v1/departments', { token: officer });
      if (response.status === 429) limited = response;
    }
    expect(limited?.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'RATE_LIMITED' });
    expect(limited?.headers.get('retry-after')).toEqual(expect.any(String));
    expect((await testApp.http.get('/health')).status).toBe(200);
  });
});
