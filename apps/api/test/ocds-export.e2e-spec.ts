import { Contract, Payment, type Department, type Solicitation, type Vendor } from '#database';
import {
  createApiKey,
  createBid,
  createCertification,
  createContract,
  createDepartment,
  createEvaluation,
  createKpi,
  createSolicitation,
  createVendor,
  resetDatabase,
} from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';
import { duplicateIds, releasePackageValidator, type PackageValidator } from './support/ocds-schema.js';

const RELEASES = '/api/v1/ocds/releases';

describe('GET /api/v1/ocds/releases', () => {
  let testApp: TestApp;
  let validate: PackageValidator;
  let officer: string;
  let department: Department;
  let prime: Vendor;
  let rival: Vendor;
  let subcontractor: Vendor;
  let solicitation: Solicitation;
  let awarded: Contract;
  let direct: Contract;

  beforeAll(async () => {
    validate = releasePackageValidator();
    testApp = await createTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  const savePayment = (contract: Contract, payee: Vendor, amount: number, paidOn: string, invoiceNumber: string) =>
    testApp.dataSource.getRepository(Payment).save(
      Object.assign(new Payment(), {
        contractId: contract.id,
        payeeVendorId: payee.id,
        amount,
        paidOn,
        invoiceNumber,
      }),
    );

  beforeEach(async () => {
    const ds = () => testApp.dataSource;
    await resetDatabase(ds());
    officer = await createApiKey(ds(), 'procurement_officer');
    department = await createDepartment(ds(), { name: 'Public Works', code: 'DPW' });
    prime = await createVendor(ds(), {
      legalName: 'Acme Paving LLC',
      taxId: '12-3456789',
      addressLine1: '1 Main St',
      city: 'Springfield',
      country: 'US',
    });
    rival = await createVendor(ds(), { legalName: 'Best Roads Inc', taxId: '98-7654321' });
    subcontractor = await createVendor(ds(), { legalName: 'Small Crew Co', taxId: '55-5555555' });
    await createCertification(ds(), prime, { type: 'women_owned' });
    await createCertification(ds(), subcontractor, { type: 'minority_owned' });
    await createCertification(ds(), subcontractor, { type: 'small_business', validTo: '2027-12-31' });
    solicitation = await createSolicitation(ds(), department, {
      referenceNumber: 'RFP-2026-001',
      title: 'Street resurfacing',
      method: 'rfp',
      category: 'construction',
      estimatedValue: 500000,
      status: 'awarded',
      publishedAt: new Date('2026-01-05T14:00:00Z'),
      closedAt: new Date('2026-02-05T22:00:00Z'),
      dueAt: new Date('2026-02-05T22:00:00Z'),
      awardedAt: new Date('2026-02-20T15:00:00Z'),
    });
    const winning = await createBid(ds(), solicitation, prime, { amount: 480000 });
    await createBid(ds(), solicitation, rival, { amount: 495000.5 });
    awarded = await createContract(ds(), prime, department, {
      number: 'C-2026-001',
      title: 'Street resurfacing',
      solicitationId: solicitation.id,
      bidId: winning.id,
      value: 480000,
    });
    direct = await createContract(ds(), subcontractor, department, {
      number: 'C-2026-002',
      title: 'Emergency pothole repair',
      value: 25000,
      startDate: '2026-03-01',
      endDate: '2026-06-30',
    });
    const onTime = await createKpi(ds(), awarded, {
      name: 'On-time completion',
      unit: '%',
      target: 95,
      offTrackThreshold: 90,
    });
    await createKpi(ds(), awarded, {
      name: 'Complaints',
      unit: 'count',
      direction: 'lower_is_better',
      target: 2,
      offTrackThreshold: 5,
    });
    await createEvaluation(ds(), onTime, { period: '2026-01', value: 97, status: 'on_track' });
    await createEvaluation(ds(), onTime, { period: '2026-02', value: null, status: 'missing' });
    await savePayment(awarded, prime, 120000, '2026-03-15', 'INV-1');
    await savePayment(awarded, subcontractor, 30000.25, '2026-03-20', 'SUB-1');
    await savePayment(direct, subcontractor, 5000, '2026-04-01', 'INV-9');
    await createSolicitation(ds(), department, { referenceNumber: 'RFP-DRAFT', status: 'draft' });
  });

  const all = async () => {
    const response = await testApp.http.get(`${RELEASES}?limit=500`, { token: officer });
    expect(response.status).toBe(200);
    return response.body;
  };

  it('should publish a package that the release-package schema with the used extensions accepts', async () => {
    const body = await all();
    expect(validate(body).errors).toEqual([]);
    expect(duplicateIds(body)).toEqual([]);
    // The validator does reject what the codelists and the extensions forbid.
    const [first] = body.releases;
    expect(validate({ ...body, releases: [{ ...first, tender: { id: 't', status: 'open' } }] }).valid).toBe(false);
    expect(validate({ ...body, releases: [{ ...first, bids: { details: [{}] } }] }).valid).toBe(false);
    expect(body).toMatchObject({
      version: '1.1',
      uri: expect.stringMatching(/^http:\/\/localhost:3000\/api\/v1\/ocds\/releases\?limit=500$/),
      publisher: { name: 'Procurement Office' },
      license: expect.stringMatching(/^https:\/\//),
      extensions: expect.arrayContaining([expect.stringContaining('ocds_metrics_extension')]),
    });
    expect(body.links).toBeUndefined();
    expect(body.releases.map((release: any) => release.ocid).sort()).toEqual([
      'ocds-cpt000-C-2026-002',
      'ocds-cpt000-RFP-2026-001',
    ]);
  });

  it('should map the solicitation, its bids, award, contract, KPIs and payments', async () => {
    const release = (await all()).releases.find((item: any) => item.ocid === 'ocds-cpt000-RFP-2026-001');
    expect(release.id).toMatch(/^ocds-cpt000-RFP-2026-001-[0-9a-f]{16}$/);
    expect(release.tag).toEqual(['tender', 'award', 'contract', 'implementation']);
    expect(release.buyer).toEqual({ id: department.id, name: 'Public Works' });
    const roles = Object.fromEntries(release.parties.map((party: any) => [party.name, party.roles.sort()]));
    expect(roles).toEqual({
      'Public Works': ['buyer', 'payer'],
      'Acme Paving LLC': ['payee', 'supplier', 'tenderer'],
      'Best Roads Inc': ['tenderer'],
      'Small Crew Co': ['payee'],
    });
    const crew = release.parties.find((party: any) => party.id === subcontractor.id);
    expect(crew.identifier).toEqual({ scheme: 'CPT-TAXID', id: '55-5555555', legalName: 'Small Crew Co' });
    expect(crew.details.classifications.map((item: any) => [item.scheme, item.id])).toEqual([
      ['CPT-DIVERSITY', 'minority_owned'],
      ['CPT-DIVERSITY', 'small_business'],
    ]);
    expect(release.tender).toMatchObject({
      id: solicitation.id,
      status: 'complete',
      procurementMethod: 'open',
      procurementMethodDetails: 'rfp',
      mainProcurementCategory: 'works',
      numberOfTenderers: 2,
      value: { amount: 500000, currency: 'USD' },
      tenderPeriod: { startDate: '2026-01-05T14:00:00.000Z', endDate: '2026-02-05T22:00:00.000Z' },
    });
    expect(release.bids.details.map((bid: any) => bid.value.amount).sort()).toEqual([480000, 495000.5]);
    expect(release.awards).toEqual([
      expect.objectContaining({
        id: awarded.bidId,
        date: '2026-02-20T15:00:00.000Z',
        value: { amount: 480000, currency: 'USD' },
        suppliers: [{ id: prime.id, name: 'Acme Paving LLC' }],
      }),
    ]);
    const [contract] = release.contracts;
    expect(contract).toMatchObject({
      id: awarded.id,
      awardID: awarded.bidId,
      status: 'active',
      // Calendar dates are days in America/New_York.
      period: { startDate: '2026-01-01T05:00:00.000Z', endDate: '2027-01-01T04:59:59.000Z' },
    });
    expect(contract.implementation.transactions).toEqual([
      expect.objectContaining({
        value: { amount: 120000, currency: 'USD' },
        payer: { id: department.id, name: 'Public Works' },
        payee: { id: prime.id, name: 'Acme Paving LLC' },
        date: '2026-03-15T04:00:00.000Z',
      }),
      expect.objectContaining({
        value: { amount: 30000.25, currency: 'USD' },
        payee: { id: subcontractor.id, name: 'Small Crew Co' },
      }),
    ]);
    expect(contract.agreedMetrics.map((metric: any) => [metric.title, metric.observations[0].measure])).toEqual([
      ['Complaints', 2],
      ['On-time completion', 95],
    ]);
    const [metric] = contract.implementation.metrics;
    expect(metric.title).toBe('On-time completion');
    expect(
      metric.observations.map((observation: any) => [
        observation.dimensions.period,
        observation.measure,
        observation.dimensions.status,
      ]),
    ).toEqual([
      ['2026-01', 97, 'on_track'],
      ['2026-02', null, 'missing'],
    ]);
  });

  it('should publish a contract entered directly as its own process, without a tender', async () => {
    const release = (await all()).releases.find((item: any) => item.ocid === 'ocds-cpt000-C-2026-002');
    expect(release.tender).toBeUndefined();
    expect(release.awards).toEqual([
      expect.objectContaining({ id: direct.id, suppliers: [{ id: subcontractor.id, name: 'Small Crew Co' }] }),
    ]);
    expect(release.contracts[0]).toMatchObject({
      id: direct.id,
      awardID: direct.id,
      value: { amount: 25000, currency: 'USD' },
    });
  });

  it('should keep the release id while nothing changes and change it when the process does', async () => {
    const first = (await all()).releases.map((release: any) => release.id);
    expect((await all()).releases.map((release: any) => release.id)).toEqual(first);
    await testApp.dataSource.query(`UPDATE contracts SET value = 480001 WHERE id = $1`, [awarded.id]);
    const second = (await all()).releases.map((release: any) => release.id);
    expect(second).toHaveLength(2);
    expect(second.filter((id: string) => first.includes(id))).toHaveLength(1);
  });

  it('should page with links.next until every process has been published once', async () => {
    for (let n = 0; n < 3; n++) {
      await createContract(testApp.dataSource, prime, department, { number: `C-EXTRA-${n}` });
    }
    const ocids: string[] = [];
    let path: string | null = `${RELEASES}?limit=2`;
    let pages = 0;
    while (path) {
      const response: any = await testApp.http.get(path, { token: officer });
      expect(response.status).toBe(200);
      expect(response.body.releases.length).toBeLessThanOrEqual(2);
      expect(validate(response.body).errors).toEqual([]);
      ocids.push(...response.body.releases.map((release: any) => release.ocid));
      const next: string | undefined = response.body.links?.next;
      path = next ? next.replace('http://localhost:3000', '') : null;
      pages++;
    }
    expect(pages).toBe(3);
    expect(new Set(ocids).size).toBe(5);
    expect(ocids).toHaveLength(5);
  });

  it('should list only processes changed since the given instant', async () => {
    await testApp.dataSource.query(`UPDATE solicitations SET updated_at = '2025-01-01T00:00:00Z'`);
    await testApp.dataSource.query(`UPDATE bids SET created_at = '2025-01-01T00:00:00Z'`);
    await testApp.dataSource.query(`UPDATE contracts SET updated_at = '2025-01-01T00:00:00Z'`);
    await testApp.dataSource.query(`UPDATE kpis SET updated_at = '2025-01-01T00:00:00Z'`);
    await testApp.dataSource.query(`UPDATE kpi_evaluations SET evaluated_at = '2025-01-01T00:00:00Z'`);
    await testApp.dataSource.query(`UPDATE payments SET created_at = '2025-01-01T00:00:00Z'`);
    const since = (instant: string) =>
      testApp.http.get(`${RELEASES}?since=${encodeURIComponent(instant)}`, { token: officer });
    expect((await since('2025-06-01T00:00:00Z')).body.releases).toEqual([]);
    // A payment on the direct contract changes that process only.
    await savePayment(direct, subcontractor, 100, '2026-05-01', 'INV-10');
    const changed = await since('2025-06-01T00:00:00-04:00');
    expect(changed.body.releases.map((release: any) => release.ocid)).toEqual(['ocds-cpt000-C-2026-002']);
    expect((await since('2024-12-31T23:00:00Z')).body.releases).toHaveLength(2);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=ten', 'limit'],
    ['since=2026-01-01', 'since'],
    ['since=yesterday', 'since'],
    ['cursor=not*a*cursor', 'cursor'],
    ['cursor=bm9wZQ', 'cursor'],
    ['offset=5', 'offset'],
  ])('should answer 400 for %s', async (query, field) => {
    const response = await testApp.http.get(`${RELEASES}?${query}`, { token: officer });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('should answer 401 without a key and 403 to department heads and vendors', async () => {
    expect((await testApp.http.get(RELEASES)).status).toBe(401);
    const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [department] });
    const vendorKey = await createApiKey(testApp.dataSource, 'vendor', { vendor: prime });
    expect((await testApp.http.get(RELEASES, { token: head })).status).toBe(403);
    expect((await testApp.http.get(RELEASES, { token: vendorKey })).status).toBe(403);
    const admin = await createApiKey(testApp.dataSource, 'admin');
    expect((await testApp.http.get(RELEASES, { token: admin })).status).toBe(200);
  });
});
