import { type Vendor } from '#database';
import { localDateOf } from '#domain';
import { loadEnv } from '#runtime';
import { createApiKey, createCertification, createDepartment, createVendor, resetDatabase } from '#testing';

import { ApiEnv } from '../src/config/api-env.js';
import { createTestApp, type TestApp } from './support/create-test-app.js';

const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const UUID = /^[0-9a-f-]{36}$/;

/** 'YYYY-MM-DD' moved by whole days; calendar arithmetic in UTC, which has no daylight-saving gaps. */
const addDays = (date: string, days: number) => {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
};

describe('vendors', () => {
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

  const valid = {
    legalName: 'Acme Paving LLC',
    taxId: '12-3456789',
    email: 'contracts@acme.example',
    preferredLanguage: 'es',
    isLocal: true,
    addressLine1: '100 Main Street',
    addressLine2: 'Suite 200',
    city: 'Springfield',
    region: 'IL',
    postalCode: '62701',
    country: 'US',
  };
  const validCertification = {
    type: 'women_owned',
    certifyingAgency: 'State Office of Supplier Diversity',
    certificateNumber: 'WBE-2026-0042',
    validFrom: '2026-01-01',
    validTo: '2028-12-31',
  };

  const count = async (table: 'vendors' | 'vendor_certifications' | 'audit_events') =>
    Number((await testApp.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const headKey = async () =>
    createApiKey(testApp.dataSource, 'department_head', { departments: [await createDepartment(testApp.dataSource)] });
  const vendorKey = (vendor: Vendor) => createApiKey(testApp.dataSource, 'vendor', { vendor });
  const auditOf = async (entityType: string, entityId: string) =>
    (await testApp.http.get(`/api/v1/audit-events?entityType=${entityType}&entityId=${entityId}`, { token: admin }))
      .body.data;
  const names = (response: { body: { data: { legalName: string }[] } }) =>
    response.body.data.map((vendor) => vendor.legalName);

  const expectError = (response: { status: number; body: any }, status: number, code: string, field?: string): void => {
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ statusCode: status, code, message: expect.any(String) });
    expect(response.body.error).toEqual(expect.any(String));
    expect(response.body.details).toEqual(expect.any(Array));
    if (field) expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  };

  describe('POST /api/v1/vendors', () => {
    it('should create a vendor and answer 201 with its id and no certifications', async () => {
      const response = await testApp.http.post('/api/v1/vendors', { token: officer, body: valid });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        ...valid,
        certifications: [],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const fetched = await testApp.http.get(`/api/v1/vendors/${response.body.id}`, { token: officer });
      expect(fetched.status).toBe(200);
      expect(fetched.body).toEqual(response.body);
    });

    it('should default the language to en, isLocal to false and the address to null', async () => {
      const response = await testApp.http.post('/api/v1/vendors', {
        token: officer,
        body: { legalName: 'Bare Bones Inc', taxId: 'BB-1', email: 'bb@vendors.example' },
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        preferredLanguage: 'en',
        isLocal: false,
        addressLine1: null,
        addressLine2: null,
        city: null,
        region: null,
        postalCode: null,
        country: null,
      });
    });

    it('should record who created it in the audit trail', async () => {
      const created = await testApp.http.post('/api/v1/vendors', {
        token: officer,
        body: valid,
        headers: { 'x-request-id': 'req-create-acme' },
      });
      expect(await auditOf('vendor', created.body.id)).toEqual([
        expect.objectContaining({
          action: 'create',
          entityType: 'vendor',
          entityId: created.body.id,
          actor: { type: 'api_key', id: expect.any(String), name: expect.stringMatching(/^procurement_officer/) },
          before: null,
          after: created.body,
          requestId: 'req-create-acme',
        }),
      ]);
    });

    it.each([
      ['an unknown field', { ...valid, rating: 5 }, 'rating'],
      ['a missing legal name', { ...valid, legalName: undefined }, 'legalName'],
      ['a missing tax id', { ...valid, taxId: undefined }, 'taxId'],
      ['a tax id with a trailing blank', { ...valid, taxId: '12-3456789 ' }, 'taxId'],
      ['a bad email', { ...valid, email: 'not-an-email' }, 'email'],
      ['an unsupported language', { ...valid, preferredLanguage: 'fr' }, 'preferredLanguage'],
      ['a null language', { ...valid, preferredLanguage: null }, 'preferredLanguage'],
      ['isLocal as a string', { ...valid, isLocal: 'yes' }, 'isLocal'],
      ['a null isLocal', { ...valid, isLocal: null }, 'isLocal'],
      ['a lowercase country', { ...valid, country: 'us' }, 'country'],
      ['a country that does not exist', { ...valid, country: 'XX' }, 'country'],
      ['a three-letter country', { ...valid, country: 'USA' }, 'country'],
      ['a legal name over 300 characters', { ...valid, legalName: 'x'.repeat(301) }, 'legalName'],
      ['a postal code over 20 characters', { ...valid, postalCode: '1'.repeat(21) }, 'postalCode'],
    ])('should answer 400 naming the field for %s, and create nothing', async (_case, body, field) => {
      const response = await testApp.http.post('/api/v1/vendors', { token: officer, body });
      expectError(response, 400, 'INVALID_INPUT', field);
      expect(response.body.error).toBe('Bad Request');
      expect(await count('vendors')).toBe(0);
      expect(await count('audit_events')).toBe(0);
    });

    it('should answer 409 naming taxId for a tax id that is taken, and change nothing', async () => {
      await createVendor(testApp.dataSource, { taxId: valid.taxId });
      const response = await testApp.http.post('/api/v1/vendors', { token: officer, body: valid });
      expectError(response, 409, 'CONFLICT');
      expect(response.body.details).toEqual([{ field: 'taxId', message: 'taxId is already taken' }]);
      expect(await count('vendors')).toBe(1);
      expect(await count('audit_events')).toBe(0);
    });

    it('should create one vendor when requests race for the same tax id, and answer 409 to the others', async () => {
      const responses = await Promise.all(
        ['First Co', 'Second Co', 'Third Co'].map((legalName) =>
          testApp.http.post('/api/v1/vendors', { token: officer, body: { ...valid, legalName } }),
        ),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409]);
      for (const response of responses.filter(({ status }) => status === 409)) {
        expect(response.body.details).toEqual([{ field: 'taxId', message: 'taxId is already taken' }]);
      }
      expect(await count('vendors')).toBe(1);
      expect(await count('audit_events')).toBe(1);
    });

    it('should answer 401 without a key and with a bad key', async () => {
      const missing = await testApp.http.post('/api/v1/vendors', { body: valid });
      const bad = await testApp.http.post('/api/v1/vendors', { body: valid, token: 'cpt_not-a-real-key' });
      for (const response of [missing, bad]) {
        expectError(response, 401, 'UNAUTHENTICATED');
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
      }
      expect(await count('vendors')).toBe(0);
    });

    it('should answer 403 to department heads and vendors', async () => {
      const vendor = await vendorKey(await createVendor(testApp.dataSource));
      for (const token of [await headKey(), vendor]) {
        expectError(await testApp.http.post('/api/v1/vendors', { token, body: valid }), 403, 'FORBIDDEN');
      }
      expect(await count('vendors')).toBe(1);
    });
  });

  describe('GET /api/v1/vendors', () => {
    it('should page through vendors by legal name, then id, each with its own certifications', async () => {
      const vendors: Record<string, Vendor> = {};
      for (const legalName of ['Delta Supply', 'Alpha Works', 'Charlie Co', 'Bravo Build', 'Alpha Works']) {
        vendors[legalName] = await createVendor(testApp.dataSource, { legalName });
      }
      const bravoCertification = await createCertification(testApp.dataSource, vendors['Bravo Build'], {
        type: 'veteran_owned',
      });
      await createCertification(testApp.dataSource, vendors['Delta Supply']);

      const all = await testApp.http.get('/api/v1/vendors', { token: officer });
      expect(all.status).toBe(200);
      expect(names(all)).toEqual(['Alpha Works', 'Alpha Works', 'Bravo Build', 'Charlie Co', 'Delta Supply']);
      const alphas = all.body.data.slice(0, 2).map((vendor: { id: string }) => vendor.id);
      expect(alphas).toEqual([...alphas].sort());

      const page = await testApp.http.get('/api/v1/vendors?limit=2&offset=2', { token: officer });
      expect(page.body.page).toEqual({ limit: 2, offset: 2, total: 5 });
      expect(names(page)).toEqual(['Bravo Build', 'Charlie Co']);
      expect(page.body.data[0].certifications).toEqual([
        {
          id: bravoCertification.id,
          vendorId: vendors['Bravo Build'].id,
          type: 'veteran_owned',
          certifyingAgency: bravoCertification.certifyingAgency,
          certificateNumber: bravoCertification.certificateNumber,
          validFrom: '2020-01-01',
          validTo: null,
          createdAt: expect.any(String),
        },
      ]);
      expect(page.body.data[1].certifications).toEqual([]);
    });

    it('should load certifications for a whole page without a query per vendor', async () => {
      // Counts the statements a list request sends; the count must not grow with the number of vendors.
      const probe = testApp.dataSource.createQueryRunner();
      const prototype = Object.getPrototypeOf(probe) as { query: (...args: unknown[]) => Promise<unknown> };
      await probe.release();
      const original = prototype.query;
      let statements = 0;
      prototype.query = function (this: unknown, ...args: unknown[]) {
        statements++;
        return original.apply(this, args);
      };
      const statementsFor = async (path: string) => {
        statements = 0;
        expect((await testApp.http.get(path, { token: officer })).status).toBe(200);
        return statements;
      };
      try {
        const first = await createVendor(testApp.dataSource);
        await createCertification(testApp.dataSource, first);
        const forOne = await statementsFor('/api/v1/vendors');
        for (let i = 0; i < 6; i++) {
          const vendor = await createVendor(testApp.dataSource);
          await createCertification(testApp.dataSource, vendor);
          await createCertification(testApp.dataSource, vendor, { type: 'small_business' });
        }
        expect(await statementsFor('/api/v1/vendors')).toBe(forOne);
      } finally {
        prototype.query = original;
      }
    });

    it('should answer an empty first page of 50 by default', async () => {
      const response = await testApp.http.get('/api/v1/vendors', { token: officer });
      expect(response.body).toEqual({ data: [], page: { limit: 50, offset: 0, total: 0 } });
    });

    it('should find vendors by any part of the legal name or tax id, in any case', async () => {
      await createVendor(testApp.dataSource, { legalName: 'Green Roofs Cooperative', taxId: 'GR-1001' });
      await createVendor(testApp.dataSource, { legalName: 'Blue Water LLC', taxId: 'BW-2002' });
      await createVendor(testApp.dataSource, { legalName: '100% Recycled Inc', taxId: 'RC-3003' });

      const byName = await testApp.http.get('/api/v1/vendors?q=ROOFS', { token: officer });
      expect(names(byName)).toEqual(['Green Roofs Cooperative']);
      expect(byName.body.page.total).toBe(1);
      const byTaxId = await testApp.http.get('/api/v1/vendors?q=bw-20', { token: officer });
      expect(names(byTaxId)).toEqual(['Blue Water LLC']);
      const wildcard = await testApp.http.get(`/api/v1/vendors?q=${encodeURIComponent('0%')}`, { token: officer });
      expect(names(wildcard)).toEqual(['100% Recycled Inc']);
      const none = await testApp.http.get('/api/v1/vendors?q=purple', { token: officer });
      expect(none.body).toEqual({ data: [], page: { limit: 50, offset: 0, total: 0 } });
    });

    it("should filter by a certification valid today in the city's time zone", async () => {
      const today = localDateOf(new Date(), loadEnv(ApiEnv).CITY_TIMEZONE);
      const certified = async (legalName: string, validFrom: string, validTo: string | null) =>
        createCertification(testApp.dataSource, await createVendor(testApp.dataSource, { legalName }), {
          type: 'women_owned',
          validFrom,
          validTo,
        });
      await certified('Current', '2000-01-01', null);
      await certified('Expired', '2000-01-01', '2001-12-31');
      await certified('Not Yet Valid', '2999-01-01', null);
      await certified('Ends Today', '2000-01-01', today);
      await certified('Ended Yesterday', '2000-01-01', addDays(today, -1));
      await certified('Starts Today', today, null);
      await certified('Starts Tomorrow', addDays(today, 1), null);
      const otherType = await createVendor(testApp.dataSource, { legalName: 'Other Type' });
      await createCertification(testApp.dataSource, otherType, { type: 'minority_owned' });
      await createVendor(testApp.dataSource, { legalName: 'Uncertified' });

      const response = await testApp.http.get('/api/v1/vendors?certification=women_owned', { token: officer });
      expect(response.status).toBe(200);
      expect(names(response)).toEqual(['Current', 'Ends Today', 'Starts Today']);
      expect(response.body.page.total).toBe(3);
    });

    it('should count small_business as a certification filter match though it does not make a vendor diverse', async () => {
      const small = await createVendor(testApp.dataSource, { legalName: 'Small Shop' });
      await createCertification(testApp.dataSource, small, { type: 'small_business' });
      await createCertification(testApp.dataSource, await createVendor(testApp.dataSource), { type: 'women_owned' });

      const response = await testApp.http.get('/api/v1/vendors?certification=small_business', { token: officer });
      expect(names(response)).toEqual(['Small Shop']);
      const today = localDateOf(new Date(), loadEnv(ApiEnv).CITY_TIMEZONE);
      const [{ diverse }] = await testApp.dataSource.query(
        'SELECT is_diverse AS diverse FROM vendor_is_diverse_on($1, $2)',
        [response.body.data[0].id, today],
      );
      expect(diverse).toBe(false);
    });

    it('should filter by isLocal, alone and with other filters', async () => {
      const local = await createVendor(testApp.dataSource, { legalName: 'Local Bakery', isLocal: true });
      await createVendor(testApp.dataSource, { legalName: 'Local Brewery', isLocal: true });
      await createVendor(testApp.dataSource, { legalName: 'Faraway Freight', isLocal: false });
      await createCertification(testApp.dataSource, local, { type: 'local_business' });

      const yes = await testApp.http.get('/api/v1/vendors?isLocal=true', { token: officer });
      expect(names(yes)).toEqual(['Local Bakery', 'Local Brewery']);
      const no = await testApp.http.get('/api/v1/vendors?isLocal=false', { token: officer });
      expect(names(no)).toEqual(['Faraway Freight']);
      expect(no.body.page.total).toBe(1);
      const combined = await testApp.http.get('/api/v1/vendors?isLocal=true&q=b&certification=local_business', {
        token: officer,
      });
      expect(names(combined)).toEqual(['Local Bakery']);
    });

    it.each([
      ['isLocal=yes', 'isLocal'],
      ['isLocal=1', 'isLocal'],
      ['isLocal=', 'isLocal'],
      ['isLocal=TRUE', 'isLocal'],
      ['isLocal=true&isLocal=false', 'isLocal'],
      ['certification=fortune_500', 'certification'],
      ['certification=', 'certification'],
      ['limit=501', 'limit'],
      ['offset=-1', 'offset'],
      ['colour=red', 'colour'],
    ])('should answer 400 for %s', async (query, field) => {
      expectError(await testApp.http.get(`/api/v1/vendors?${query}`, { token: officer }), 400, 'INVALID_INPUT', field);
    });

    it('should show department heads every vendor', async () => {
      await createVendor(testApp.dataSource);
      await createVendor(testApp.dataSource);
      const response = await testApp.http.get('/api/v1/vendors', { token: await headKey() });
      expect(response.status).toBe(200);
      expect(response.body.page.total).toBe(2);
    });

    it('should show a vendor only its own record, whatever the filters', async () => {
      const mine = await createVendor(testApp.dataSource, { legalName: 'Mine', isLocal: true });
      await createVendor(testApp.dataSource, { legalName: 'Another', isLocal: true });
      const token = await vendorKey(mine);

      const list = await testApp.http.get('/api/v1/vendors', { token });
      expect(list.body.data.map((vendor: { id: string }) => vendor.id)).toEqual([mine.id]);
      expect(list.body.page.total).toBe(1);
      const search = await testApp.http.get('/api/v1/vendors?q=Another&isLocal=true', { token });
      expect(search.body).toEqual({ data: [], page: { limit: 50, offset: 0, total: 0 } });
    });

    it('should answer 401 without a key and with a bad key', async () => {
      expectError(await testApp.http.get('/api/v1/vendors'), 401, 'UNAUTHENTICATED');
      expectError(await testApp.http.get('/api/v1/vendors', { token: 'cpt_nope' }), 401, 'UNAUTHENTICATED');
    });
  });

  describe('GET /api/v1/vendors/:id', () => {
    it('should answer the vendor with its certifications', async () => {
      const vendor = await createVendor(testApp.dataSource);
      const certification = await createCertification(testApp.dataSource, vendor, { validTo: '2030-06-30' });
      const response = await testApp.http.get(`/api/v1/vendors/${vendor.id}`, { token: officer });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: vendor.id, legalName: vendor.legalName, taxId: vendor.taxId });
      expect(response.body.certifications).toEqual([
        expect.objectContaining({ id: certification.id, validFrom: '2020-01-01', validTo: '2030-06-30' }),
      ]);
    });

    it('should answer 404 for a vendor that does not exist and 400 for an id that is not a UUID', async () => {
      const missing = await testApp.http.get(`/api/v1/vendors/${MISSING_ID}`, { token: officer });
      expectError(missing, 404, 'NOT_FOUND');
      expect(missing.body).toMatchObject({ error: 'Not Found', message: `Vendor ${MISSING_ID} was not found` });
      const malformed = await testApp.http.get('/api/v1/vendors/not-a-uuid', { token: officer });
      expectError(malformed, 400, 'INVALID_INPUT');
      expect(malformed.body.details).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
    });

    it('should let a vendor read its own record and answer 404 for any other, as if it did not exist', async () => {
      const mine = await createVendor(testApp.dataSource);
      const other = await createVendor(testApp.dataSource);
      const token = await vendorKey(mine);
      expect((await testApp.http.get(`/api/v1/vendors/${mine.id}`, { token })).status).toBe(200);
      const hidden = await testApp.http.get(`/api/v1/vendors/${other.id}`, { token });
      expectError(hidden, 404, 'NOT_FOUND');
      expect(hidden.body.message).toBe(`Vendor ${other.id} was not found`);
    });

    it('should let department heads read any vendor', async () => {
      const vendor = await createVendor(testApp.dataSource);
      expect((await testApp.http.get(`/api/v1/vendors/${vendor.id}`, { token: await headKey() })).status).toBe(200);
    });

    it('should answer 401 without a key', async () => {
      const vendor = await createVendor(testApp.dataSource);
      expectError(await testApp.http.get(`/api/v1/vendors/${vendor.id}`), 401, 'UNAUTHENTICATED');
    });
  });

  describe('PATCH /api/v1/vendors/:id', () => {
    it('should update the fields given, keep the others, and audit before and after', async () => {
      const vendor = await createVendor(testApp.dataSource, {
        legalName: 'Old Name LLC',
        addressLine2: 'Unit 4',
        city: 'Springfield',
      });
      await createCertification(testApp.dataSource, vendor);
      const response = await testApp.http.patch(`/api/v1/vendors/${vendor.id}`, {
        token: officer,
        body: { legalName: 'New Name LLC', preferredLanguage: 'pt', isLocal: true, addressLine2: null },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: vendor.id,
        legalName: 'New Name LLC',
        taxId: vendor.taxId,
        email: vendor.email,
        preferredLanguage: 'pt',
        isLocal: true,
        addressLine2: null,
        city: 'Springfield',
      });
      expect(response.body.certifications).toHaveLength(1);
      const fetched = await testApp.http.get(`/api/v1/vendors/${vendor.id}`, { token: officer });
      expect(fetched.body).toEqual(response.body);

      const audit = await auditOf('vendor', vendor.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'update',
        before: { legalName: 'Old Name LLC', addressLine2: 'Unit 4', isLocal: false, certifications: [{}] },
        after: response.body,
      });
    });

    it('should accept the tax id the vendor already has', async () => {
      const vendor = await createVendor(testApp.dataSource, { taxId: 'SAME-1' });
      const response = await testApp.http.patch(`/api/v1/vendors/${vendor.id}`, {
        token: officer,
        body: { taxId: 'SAME-1', email: 'new@vendors.example' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ taxId: 'SAME-1', email: 'new@vendors.example' });
    });

    it('should answer 409 naming taxId when the new tax id is taken, and keep the vendor as it was', async () => {
      await createVendor(testApp.dataSource, { taxId: 'TAKEN-1' });
      const vendor = await createVendor(testApp.dataSource, { taxId: 'MINE-1' });
      const before = await testApp.http.get(`/api/v1/vendors/${vendor.id}`, { token: officer });
      const response = await testApp.http.patch(`/api/v1/vendors/${vendor.id}`, {
        token: officer,
        body: { taxId: 'TAKEN-1', legalName: 'Renamed' },
      });
      expectError(response, 409, 'CONFLICT');
      expect(response.body.details).toEqual([{ field: 'taxId', message: 'taxId is already taken' }]);
      expect((await testApp.http.get(`/api/v1/vendors/${vendor.id}`, { token: officer })).body).toEqual(before.body);
      expect(await count('audit_events')).toBe(0);
    });

    it.each([
      ['an unknown field', { rating: 5 }, 'rating'],
      ['a bad email', { email: 'nope' }, 'email'],
      ['an unsupported language', { preferredLanguage: 'de' }, 'preferredLanguage'],
      ['a null legal name', { legalName: null }, 'legalName'],
      ['a null tax id', { taxId: null }, 'taxId'],
      ['a null isLocal', { isLocal: null }, 'isLocal'],
      ['a lowercase country', { country: 'gb' }, 'country'],
    ])('should answer 400 for %s, and change nothing', async (_case, body, field) => {
      const vendor = await createVendor(testApp.dataSource);
      const before = await testApp.http.get(`/api/v1/vendors/${vendor.id}`, { token: officer });
      const response = await testApp.http.patch(`/api/v1/vendors/${vendor.id}`, { token: officer, body });
      expectError(response, 400, 'INVALID_INPUT', field);
      expect((await testApp.http.get(`/api/v1/vendors/${vendor.id}`, { token: officer })).body).toEqual(before.body);
      expect(await count('audit_events')).toBe(0);
    });

    it('should answer 404 for a missing vendor and 400 for an id that is not a UUID', async () => {
      const missing = await testApp.http.patch(`/api/v1/vendors/${MISSING_ID}`, {
        token: officer,
        body: { legalName: 'x' },
      });
      expectError(missing, 404, 'NOT_FOUND');
      const malformed = await testApp.http.patch('/api/v1/vendors/123', { token: officer, body: { legalName: 'x' } });
      expectError(malformed, 400, 'INVALID_INPUT', 'id');
    });

    it('should answer 403 to a vendor patching even its own record, and to department heads', async () => {
      const vendor = await createVendor(testApp.dataSource, { legalName: 'Unchanged' });
      for (const token of [await vendorKey(vendor), await headKey()]) {
        const response = await testApp.http.patch(`/api/v1/vendors/${vendor.id}`, {
          token,
          body: { legalName: 'Hijacked' },
        });
        expectError(response, 403, 'FORBIDDEN');
      }
      const after = await testApp.http.get(`/api/v1/vendors/${vendor.id}`, { token: officer });
      expect(after.body.legalName).toBe('Unchanged');
    });

    it('should answer 401 without a key and with a bad key', async () => {
      const vendor = await createVendor(testApp.dataSource);
      for (const token of [undefined, 'cpt_nope']) {
        const response = await testApp.http.patch(`/api/v1/vendors/${vendor.id}`, { token, body: { city: 'x' } });
        expectError(response, 401, 'UNAUTHENTICATED');
      }
    });
  });

  describe('POST /api/v1/vendors/:id/certifications', () => {
    it('should add a certification, answer 201 with its id, show it on the vendor and audit it', async () => {
      const vendor = await createVendor(testApp.dataSource);
      const response = await testApp.http.post(`/api/v1/vendors/${vendor.id}/certifications`, {
        token: officer,
        body: validCertification,
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        vendorId: vendor.id,
        ...validCertification,
        createdAt: expect.any(String),
      });
      const fetched = await testApp.http.get(`/api/v1/vendors/${vendor.id}`, { token: officer });
      expect(fetched.body.certifications).toEqual([response.body]);

      expect(await auditOf('vendor_certification', response.body.id)).toEqual([
        expect.objectContaining({
          action: 'create',
          entityType: 'vendor_certification',
          entityId: response.body.id,
          before: null,
          after: response.body,
        }),
      ]);
    });

    it('should treat a missing validTo as no expiry, and accept one that equals validFrom', async () => {
      const vendor = await createVendor(testApp.dataSource);
      const open = await testApp.http.post(`/api/v1/vendors/${vendor.id}/certifications`, {
        token: officer,
        body: { ...validCertification, validTo: undefined },
      });
      expect(open.status).toBe(201);
      expect(open.body.validTo).toBeNull();
      const oneDay = await testApp.http.post(`/api/v1/vendors/${vendor.id}/certifications`, {
        token: officer,
        body: { ...validCertification, certificateNumber: 'ONE-DAY', validFrom: '2024-02-29', validTo: '2024-02-29' },
      });
      expect(oneDay.status).toBe(201);
      expect(oneDay.body).toMatchObject({ validFrom: '2024-02-29', validTo: '2024-02-29' });
    });

    it.each([
      ['an unknown field', { ...validCertification, level: 'gold' }, 'level'],
      ['an unknown type', { ...validCertification, type: 'fortune_500' }, 'type'],
      ['a validTo before validFrom', { ...validCertification, validTo: '2025-12-31' }, 'validTo'],
      ['a day that does not exist', { ...validCertification, validFrom: '2026-02-30' }, 'validFrom'],
      ['a timestamp for a date', { ...validCertification, validFrom: '2026-01-01T00:00:00Z' }, 'validFrom'],
      ['a missing validFrom', { ...validCertification, validFrom: undefined }, 'validFrom'],
      ['a missing certificate number', { ...validCertification, certificateNumber: undefined }, 'certificateNumber'],
      ['an empty agency', { ...validCertification, certifyingAgency: '' }, 'certifyingAgency'],
    ])('should answer 400 naming the field for %s, and add nothing', async (_case, body, field) => {
      const vendor = await createVendor(testApp.dataSource);
      const response = await testApp.http.post(`/api/v1/vendors/${vendor.id}/certifications`, {
        token: officer,
        body,
      });
      expectError(response, 400, 'INVALID_INPUT', field);
      expect(await count('vendor_certifications')).toBe(0);
      expect(await count('audit_events')).toBe(0);
    });

    it('should say which field is wrong when validTo is before validFrom', async () => {
      const vendor = await createVendor(testApp.dataSource);
      const response = await testApp.http.post(`/api/v1/vendors/${vendor.id}/certifications`, {
        token: officer,
        body: { ...validCertification, validFrom: '2026-06-01', validTo: '2026-05-31' },
      });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([{ field: 'validTo', message: 'validTo must not be before validFrom' }]);
    });

    it('should answer 409 for the same certificate twice, and allow it for another vendor or type', async () => {
      const vendor = await createVendor(testApp.dataSource);
      const path = `/api/v1/vendors/${vendor.id}/certifications`;
      expect((await testApp.http.post(path, { token: officer, body: validCertification })).status).toBe(201);
      const duplicate = await testApp.http.post(path, {
        token: officer,
        body: { ...validCertification, validFrom: '2027-01-01', validTo: null },
      });
      expectError(duplicate, 409, 'CONFLICT', 'certificateNumber');
      expect(await count('vendor_certifications')).toBe(1);
      expect(await count('audit_events')).toBe(1);

      const otherType = await testApp.http.post(path, {
        token: officer,
        body: { ...validCertification, type: 'minority_owned' },
      });
      expect(otherType.status).toBe(201);
      const other = await createVendor(testApp.dataSource);
      const otherVendor = await testApp.http.post(`/api/v1/vendors/${other.id}/certifications`, {
        token: officer,
        body: validCertification,
      });
      expect(otherVendor.status).toBe(201);
    });

    it('should answer 409 to all but one of several racing requests for the same certificate', async () => {
      const vendor = await createVendor(testApp.dataSource);
      const responses = await Promise.all(
        [1, 2, 3].map(() =>
          testApp.http.post(`/api/v1/vendors/${vendor.id}/certifications`, {
            token: officer,
            body: validCertification,
          }),
        ),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409]);
      for (const response of responses.filter(({ status }) => status === 409)) {
        expectError(response, 409, 'CONFLICT', 'certificateNumber');
      }
      expect(await count('vendor_certifications')).toBe(1);
    });

    it('should answer 404 for a missing vendor and 400 for an id that is not a UUID', async () => {
      const missing = await testApp.http.post(`/api/v1/vendors/${MISSING_ID}/certifications`, {
        token: officer,
        body: validCertification,
      });
      expectError(missing, 404, 'NOT_FOUND');
      expect(missing.body.message).toBe(`Vendor ${MISSING_ID} was not found`);
      const malformed = await testApp.http.post('/api/v1/vendors/nope/certifications', {
        token: officer,
        body: validCertification,
      });
      expectError(malformed, 400, 'INVALID_INPUT', 'id');
      expect(await count('vendor_certifications')).toBe(0);
    });

    it('should answer 403 to a vendor certifying itself and to department heads', async () => {
      const vendor = await createVendor(testApp.dataSource);
      for (const token of [await vendorKey(vendor), await headKey()]) {
        const response = await testApp.http.post(`/api/v1/vendors/${vendor.id}/certifications`, {
          token,
          body: validCertification,
        });
        expectError(response, 403, 'FORBIDDEN');
      }
      expect(await count('vendor_certifications')).toBe(0);
    });

    it('should answer 401 without a key and with a bad key', async () => {
      const vendor = await createVendor(testApp.dataSource);
      for (const token of [undefined, 'cpt_nope']) {
        const response = await testApp.http.post(`/api/v1/vendors/${vendor.id}/certifications`, {
          token,
          body: validCertification,
        });
        expectError(response, 401, 'UNAUTHENTICATED');
      }
      expect(await count('vendor_certifications')).toBe(0);
    });
  });

  describe('GET /api/v1/vendors/:id/certifications', () => {
    it("should page through the vendor's certifications only", async () => {
      const vendor = await createVendor(testApp.dataSource);
      await createCertification(testApp.dataSource, vendor, { type: 'women_owned' });
      await createCertification(testApp.dataSource, vendor, { type: 'minority_owned', validFrom: '2022-01-01' });
      await createCertification(testApp.dataSource, vendor, { type: 'minority_owned', validFrom: '2021-01-01' });
      await createCertification(testApp.dataSource, await createVendor(testApp.dataSource));

      const all = await testApp.http.get(`/api/v1/vendors/${vendor.id}/certifications`, { token: officer });
      expect(all.status).toBe(200);
      expect(all.body.page).toEqual({ limit: 50, offset: 0, total: 3 });
      expect(all.body.data.map((c: { type: string; validFrom: string }) => `${c.type} ${c.validFrom}`)).toEqual([
        'minority_owned 2021-01-01',
        'minority_owned 2022-01-01',
        'women_owned 2020-01-01',
      ]);
      const page = await testApp.http.get(`/api/v1/vendors/${vendor.id}/certifications?limit=1&offset=2`, {
        token: officer,
      });
      expect(page.body.page).toEqual({ limit: 1, offset: 2, total: 3 });
      expect(page.body.data).toEqual([all.body.data[2]]);
    });

    it('should answer 404 for a missing vendor, and 400 for a bad id, limit or unknown filter', async () => {
      expectError(
        await testApp.http.get(`/api/v1/vendors/${MISSING_ID}/certifications`, { token: officer }),
        404,
        'NOT_FOUND',
      );
      expectError(
        await testApp.http.get('/api/v1/vendors/zzz/certifications', { token: officer }),
        400,
        'INVALID_INPUT',
        'id',
      );
      const vendor = await createVendor(testApp.dataSource);
      for (const [query, field] of [
        ['limit=501', 'limit'],
        ['type=women_owned', 'type'],
      ]) {
        expectError(
          await testApp.http.get(`/api/v1/vendors/${vendor.id}/certifications?${query}`, { token: officer }),
          400,
          'INVALID_INPUT',
          field,
        );
      }
    });

    it("should let a vendor read its own certifications and answer 404 for another vendor's", async () => {
      const mine = await createVendor(testApp.dataSource);
      const other = await createVendor(testApp.dataSource);
      await createCertification(testApp.dataSource, mine);
      await createCertification(testApp.dataSource, other);
      const token = await vendorKey(mine);

      const own = await testApp.http.get(`/api/v1/vendors/${mine.id}/certifications`, { token });
      expect(own.status).toBe(200);
      expect(own.body.page.total).toBe(1);
      const hidden = await testApp.http.get(`/api/v1/vendors/${other.id}/certifications`, { token });
      expectError(hidden, 404, 'NOT_FOUND');
      expect(hidden.body.message).toBe(`Vendor ${other.id} was not found`);
    });

    it("should let department heads read any vendor's certifications", async () => {
      const vendor = await createVendor(testApp.dataSource);
      await createCertification(testApp.dataSource, vendor);
      const response = await testApp.http.get(`/api/v1/vendors/${vendor.id}/certifications`, {
        token: await headKey(),
      });
      expect(response.status).toBe(200);
      expect(response.body.page.total).toBe(1);
    });

    it('should answer 401 without a key', async () => {
      const vendor = await createVendor(testApp.dataSource);
      expectError(await testApp.http.get(`/api/v1/vendors/${vendor.id}/certifications`), 401, 'UNAUTHENTICATED');
    });
  });

  describe('DELETE /api/v1/vendors/:id/certifications/:certificationId', () => {
    it('should remove the certification, answer 204 with no body, and audit what was removed', async () => {
      const vendor = await createVendor(testApp.dataSource);
      const certification = await createCertification(testApp.dataSource, vendor);
      const kept = await createCertification(testApp.dataSource, vendor, { type: 'small_business' });
      const listed = await testApp.http.get(`/api/v1/vendors/${vendor.id}/certifications`, { token: officer });
      const shown = listed.body.data.find((c: { id: string }) => c.id === certification.id);

      const response = await testApp.http.delete(`/api/v1/vendors/${vendor.id}/certifications/${certification.id}`, {
        token: officer,
      });
      expect(response.status).toBe(204);
      expect(response.text).toBe('');
      const after = await testApp.http.get(`/api/v1/vendors/${vendor.id}`, { token: officer });
      expect(after.body.certifications.map((c: { id: string }) => c.id)).toEqual([kept.id]);

      expect(await auditOf('vendor_certification', certification.id)).toEqual([
        expect.objectContaining({ action: 'delete', entityType: 'vendor_certification', before: shown, after: null }),
      ]);
    });

    it('should answer 404 for a missing certification, a missing vendor, and a certification of another vendor', async () => {
      const vendor = await createVendor(testApp.dataSource);
      const other = await createVendor(testApp.dataSource);
      const othersCertification = await createCertification(testApp.dataSource, other);
      const mine = await createCertification(testApp.dataSource, vendor);

      const missing = await testApp.http.delete(`/api/v1/vendors/${vendor.id}/certifications/${MISSING_ID}`, {
        token: officer,
      });
      expectError(missing, 404, 'NOT_FOUND');
      expect(missing.body.message).toBe(`Certification ${MISSING_ID} was not found`);
      const noVendor = await testApp.http.delete(`/api/v1/vendors/${MISSING_ID}/certifications/${mine.id}`, {
        token: officer,
      });
      expectError(noVendor, 404, 'NOT_FOUND');
      const crossed = await testApp.http.delete(
        `/api/v1/vendors/${vendor.id}/certifications/${othersCertification.id}`,
        { token: officer },
      );
      expectError(crossed, 404, 'NOT_FOUND');
      expect(crossed.body.message).toBe(`Certification ${othersCertification.id} was not found`);
      expect(await count('vendor_certifications')).toBe(2);
      expect(await count('audit_events')).toBe(0);
    });

    it('should answer 400 naming the parameter that is not a UUID', async () => {
      const vendor = await createVendor(testApp.dataSource);
      const badCertification = await testApp.http.delete(`/api/v1/vendors/${vendor.id}/certifications/42`, {
        token: officer,
      });
      expectError(badCertification, 400, 'INVALID_INPUT');
      expect(badCertification.body.details).toEqual([
        { field: 'certificationId', message: 'certificationId must be a UUID' },
      ]);
      const badVendor = await testApp.http.delete(`/api/v1/vendors/42/certifications/${MISSING_ID}`, {
        token: officer,
      });
      expectError(badVendor, 400, 'INVALID_INPUT', 'id');
    });

    it('should answer 403 to a vendor removing its own certification and to department heads', async () => {
      const vendor = await createVendor(testApp.dataSource);
      const certification = await createCertification(testApp.dataSource, vendor);
      for (const token of [await vendorKey(vendor), await headKey()]) {
        const response = await testApp.http.delete(`/api/v1/vendors/${vendor.id}/certifications/${certification.id}`, {
          token,
        });
        expectError(response, 403, 'FORBIDDEN');
      }
      expect(await count('vendor_certifications')).toBe(1);
    });

    it('should answer 401 without a key and with a bad key', async () => {
      const vendor = await createVendor(testApp.dataSource);
      const certification = await createCertification(testApp.dataSource, vendor);
      for (const token of [undefined, 'cpt_nope']) {
        const response = await testApp.http.delete(`/api/v1/vendors/${vendor.id}/certifications/${certification.id}`, {
          token,
        });
        expectError(response, 401, 'UNAUTHENTICATED');
      }
      expect(await count('vendor_certifications')).toBe(1);
    });
  });

  it('should describe the vendor routes and bodies in the OpenAPI document', async () => {
    const spec = (await testApp.http.get('/docs-json')).body;
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/vendors',
        '/api/v1/vendors/{id}',
        '/api/v1/vendors/{id}/certifications',
        '/api/v1/vendors/{id}/certifications/{certificationId}',
      ]),
    );
    const schemas = spec.components.schemas;
    expect(schemas.CreateVendorDto.required).toEqual(['legalName', 'taxId', 'email']);
    expect(schemas.CreateVendorDto.properties.preferredLanguage).toMatchObject({ enum: ['en', 'es', 'pt'] });
    expect(schemas.UpdateVendorDto.required ?? []).toEqual([]);
    expect(schemas.CreateCertificationDto.properties.type.enum).toContain('small_business');
  });
});
