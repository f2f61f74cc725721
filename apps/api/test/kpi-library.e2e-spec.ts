import { AuditEvent, insertStarterLibraryKpis, Kpi, LibraryKpi, STARTER_LIBRARY_KPIS, type Contract } from '#database';
import {
  createApiKey,
  createContract,
  createDepartment,
  createKpi,
  createLibraryKpi,
  createSolicitation,
  createVendor,
  createBid,
  resetDatabase,
} from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const paratransit = {
  name: 'On-time paratransit pickups',
  category: 'transportation',
  unit: '%',
  direction: 'higher_is_better',
  description: 'Share of trips picked up within the 30-minute window.',
  suggestedTarget: 92,
  suggestedOffTrackThreshold: 85,
};

describe('KPI library', () => {
  let testApp: TestApp;
  let officer: string;
  let head: string;
  let vendorKey: string;
  let contract: Contract;

  const count = async (entity: new () => object) => testApp.dataSource.getRepository(entity).count();

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  beforeEach(async () => {
    const ds = testApp.dataSource;
    await resetDatabase(ds);
    const department = await createDepartment(ds);
    const vendor = await createVendor(ds);
    officer = await createApiKey(ds, 'procurement_officer');
    head = await createApiKey(ds, 'department_head', { departments: [department] });
    vendorKey = await createApiKey(ds, 'vendor', { vendor });
    contract = await createContract(ds, vendor, department);
  });

  afterAll(async () => {
    await testApp.close();
  });

  describe('entries and versions', () => {
    it('should hold the starter set, each entry at version 1, and filter it by category', async () => {
      await insertStarterLibraryKpis(testApp.dataSource);
      const all = await testApp.http.get('/api/v1/kpi-library?limit=500', { token: officer });
      expect(all.status).toBe(200);
      expect(all.body.page).toEqual({ limit: 500, offset: 0, total: STARTER_LIBRARY_KPIS.length });
      expect(all.body.data.every((entry: { version: number }) => entry.version === 1)).toBe(true);

      const streets = await testApp.http.get('/api/v1/kpi-library?category=streets', { token: vendorKey });
      expect(streets.status).toBe(200);
      expect(streets.body.data.map((entry: { name: string }) => entry.name)).toEqual([
        'Graffiti removed within 48 hours',
        'Potholes repaired within 72 hours',
        'Streetlight outages repaired within 7 days',
      ]);
      expect(streets.body.data[1]).toEqual({
        id: STARTER_LIBRARY_KPIS[0].id,
        entryId: STARTER_LIBRARY_KPIS[0].id,
        version: 1,
        latestVersion: 1,
        name: 'Potholes repaired within 72 hours',
        category: 'streets',
        unit: '%',
        direction: 'higher_is_better',
        description: 'Share of reported potholes repaired within 72 hours of the report.',
        suggestedTarget: 90,
        suggestedOffTrackThreshold: 80,
        createdAt: expect.any(String),
      });
    });

    it('should create an entry at version 1 and audit it', async () => {
      const response = await testApp.http.post('/api/v1/kpi-library', { token: officer, body: paratransit });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        ...paratransit,
        id: expect.any(String),
        entryId: response.body.id,
        version: 1,
        latestVersion: 1,
        createdAt: expect.any(String),
      });
      const audit = await testApp.dataSource.getRepository(AuditEvent).findOneByOrFail({ entityId: response.body.id });
      expect([audit.action, audit.entityType]).toEqual(['create', 'library_kpi']);
      const read = await testApp.http.get(`/api/v1/kpi-library/${response.body.id}`, { token: head });
      expect(read.status).toBe(200);
      expect(read.body).toEqual(response.body);
    });

    it.each([
      ['no name', { name: undefined }, 'name', 'name is required'],
      [
        'a category that does not exist',
        { category: 'roads' },
        'category',
        expect.stringMatching(/^category must be one of streets, /),
      ],
      [
        'a direction that does not exist',
        { direction: 'up' },
        'direction',
        'direction must be one of higher_is_better, lower_is_better',
      ],
      ['no description', { description: '' }, 'description', 'description should not be empty'],
      ['a target given as text', { suggestedTarget: '92' }, 'suggestedTarget', expect.any(String)],
      [
        'a threshold above the target when higher is better',
        { suggestedOffTrackThreshold: 93 },
        'suggestedOffTrackThreshold',
        'suggestedOffTrackThreshold must not be above suggestedTarget when higher is better',
      ],
      ['a version of its own', { version: 3 }, 'version', 'version is not an allowed field'],
    ])('should answer 400 for %s and create nothing', async (_case, change, field, message) => {
      const response = await testApp.http.post('/api/v1/kpi-library', {
        token: officer,
        body: { ...paratransit, ...change },
      });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual(expect.arrayContaining([{ field, message }]));
      expect(await count(LibraryKpi)).toBe(0);
    });

    it('should answer 409 for a name another entry has, whatever its letter case', async () => {
      await createLibraryKpi(testApp.dataSource, { name: 'On-time paratransit pickups' });
      const response = await testApp.http.post('/api/v1/kpi-library', {
        token: officer,
        body: { ...paratransit, name: 'ON-TIME Paratransit Pickups' },
      });
      expect(response.status).toBe(409);
      expect(response.body.details).toEqual([{ field: 'name', message: 'name is already taken' }]);
      expect(await count(LibraryKpi)).toBe(1);
    });

    it('should let every role read the library and only officers write it', async () => {
      const entry = await createLibraryKpi(testApp.dataSource);
      for (const token of [officer, head, vendorKey]) {
        expect((await testApp.http.get(`/api/v1/kpi-library/${entry.id}`, { token })).status).toBe(200);
      }
      for (const token of [head, vendorKey]) {
        expect((await testApp.http.post('/api/v1/kpi-library', { token, body: paratransit })).status).toBe(403);
        const edit = await testApp.http.post(`/api/v1/kpi-library/${entry.id}/versions`, {
          token,
          body: { suggestedTarget: 95 },
        });
        expect(edit.status).toBe(403);
      }
      expect(await count(LibraryKpi)).toBe(1);
    });

    it('should answer 404 for an unknown version and 400 for an id that is not a UUID', async () => {
      const unknown = await testApp.http.get(`/api/v1/kpi-library/${UNKNOWN}`, { token: officer });
      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toBe(`Library KPI ${UNKNOWN} was not found`);
      const edit = await testApp.http.post(`/api/v1/kpi-library/${UNKNOWN}/versions`, {
        token: officer,
        body: { suggestedTarget: 95 },
      });
      expect(edit.status).toBe(404);
      const malformed = await testApp.http.get('/api/v1/kpi-library/42', { token: officer });
      expect(malformed.status).toBe(400);
      expect(malformed.body.details).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
    });

    it('should write the next version on edit, copy what is not changed and leave the old version as it was', async () => {
      const first = (await testApp.http.post('/api/v1/kpi-library', { token: officer, body: paratransit })).body;
      const edit = await testApp.http.post(`/api/v1/kpi-library/${first.id}/versions`, {
        token: officer,
        body: { name: 'Paratransit pickups on time', suggestedTarget: 95, suggestedOffTrackThreshold: 90 },
      });
      expect(edit.status).toBe(201);
      expect(edit.body).toEqual({
        ...paratransit,
        name: 'Paratransit pickups on time',
        suggestedTarget: 95,
        suggestedOffTrackThreshold: 90,
        id: expect.not.stringMatching(first.id),
        entryId: first.id,
        version: 2,
        latestVersion: 2,
        createdAt: expect.any(String),
      });

      const old = await testApp.http.get(`/api/v1/kpi-library/${first.id}`, { token: officer });
      expect(old.body).toEqual({ ...first, latestVersion: 2 });
      const latest = await testApp.http.get('/api/v1/kpi-library', { token: officer });
      expect(latest.body.data.map((entry: { id: string }) => entry.id)).toEqual([edit.body.id]);
      const versions = await testApp.http.get(`/api/v1/kpi-library?entryId=${first.id}`, { token: officer });
      expect(versions.body.data.map((entry: { version: number }) => entry.version)).toEqual([1, 2]);
      const audit = await testApp.dataSource.getRepository(AuditEvent).findOneByOrFail({ entityId: edit.body.id });
      expect(audit.action).toBe('create_version');
      expect(audit.before).toEqual(expect.objectContaining({ id: first.id, version: 1 }));
    });

    it('should answer 409 for an edit of a version that is no longer the latest', async () => {
      const first = await createLibraryKpi(testApp.dataSource);
      await createLibraryKpi(testApp.dataSource, { entryId: first.id, version: 2, name: first.name });
      const response = await testApp.http.post(`/api/v1/kpi-library/${first.id}/versions`, {
        token: officer,
        body: { suggestedTarget: 95 },
      });
      expect(response.status).toBe(409);
      expect(response.body.message).toBe(
        `Library KPI ${first.id} is version 1 of its entry; the latest is version 2: edit that one`,
      );
      expect(await count(LibraryKpi)).toBe(2);
    });

    it.each([
      ['a unit (fixed for the entry)', { unit: 'trips' }, 'unit', 'unit is not an allowed field'],
      [
        'a direction (fixed for the entry)',
        { direction: 'lower_is_better' },
        'direction',
        'direction is not an allowed field',
      ],
      ['a null name', { name: null }, 'name', 'name must be a string'],
      [
        'a threshold on the wrong side of the copied target',
        { suggestedOffTrackThreshold: 91 },
        'suggestedOffTrackThreshold',
        'suggestedOffTrackThreshold must not be above suggestedTarget when higher is better',
      ],
    ])('should answer 400 for an edit with %s and write no version', async (_case, body, field, message) => {
      const first = await createLibraryKpi(testApp.dataSource);
      const response = await testApp.http.post(`/api/v1/kpi-library/${first.id}/versions`, { token: officer, body });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual(expect.arrayContaining([{ field, message }]));
      expect(await count(LibraryKpi)).toBe(1);
    });

    it('should answer 400 for an edit that changes nothing', async () => {
      const first = await createLibraryKpi(testApp.dataSource, { suggestedTarget: 90 });
      const response = await testApp.http.post(`/api/v1/kpi-library/${first.id}/versions`, {
        token: officer,
        body: { suggestedTarget: 90 },
      });
      expect(response.status).toBe(400);
      expect(response.body.message).toBe('Nothing changes: the new version would equal version 1');
      expect(await count(LibraryKpi)).toBe(1);
    });

    it('should answer 409 for an edit that takes the name of another entry', async () => {
      await createLibraryKpi(testApp.dataSource, { name: 'Taken' });
      const first = await createLibraryKpi(testApp.dataSource);
      const response = await testApp.http.post(`/api/v1/kpi-library/${first.id}/versions`, {
        token: officer,
        body: { name: 'taken' },
      });
      expect(response.status).toBe(409);
      expect(await count(LibraryKpi)).toBe(2);
    });
  });

  describe('KPIs pinning a version', () => {
    const addKpi = (body: object) =>
      testApp.http.post(`/api/v1/contracts/${contract.id}/kpis`, { token: officer, body });

    it("should take the version's definition and suggested figures, and keep them when the library is edited", async () => {
      const first = await createLibraryKpi(testApp.dataSource, {
        name: 'Service uptime',
        unit: '%',
        description: 'Minutes available.',
        suggestedTarget: 99.9,
        suggestedOffTrackThreshold: 99.5,
      });
      const created = await addKpi({ libraryKpiId: first.id, frequency: 'monthly' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual(
        expect.objectContaining({
          name: 'Service uptime',
          description: 'Minutes available.',
          unit: '%',
          direction: 'higher_is_better',
          target: 99.9,
          offTrackThreshold: 99.5,
          frequency: 'monthly',
          libraryKpiId: first.id,
        }),
      );

      const edit = await testApp.http.post(`/api/v1/kpi-library/${first.id}/versions`, {
        token: officer,
        body: { name: 'Service availability', suggestedTarget: 99.95 },
      });
      expect(edit.status).toBe(201);
      const kpi = await testApp.http.get(`/api/v1/kpis/${created.body.id}`, { token: officer });
      expect(kpi.body).toEqual(created.body);
    });

    it("should keep the officer's target and threshold over the suggested ones", async () => {
      const version = await createLibraryKpi(testApp.dataSource);
      const created = await addKpi({
        libraryKpiId: version.id,
        frequency: 'quarterly',
        target: 95,
        offTrackThreshold: 85,
      });
      expect(created.status).toBe(201);
      expect([created.body.target, created.body.offTrackThreshold]).toEqual([95, 85]);
    });

    it.each([
      [
        'a name besides libraryKpiId',
        { name: 'Mine' },
        'name',
        'name comes from the library KPI named by libraryKpiId; leave it out',
      ],
      [
        'a unit besides libraryKpiId',
        { unit: 'h' },
        'unit',
        'unit comes from the library KPI named by libraryKpiId; leave it out',
      ],
      [
        'a threshold above the suggested target',
        { offTrackThreshold: 95 },
        'offTrackThreshold',
        'offTrackThreshold must not be above target when higher is better',
      ],
      [
        'a library KPI that does not exist',
        { libraryKpiId: UNKNOWN },
        'libraryKpiId',
        `library KPI ${UNKNOWN} does not exist`,
      ],
      ['a libraryKpiId that is not a UUID', { libraryKpiId: 'uptime' }, 'libraryKpiId', 'libraryKpiId must be a UUID'],
    ])('should answer 400 for %s and create no KPI', async (_case, change, field, message) => {
      const version = await createLibraryKpi(testApp.dataSource);
      const response = await addKpi({ libraryKpiId: version.id, frequency: 'monthly', ...change });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual(expect.arrayContaining([{ field, message }]));
      expect(await count(Kpi)).toBe(0);
    });

    it('should still require the definition of a KPI of its own', async () => {
      const response = await addKpi({ frequency: 'monthly', target: 95, offTrackThreshold: 90 });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual(
        expect.arrayContaining([
          { field: 'name', message: 'name is required' },
          { field: 'unit', message: 'unit is required' },
        ]),
      );
    });

    it("should refuse to change a pinned KPI's definition, and move it to another version on request", async () => {
      const first = await createLibraryKpi(testApp.dataSource, { name: 'Pickups on time' });
      const second = await createLibraryKpi(testApp.dataSource, {
        entryId: first.id,
        version: 2,
        name: 'Pickups within the window',
        description: 'Revised.',
      });
      const kpi = await createKpi(testApp.dataSource, contract, {
        name: 'Pickups on time',
        libraryKpiId: first.id,
        target: 93,
        offTrackThreshold: 88,
      });

      const rename = await testApp.http.patch(`/api/v1/kpis/${kpi.id}`, { token: officer, body: { name: 'Mine' } });
      expect(rename.status).toBe(400);
      expect(rename.body.details).toEqual([
        {
          field: 'name',
          message: `name comes from library KPI ${first.id}; pin another version with libraryKpiId to change it`,
        },
      ]);

      const move = await testApp.http.patch(`/api/v1/kpis/${kpi.id}`, {
        token: officer,
        body: { libraryKpiId: second.id },
      });
      expect(move.status).toBe(200);
      expect(move.body).toEqual(
        expect.objectContaining({
          name: 'Pickups within the window',
          description: 'Revised.',
          target: 93,
          offTrackThreshold: 88,
          libraryKpiId: second.id,
        }),
      );
      const target = await testApp.http.patch(`/api/v1/kpis/${kpi.id}`, { token: officer, body: { target: 94 } });
      expect(target.status).toBe(200);
      expect(target.body.libraryKpiId).toBe(second.id);
    });

    it('should carry a pinned template from the solicitation to the awarded contract', async () => {
      const ds = testApp.dataSource;
      const version = await createLibraryKpi(ds, {
        name: 'Exits to permanent housing',
        suggestedTarget: 40,
        suggestedOffTrackThreshold: 30,
      });
      const department = await createDepartment(ds);
      const created = await testApp.http.post('/api/v1/solicitations', {
        token: officer,
        body: {
          referenceNumber: 'RFP-2026-100',
          title: 'Rapid rehousing',
          departmentId: department.id,
          category: 'services',
          method: 'rfp',
          kpiTemplates: [
            { libraryKpiId: version.id, frequency: 'quarterly' },
            {
              name: 'Households enrolled',
              unit: 'households',
              direction: 'higher_is_better',
              target: 50,
              offTrackThreshold: 40,
              frequency: 'monthly',
            },
          ],
        },
      });
      expect(created.status).toBe(201);
      expect(created.body.kpiTemplates[0]).toEqual({
        name: 'Exits to permanent housing',
        description: 'A measure of the library.',
        unit: '%',
        direction: 'higher_is_better',
        target: 40,
        offTrackThreshold: 30,
        frequency: 'quarterly',
        libraryKpiId: version.id,
      });

      const vendor = await createVendor(ds);
      // The stored templates, on a solicitation closed for bids (the lifecycle has its own tests).
      const solicitation = await createSolicitation(ds, department, {
        status: 'closed',
        kpiTemplates: created.body.kpiTemplates,
      });
      const bid = await createBid(ds, solicitation, vendor);
      const award = await testApp.http.post(`/api/v1/solicitations/${solicitation.id}/award`, {
        token: officer,
        body: {
          bidId: bid.id,
          contract: {
            number: 'C-HOUSING-1',
            startDate: '2026-01-01',
            endDate: '2026-12-31',
            managerEmail: 'm@city.example',
          },
        },
      });
      expect(award.status).toBe(201);
      const pinned = award.body.kpis.find((kpi: { name: string }) => kpi.name === 'Exits to permanent housing');
      expect(pinned.libraryKpiId).toBe(version.id);
      expect(
        award.body.kpis.find((kpi: { name: string }) => kpi.name === 'Households enrolled').libraryKpiId,
      ).toBeNull();
    });

    it('should answer 400 for templates whose names repeat once taken from the library', async () => {
      const version = await createLibraryKpi(testApp.dataSource, { name: 'Same' });
      const department = await createDepartment(testApp.dataSource);
      const response = await testApp.http.post('/api/v1/solicitations', {
        token: officer,
        body: {
          referenceNumber: 'RFP-2026-101',
          title: 'Twice',
          departmentId: department.id,
          category: 'services',
          method: 'rfp',
          kpiTemplates: [
            { libraryKpiId: version.id, frequency: 'monthly' },
            {
              name: 'Same',
              unit: '%',
              direction: 'higher_is_better',
              target: 9,
              offTrackThreshold: 8,
              frequency: 'monthly',
            },
          ],
        },
      });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([
        { field: 'kpiTemplates', message: 'kpiTemplates must not repeat a KPI name' },
      ]);
    });
  });
});
