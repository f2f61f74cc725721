import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ALLOWED_ROLES, IS_PUBLIC } from '../src/auth/auth.decorators.js';
import { createTestApp, type TestApp } from './support/create-test-app.js';
import { listRoutes } from './support/list-routes.js';

const PUBLIC_ROUTES = ['GET /', 'GET /health', 'GET /health/ready'];
/** The city's OCDS extension files are public like the open data they describe; OCDS tools fetch them by URL. */
const OCDS_EXTENSION_ROUTES = ['extension.json', 'release-schema.json'].map(
  (file) => `GET /ocds/extensions/key-procurement/${file}`,
);
const isDocs = (path: string) => path === '/docs' || path.startsWith('/docs/') || path.startsWith('/docs-');

describe('every route is either guarded or explicitly public', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should answer 401 without a key on every route but health and docs', async () => {
    const routes = listRoutes(testApp.app).filter((route) => route.method !== 'HEAD' && !isDocs(route.path));
    expect(routes.length).toBeGreaterThan(8);
    const open: string[] = [];
    for (const { method, path } of routes) {
      const concrete = path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const response = await testApp.http.request(
        method,
        concrete,
        method === 'GET' || method === 'DELETE' ? {} : { body: {} },
      );
      if (response.status !== 401) open.push(`${method} ${path}`);
    }
    expect(open.sort()).toEqual(
      [...PUBLIC_ROUTES, ...OCDS_EXTENSION_ROUTES.map((route) => route.replace(' /', ' /api/v1/'))].sort(),
    );
  });

  it('should declare the roles of every controller route that is not public', () => {
    const reflector = testApp.app.get(Reflector);
    const scanner = new MetadataScanner();
    const undeclared: string[] = [];
    const publicRoutes: string[] = [];
    const discovery = new DiscoveryService(testApp.app.get(ModulesContainer));
    for (const wrapper of discovery.getControllers()) {
      const controller = wrapper.metatype as new () => object;
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, () => unknown>)[name];
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const path = `/${Reflect.getMetadata(PATH_METADATA, controller)}/${Reflect.getMetadata(PATH_METADATA, handler)}`
          .replace(/\/+/g, '/')
          .replace(/(.)\/$/, '$1');
        const route = `${RequestMethod[method]} ${path}`;
        if (reflector.getAllAndOverride(IS_PUBLIC, [handler, controller])) publicRoutes.push(route);
        else if (!reflector.getAllAndOverride<string[]>(ALLOWED_ROLES, [handler, controller])?.length)
          undeclared.push(route);
      }
    }
    expect(undeclared).toEqual([]);
    expect(publicRoutes.sort()).toEqual([...PUBLIC_ROUTES, ...OCDS_EXTENSION_ROUTES].sort());
  });

  it('should send the root address to the API docs', async () => {
    const response = await fetch(`${testApp.url}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/docs');
  });

  it('should serve the API docs without a key', async () => {
    const page = await testApp.http.get('/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const spec = await testApp.http.get('/docs-json');
    expect(spec.status).toBe(200);
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/departments', '/api/v1/departments/{id}', '/health/ready']),
    );
    expect(spec.body.components.securitySchemes['API key']).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
