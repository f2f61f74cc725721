import { AuditEvent, Engagement, type Contract, type Department, type Vendor } from '#database';
import {
  createApiKey,
  createBid,
  createContract,
  createDepartment,
  createSolicitation,
  createVendor,
  FixedClock,
  resetDatabase,
} from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';

// The city's day is 2026-04-10 in America/New_York (the test environment's zone) until 04:00 UTC on the 11th.
const clock = new FixedClock('2026-04-11T03:30:00Z');

describe('key procurements', () => {
  let testApp: TestApp;
  let officer: string;
  let works: Department;
  let vendor: Vendor;

  beforeAll(async () => {
    testApp = await createTestApp({}, { clock });
  });

  afterAll(async () => {
    await testApp.close();
  });

  beforeEach(async () => {
    const ds = testApp.dataSource;
    await resetDatabase(ds);
    officer = await createApiKey(ds, 'procurement_officer');
    works = await createDepartment(ds, { code: 'WRK' });
    vendor = await createVendor(ds);
  });

  const createSolicitationRequest = (body: Record<string, unknown>) =>
    testApp.http.post('/api/v1/solicitations', {
      token: officer,
      body: { title: 'Bridge repair', departmentId: works.id, category: 'construction', method: 'ifb', ...body },
    });

  it('should default to false, be settable on create and update, and filter both lists', async () => {
    const plain = await createSolicitationRequest({ referenceNumber: 'IFB-1' });
    expect(plain.status).toBe(201);
    expect(plain.body.isKeyProcurement).toBe(false);
    const key = await createSolicitationRequest({ referenceNumber: 'IFB-2', isKeyProcurement: true });
    expect(key.body.isKeyProcurement).toBe(true);
    const patched = await testApp.http.patch(`/api/v1/solicitations/${plain.body.id}`, {
      token: officer,
      body: { isKeyProcurement: true },
    });
    expect(patched.body.isKeyProcurement).toBe(true);
    await testApp.http.patch(`/api/v1/solicitations/${plain.body.id}`, {
      token: officer,
      body: { isKeyProcurement: false },
    });

    const keyOnly = await testApp.http.get('/api/v1/solicitations?isKeyProcurement=true', { token: officer });
    expect(keyOnly.body.data.map((row: any) => row.referenceNumber)).toEqual(['IFB-2']);
    expect(keyOnly.body.page.total).toBe(1);
    const others = await testApp.http.get('/api/v1/solicitations?isKeyProcurement=false', { token: officer });
    expect(others.body.data.map((row: any) => row.referenceNumber)).toEqual(['IFB-1']);

    const contract = await testApp.http.post('/api/v1/contracts', {
      token: officer,
      body: {
        number: 'C-KEY',
        title: 'Key contract',
        vendorId: vendor.id,
        departmentId: works.id,
        value: 1000,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        managerEmail: 'manager@city.example',
        isKeyProcurement: true,
      },
    });
    expect(contract.status).toBe(201);
    expect(contract.body.isKeyProcurement).toBe(true);
    await createContract(testApp.dataSource, vendor, works, { number: 'C-PLAIN' });
    const keyContracts = await testApp.http.get('/api/v1/contracts?isKeyProcurement=true', { token: officer });
    expect(keyContracts.body.data.map((row: any) => row.number)).toEqual(['C-KEY']);
    const plainContracts = await testApp.http.get('/api/v1/contracts?isKeyProcurement=false', { token: officer });
    expect(plainContracts.body.data.map((row: any) => row.number)).toEqual(['C-PLAIN']);
  });

  it('should refuse a flag that is not true or false, in bodies and in filters', async () => {
    const bad = await createSolicitationRequest({ referenceNumber: 'IFB-3', isKeyProcurement: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      { field: 'isKeyProcurement', message: 'isKeyProcurement must be true or false' },
    ]);
    const nulled = await createSolicitationRequest({ referenceNumber: 'IFB-3', isKeyProcurement: null });
    expect(nulled.status).toBe(400);
    for (const path of ['/api/v1/solicitations?isKeyProcurement=1', '/api/v1/contracts?isKeyProcurement=yes']) {
      const response = await testApp.http.get(path, { token: officer });
      expect(response.status).toBe(400);
      expect(response.body.details[0]).toEqual({
        field: 'isKeyProcurement',
        message: 'isKeyProcurement must be true or false',
      });
    }
    expect((await testApp.http.get('/api/v1/solicitations', { token: officer })).body.page.total).toBe(0);
  });

  it("should carry the solicitation's flag to the contract at award, unless the award says otherwise", async () => {
    const award = async (reference: string, isKeyProcurement: boolean, contract: Record<string, unknown> = {}) => {
      const solicitation = await createSolicitation(testApp.dataSource, works, {
        referenceNumber: reference,
        status: 'closed',
        publishedAt: new Date('2026-01-05T14:00:00Z'),
        closedAt: new Date('2026-02-05T22:00:00Z'),
        isKeyProcurement,
      });
      const bid = await createBid(testApp.dataSource, solicitation, vendor, { amount: 5000 });
      return testApp.http.post(`/api/v1/solicitations/${solicitation.id}/award`, {
        token: officer,
        body: {
          bidId: bid.id,
          contract: {
            number: `C-${reference}`,
            startDate: '2026-03-01',
            endDate: '2026-12-31',
            managerEmail: 'manager@city.example',
            ...contract,
          },
        },
      });
    };
    const carried = await award('IFB-10', true);
    expect(carried.status).toBe(201);
    expect(carried.body.isKeyProcurement).toBe(true);
    expect((await award('IFB-11', false)).body.isKeyProcurement).toBe(false);
    expect((await award('IFB-12', true, { isKeyProcurement: false })).body.isKeyProcurement).toBe(false);
    const listed = await testApp.http.get('/api/v1/contracts?isKeyProcurement=true', { token: officer });
    expect(listed.body.data.map((row: any) => row.number)).toEqual(['C-IFB-10']);
  });

  it('should publish the flag under the key-procurement extension, served without a key', async () => {
    const solicitation = await createSolicitation(testApp.dataSource, works, {
      referenceNumber: 'IFB-20',
      status: 'awarded',
      publishedAt: new Date('2026-01-05T14:00:00Z'),
      awardedAt: new Date('2026-02-20T15:00:00Z'),
      isKeyProcurement: true,
    });
    const bid = await createBid(testApp.dataSource, solicitation, vendor, { amount: 5000 });
    await createContract(testApp.dataSource, vendor, works, {
      number: 'C-20',
      solicitationId: solicitation.id,
      bidId: bid.id,
      isKeyProcurement: true,
    });
    const body = (await testApp.http.get('/api/v1/ocds/releases', { token: officer })).body;
    const [release] = body.releases;
    expect(release.tender.isKeyProcurement).toBe(true);
    expect(release.contracts[0].isKeyProcurement).toBe(true);
    const extensionUrl = body.extensions.find((url: string) => url.includes('key-procurement'));
    expect(extensionUrl).toBe('http://localhost:3000/api/v1/ocds/extensions/key-procurement/extension.json');

    const extension = await testApp.http.get('/api/v1/ocds/extensions/key-procurement/extension.json');
    expect(extension.status).toBe(200);
    expect(extension.body).toMatchObject({ compatibility: ['1.1'], schemas: ['release-schema.json'] });
    const patch = await testApp.http.get('/api/v1/ocds/extensions/key-procurement/release-schema.json');
    expect(patch.body.definitions.Tender.properties.isKeyProcurement.type).toBe('boolean');
    expect(patch.body.definitions.Contract.properties.isKeyProcurement.type).toBe('boolean');
  });

  it('should read the flag back from an OCDS import, and leave it alone where a release does not say', async () => {
    const solicitation = await createSolicitation(testApp.dataSource, works, {
      referenceNumber: 'IFB-30',
      status: 'awarded',
      publishedAt: new Date('2026-01-05T14:00:00Z'),
      awardedAt: new Date('2026-02-20T15:00:00Z'),
      isKeyProcurement: true,
    });
    const bid = await createBid(testApp.dataSource, solicitation, vendor, { amount: 5000 });
    await createContract(testApp.dataSource, vendor, works, {
      number: 'C-30',
      solicitationId: solicitation.id,
      bidId: bid.id,
      isKeyProcurement: true,
    });
    const exported = (await testApp.http.get('/api/v1/ocds/releases', { token: officer })).body;
    const importFile = (body: unknown) => testApp.http.post('/api/v1/imports/ocds', { token: officer, body });

    await resetDatabase(testApp.dataSource);
    officer = await createApiKey(testApp.dataSource, 'procurement_officer');
    expect((await importFile(exported)).status).toBe(200);
    const flags = async () => ({
      solicitation: (await testApp.http.get('/api/v1/solicitations', { token: officer })).body.data[0].isKeyProcurement,
      contract: (await testApp.http.get('/api/v1/contracts', { token: officer })).body.data[0].isKeyProcurement,
    });
    expect(await flags()).toEqual({ solicitation: true, contract: true });

    // A later release of another publisher's shape: no field keeps the flags, a non-boolean is noted and ignored.
    const [release] = exported.releases;
    const { isKeyProcurement: _tender, ...tender } = release.tender;
    const later = {
      ...exported,
      releases: [
        {
          ...release,
          id: `${release.id}-later`,
          date: '2030-01-01T00:00:00Z',
          tender,
          contracts: release.contracts.map((contract: any) => ({ ...contract, isKeyProcurement: 'yes' })),
        },
      ],
    };
    const report = await importFile(later);
    expect(report.status).toBe(200);
    expect(report.body.skipped).toContainEqual({
      path: '$.releases[0].contracts[0].isKeyProcurement',
      message: 'not true or false: left as it was',
    });
    expect(await flags()).toEqual({ solicitation: true, contract: true });
  });
});

describe('POST/GET /api/v1/contracts/:id/engagements', () => {
  let testApp: TestApp;
  let officer: string;
  let worksHead: string;
  let parksHead: string;
  let vendorKey: string;
  let works: Department;
  let contract: Contract;
  let parksContract: Contract;

  beforeAll(async () => {
    testApp = await createTestApp({}, { clock });
  });

  afterAll(async () => {
    await testApp.close();
  });

  beforeEach(async () => {
    const ds = testApp.dataSource;
    await resetDatabase(ds);
    works = await createDepartment(ds, { code: 'WRK' });
    const parks = await createDepartment(ds, { code: 'PRK' });
    const vendor = await createVendor(ds);
    officer = await createApiKey(ds, 'procurement_officer');
    worksHead = await createApiKey(ds, 'department_head', { departments: [works] });
    parksHead = await createApiKey(ds, 'department_head', { departments: [parks] });
    vendorKey = await createApiKey(ds, 'vendor', { vendor });
    contract = await createContract(ds, vendor, works, { number: 'W-1', title: 'Street repairs' });
    parksContract = await createContract(ds, vendor, parks, { number: 'P-1' });
  });

  const path = (target: Contract = contract) => `/api/v1/contracts/${target.id}/engagements`;
  const record = (token: string, body: Record<string, unknown>, target?: Contract) =>
    testApp.http.post(path(target), { token, body });
  const VALID = {
    date: '2026-04-10',
    kind: 'site_visit',
    attendees: [' Ana Souza (contract manager) ', 'ops@acme.example'],
    notes: 'Walked the District 4 sites; two crews short.',
    actions: [
      { description: 'Send the revised crew schedule', owner: 'Vendor site supervisor', dueDate: '2026-04-20' },
      { description: 'Re-inspect the Elm St. patch' },
    ],
  };

  it('should record an engagement, audited, and list the latest first', async () => {
    const created = await record(officer, VALID);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      contractId: contract.id,
      date: '2026-04-10',
      kind: 'site_visit',
      attendees: ['Ana Souza (contract manager)', 'ops@acme.example'],
      notes: 'Walked the District 4 sites; two crews short.',
      actions: [
        { description: 'Send the revised crew schedule', owner: 'Vendor site supervisor', dueDate: '2026-04-20' },
        { description: 'Re-inspect the Elm St. patch', owner: null, dueDate: null },
      ],
      recordedBy: expect.stringMatching(/^procurement_officer /),
      createdAt: expect.any(String),
    });
    const [event] = await testApp.dataSource.getRepository(AuditEvent).findBy({ entityId: created.body.id });
    expect(event).toMatchObject({ action: 'create', entityType: 'engagement', before: null, after: created.body });

    await record(worksHead, { date: '2026-02-02', kind: 'call', attendees: ['Vendor account manager'] });
    await record(officer, { date: '2026-03-15', kind: 'meeting', attendees: ['A'], actions: [] });
    const listed = await testApp.http.get(`${path()}?limit=2`, { token: officer });
    expect(listed.status).toBe(200);
    expect(listed.body.page).toEqual({ limit: 2, offset: 0, total: 3 });
    expect(listed.body.data.map((row: any) => row.date)).toEqual(['2026-04-10', '2026-03-15']);
    const second = await testApp.http.get(`${path()}?limit=2&offset=2`, { token: worksHead });
    expect(second.body.data.map((row: any) => [row.date, row.kind, row.notes])).toEqual([['2026-02-02', 'call', null]]);
  });

  it('should refuse bad input with 400s naming the fields, and write nothing', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ ...VALID, date: undefined }, ['date']],
      [{ ...VALID, date: '2026-02-30' }, ['date']],
      [{ ...VALID, date: '2026-04-11' }, ['date']], // tomorrow in the city
      [{ ...VALID, kind: 'lunch' }, ['kind']],
      [{ ...VALID, attendees: [] }, ['attendees']],
      [{ ...VALID, attendees: 'Ana' }, ['attendees']],
      [{ ...VALID, attendees: ['Ana', ''] }, ['attendees']],
      [{ ...VALID, attendees: ['x'.repeat(201)] }, ['attendees']],
      [{ ...VALID, notes: 12 }, ['notes']],
      [{ ...VALID, actions: [{ owner: 'Ana' }] }, ['actions.0.description']],
      [{ ...VALID, actions: [{ description: 'Do it', dueDate: '20 April' }] }, ['actions.0.dueDate']],
      [{ ...VALID, actions: ['Do it'] }, ['actions.0']],
      [{ ...VALID, actions: [{ description: 'Do it', extra: 1 }] }, ['actions.0.extra']],
      [{ ...VALID, location: 'Site 4' }, ['location']],
    ];
    for (const [body, fields] of cases) {
      const response = await record(officer, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect({ body, fields: response.body.details.map((detail: any) => detail.field) }).toEqual({ body, fields });
    }
    const tomorrow = await record(officer, { ...VALID, date: '2026-04-11' });
    expect(tomorrow.body.message).toBe('date must not be after today (2026-04-10)');
    expect(await testApp.dataSource.getRepository(Engagement).count()).toBe(0);
  });

  it("should let department heads record and read only their departments' contracts, and vendors neither", async () => {
    expect((await record(worksHead, VALID)).status).toBe(201);
    expect((await record(parksHead, VALID)).status).toBe(404);
    expect((await testApp.http.get(path(), { token: parksHead })).status).toBe(404);
    expect((await testApp.http.get(path(parksContract), { token: parksHead })).status).toBe(200);
    expect((await record(vendorKey, VALID)).status).toBe(403);
    expect((await testApp.http.get(path(), { token: vendorKey })).status).toBe(403);
    expect((await testApp.http.get(path())).status).toBe(401);
    const unknown = `/api/v1/contracts/00000000-0000-4000-8000-000000000000/engagements`;
    expect((await testApp.http.post(unknown, { token: officer, body: VALID })).status).toBe(404);
    expect(await testApp.dataSource.getRepository(Engagement).count()).toBe(1);
  });

  it("should list a contract's recent engagements in the meeting pack, in JSON and on the page", async () => {
    await record(officer, VALID);
    await record(officer, { date: '2026-03-02', kind: 'meeting', attendees: ['A'] });
    await record(officer, { date: '2026-02-02', kind: 'call', attendees: ['B'] });
    await record(officer, { date: '2026-01-05', kind: 'call', attendees: ['C'] }); // a fourth: only three per contract
    await record(officer, { date: '2025-10-31', kind: 'call', attendees: ['D'] }); // before the trend's months
    await record(officer, { date: '2026-03-20', kind: 'meeting', attendees: ['Parks'] }, parksContract);
    const pack = await testApp.http.get(
      `/api/v1/reports/meeting-pack?departmentId=${works.id}&period=2026-03&format=json`,
      {
        token: officer,
      },
    );
    expect(pack.status).toBe(200);
    // The trend runs 2025-10..2026-03; the April visit is after the pack's month.
    expect(pack.body.engagements).toEqual([
      {
        contractNumber: 'W-1',
        vendorName: expect.any(String),
        date: '2026-03-02',
        kind: 'meeting',
        attendees: ['A'],
        actions: 0,
      },
      {
        contractNumber: 'W-1',
        vendorName: expect.any(String),
        date: '2026-02-02',
        kind: 'call',
        attendees: ['B'],
        actions: 0,
      },
      {
        contractNumber: 'W-1',
        vendorName: expect.any(String),
        date: '2026-01-05',
        kind: 'call',
        attendees: ['C'],
        actions: 0,
      },
    ]);
    const april = await testApp.http.get(
      `/api/v1/reports/meeting-pack?departmentId=${works.id}&period=2026-04&format=json`,
      {
        token: officer,
      },
    );
    expect(april.body.engagements.map((row: any) => [row.date, row.actions])).toEqual([
      ['2026-04-10', 2],
      ['2026-03-02', 0],
      ['2026-02-02', 0],
    ]);
    const page = await testApp.http.get(
      `/api/v1/reports/meeting-pack?departmentId=${works.id}&period=2026-04&format=html`,
      {
        token: officer,
      },
    );
    expect(page.text).toContain('Recent engagements with vendors');
    expect(page.text).toContain('<td>Site visit</td>');
    expect(page.text).toContain('<td>April 10, 2026</td>');
  });
});
