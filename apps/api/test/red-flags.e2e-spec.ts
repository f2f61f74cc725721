import { Payment, type Department, type Solicitation, type Vendor } from '#database';
import type { ProcurementMethod, SolicitationStatus } from '#domain';
import {
  createApiKey,
  createBid,
  createContract,
  createDepartment,
  createSolicitation,
  createVendor,
  resetDatabase,
} from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';

const REPORT = '/api/v1/reports/red-flags';
// Thresholds the tests set, so that each "just inside" case sits one step from its threshold.
const THRESHOLDS = 'r024Threshold=0.02&r058Threshold=0.5&r013MinValue=50000';

type Tender = {
  method?: ProcurementMethod;
  status?: SolicitationStatus;
  publishedAt?: string;
  dueAt?: string;
  /** Amounts, or amounts with their submission instants. */
  bids?: (number | { amount: number; submittedAt: string })[];
  /** The index of the winning bid: awards the solicitation with a contract of that bid's amount. */
  winner?: number;
  payments?: number[];
  department?: Department;
};

/*
 * Every solicitation is published on 2026-01-05 at 14:00 UTC with bids due 2026-02-05 at 22:00 UTC (31 days),
 * closed, by invitation for bids (ifb), with two bids of 100,000 and 120,000 submitted before the deadline
 * (a difference of 0.2), unless it says otherwise. Each pair below trips one flag and sits just inside it:
 *
 *   R003-TRIP due 2026-01-20T13:59:59Z: 14 whole days < 15      R003-OK due 2026-01-20T14:00:00Z: 15 days
 *   R018-TRIP one bid                                           R018-OK two bids; RFQ-1 one bid, not competitive
 *   R024-TRIP awarded 100,000 vs 102,000: 0.02 <= 0.02          R024-OK 102,000.01: 0.0200001
 *   R058-TRIP awarded 100,000 vs 150,000: 0.5 >= 0.5            R058-OK 149,999.99
 *   R028-TRIP 100,000 and 100,000                               R028-OK 100,000 and 100,000.01
 *   R030-TRIP awarded, winning bid 1 s after the deadline       R030-OK winning bid at the deadline
 *   R013-TRIP sole source awarded 50,000 >= 50,000              R013-OK sole source 49,999.99
 *   R068-TRIP awarded 100,000, paid 60,000 + 40,000.01          R068-OK paid 60,000 + 40,000
 *   PRK-1 (Parks) one bid: R018, for officers only
 * Left out: OUT-1 (one bid) published 2026-01-01T03:00Z, 31 December in New York; DRAFT-1.
 */
describe('GET /api/v1/reports/red-flags', () => {
  let testApp: TestApp;
  let officer: string;
  let worksHead: string;
  let vendorKey: string;
  let works: Department;
  let parks: Department;
  let vendors: Vendor[];

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  const tender = async (referenceNumber: string, spec: Tender = {}): Promise<Solicitation> => {
    const ds = testApp.dataSource;
    const bids = spec.bids ?? [100000, 120000];
    const awarded = spec.winner !== undefined;
    const solicitation = await createSolicitation(ds, spec.department ?? works, {
      referenceNumber,
      title: `Tender ${referenceNumber}`,
      method: spec.method ?? 'ifb',
      status: awarded ? 'awarded' : (spec.status ?? 'closed'),
      publishedAt: new Date(spec.publishedAt ?? '2026-01-05T14:00:00Z'),
      dueAt: new Date(spec.dueAt ?? '2026-02-05T22:00:00Z'),
      closedAt: new Date('2026-02-06T15:00:00Z'),
      awardedAt: awarded ? new Date('2026-02-20T15:00:00Z') : null,
    });
    const saved = [];
    for (const [index, bid] of bids.entries()) {
      const { amount, submittedAt } =
        typeof bid === 'number' ? { amount: bid, submittedAt: '2026-02-01T12:00:00Z' } : bid;
      saved.push(await createBid(ds, solicitation, vendors[index]!, { amount, submittedAt: new Date(submittedAt) }));
    }
    if (awarded) {
      const winning = saved[spec.winner!]!;
      const contract = await createContract(ds, vendors[spec.winner!]!, spec.department ?? works, {
        number: `C-${referenceNumber}`,
        solicitationId: solicitation.id,
        bidId: winning.id,
        value: winning.amount,
      });
      for (const [index, amount] of (spec.payments ?? []).entries()) {
        await ds.getRepository(Payment).save(
          Object.assign(new Payment(), {
            contractId: contract.id,
            payeeVendorId: contract.vendorId,
            amount,
            paidOn: '2026-04-01',
            invoiceNumber: `INV-${index}`,
          }),
        );
      }
    }
    return solicitation;
  };

  beforeEach(async () => {
    const ds = testApp.dataSource;
    await resetDatabase(ds);
    works = await createDepartment(ds, { code: 'WRK' });
    parks = await createDepartment(ds, { code: 'PRK' });
    vendors = [await createVendor(ds), await createVendor(ds), await createVendor(ds)];
    officer = await createApiKey(ds, 'procurement_officer');
    worksHead = await createApiKey(ds, 'department_head', { departments: [works] });
    vendorKey = await createApiKey(ds, 'vendor', { vendor: vendors[0] });

    await tender('R003-TRIP', { dueAt: '2026-01-20T13:59:59Z' });
    await tender('R003-OK', { dueAt: '2026-01-20T14:00:00Z' });
    await tender('R018-TRIP', { bids: [90000] });
    await tender('R018-OK');
    await tender('RFQ-1', { method: 'rfq', bids: [90000] });
    await tender('R024-TRIP', { bids: [100000, 102000], winner: 0 });
    await tender('R024-OK', { bids: [100000, 102000.01], winner: 0 });
    await tender('R058-TRIP', { bids: [100000, 150000], winner: 0 });
    await tender('R058-OK', { bids: [100000, 149999.99], winner: 0 });
    await tender('R028-TRIP', { bids: [100000, 100000] });
    await tender('R028-OK', { bids: [100000, 100000.01] });
    await tender('R030-TRIP', {
      bids: [{ amount: 100000, submittedAt: '2026-02-05T22:00:01Z' }, 120000],
      winner: 0,
    });
    await tender('R030-OK', { bids: [{ amount: 100000, submittedAt: '2026-02-05T22:00:00Z' }, 120000], winner: 0 });
    await tender('R013-TRIP', { method: 'sole_source', bids: [50000], winner: 0 });
    await tender('R013-OK', { method: 'sole_source', bids: [49999.99], winner: 0 });
    await tender('R068-TRIP', { winner: 0, payments: [60000, 40000.01] });
    await tender('R068-OK', { winner: 0, payments: [60000, 40000] });
    await tender('PRK-1', { department: parks, bids: [90000] });
    await tender('OUT-1', { publishedAt: '2026-01-01T03:00:00Z', bids: [90000] });
    await createSolicitation(ds, works, { referenceNumber: 'DRAFT-1', status: 'draft' });
  });

  const get = (query: string, token = officer) => testApp.http.get(`${REPORT}?${query}`, { token });

  it('should flag each solicitation built to trip a flag, with the figures that raised it, and none just inside', async () => {
    const response = await get(`from=2026-01&to=2026-03&${THRESHOLDS}`);
    expect(response.status).toBe(200);
    const report = response.body;
    expect(report).toMatchObject({ from: '2026-01', to: '2026-03', departmentId: null, definitionsVersion: 1 });
    expect(report.solicitations).toBe(18);
    const flagsOf = Object.fromEntries(
      report.flagged.map((row: any) => [row.referenceNumber, row.flags.map((flag: any) => flag.id)]),
    );
    expect(flagsOf).toEqual({
      'PRK-1': ['R018'],
      'R003-TRIP': ['R003'],
      'R013-TRIP': ['R013'],
      'R018-TRIP': ['R018'],
      'R024-TRIP': ['R024'],
      'R028-TRIP': ['R028'],
      'R030-TRIP': ['R030'],
      'R058-TRIP': ['R058'],
      'R068-TRIP': ['R068'],
    });
    // Department code, then reference number.
    expect(report.flagged.map((row: any) => row.referenceNumber)[0]).toBe('PRK-1');

    const figures = Object.fromEntries(
      report.flagged
        .filter((row: any) => row.referenceNumber !== 'R013-TRIP')
        .map((row: any) => [row.referenceNumber, { value: row.flags[0].value, ...row.flags[0].figures }]),
    );
    expect(figures).toEqual({
      'PRK-1': { value: 1, bids: 1, method: 'ifb' },
      'R003-TRIP': { value: 14, days: 14, publishedAt: '2026-01-05T14:00:00.000Z', dueAt: '2026-01-20T13:59:59.000Z' },
      'R018-TRIP': { value: 1, bids: 1, method: 'ifb' },
      'R024-TRIP': { value: 0.02, winningBid: 100000, secondLowestBid: 102000, difference: 0.02 },
      'R028-TRIP': { value: 100000, amount: 100000, bids: 2 },
      'R030-TRIP': {
        value: 1,
        dueAt: '2026-02-05T22:00:00.000Z',
        submittedAt: '2026-02-05T22:00:01.000Z',
        lateBySeconds: 1,
      },
      'R058-TRIP': { value: 0.5, winningBid: 100000, secondLowestBid: 150000, difference: 0.5 },
      'R068-TRIP': {
        value: 0.01,
        contracts: [{ contractNumber: 'C-R068-TRIP', value: 100000, paid: 100000.01, excess: 0.01 }],
      },
    });
    const [r013] = report.flagged.find((row: any) => row.referenceNumber === 'R013-TRIP').flags;
    expect(r013).toEqual({
      id: 'R013',
      value: 50000,
      figures: { method: 'sole_source', value: 50000, valueOf: 'award' },
    });
    expect(report.flagged.find((row: any) => row.referenceNumber === 'R003-TRIP')).toMatchObject({
      title: 'Tender R003-TRIP',
      departmentCode: 'WRK',
      departmentId: works.id,
      method: 'ifb',
      status: 'closed',
      isKeyProcurement: false,
    });

    const summary = Object.fromEntries(
      report.flags.map((flag: any) => [flag.id, [flag.examined, flag.flagged, flag.threshold]]),
    );
    expect(summary).toEqual({
      R003: [18, 1, { minDays: 15 }],
      R013: [18, 1, { minValue: 50000 }],
      R018: [15, 2, {}],
      R024: [8, 1, { threshold: 0.02 }],
      R028: [13, 1, {}],
      R030: [10, 1, {}],
      R058: [8, 1, { threshold: 0.5 }],
      R068: [10, 1, { tolerancePercent: 0 }],
    });
    expect(report.flags[0]).toMatchObject({ id: 'R003', title: 'Short submission period' });
  });

  it('should move with its thresholds', async () => {
    const report = (
      await get(
        'from=2026-01&to=2026-03&r003MinDays=16&r013MinValue=0&r024Threshold=0.2&r058Threshold=0.2&r068TolerancePercent=0.01',
      )
    ).body;
    const count = (id: string) => report.flags.find((flag: any) => flag.id === id).flagged;
    // 15 days is now short; every direct purchase counts; differences of 0.2 (the two-bid default) are both close
    // and discounted (R024 0.02, 0.02 and four of 0.2; R058 0.5, 0.4999999 and the same four); an excess of 0.01 on
    // 100,000 is within 0.01 % (10).
    expect(count('R003')).toBe(2);
    expect(count('R013')).toBe(2);
    expect(count('R024')).toBe(6);
    expect(count('R058')).toBe(6);
    expect(count('R068')).toBe(0);
  });

  it("should take R024's and R058's thresholds from the fences of the report's differences by default", async () => {
    await resetDatabase(testApp.dataSource);
    works = await createDepartment(testApp.dataSource, { code: 'WRK' });
    vendors = [await createVendor(testApp.dataSource), await createVendor(testApp.dataSource)];
    officer = await createApiKey(testApp.dataSource, 'procurement_officer');
    // Differences 0.01, 0.10, 0.12, 0.14, 0.16, 0.50: Q1 = 0.10 + 0.25 × 0.02 = 0.105, Q3 = 0.14 + 0.75 × 0.02
    // = 0.155 (continuous percentiles), IQR 0.05: lower fence 0.105 − 0.075 = 0.03, upper 0.155 + 0.075 = 0.23.
    for (const [index, second] of [101000, 110000, 112000, 114000, 116000, 150000].entries()) {
      await tender(`F-${index}`, { bids: [100000, second], winner: 0 });
    }
    const report = (await get('from=2026-01&to=2026-01')).body;
    const flag = (id: string) => report.flags.find((entry: any) => entry.id === id);
    expect(flag('R024').threshold).toEqual({ lowerFence: 0.03, differences: 6, q1: 0.105, q3: 0.155 });
    expect(flag('R058').threshold).toEqual({ upperFence: 0.23, differences: 6, q1: 0.105, q3: 0.155 });
    const raised = report.flagged.flatMap((row: any) =>
      row.flags.map((entry: any) => `${row.referenceNumber} ${entry.id}`),
    );
    expect(raised.filter((entry: string) => /R024|R058/.test(entry))).toEqual(['F-0 R024', 'F-5 R058']);
  });

  it('should write one CSV row per flag raised, with its threshold and figures', async () => {
    const response = await get(`from=2026-01&to=2026-03&departmentId=${works.id}&format=csv&${THRESHOLDS}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="red-flags_2026-01_2026-03.csv"');
    const lines = response.text.trim().split('\n');
    expect(lines[0]).toBe(
      'department,referenceNumber,title,method,isKeyProcurement,flag,flagTitle,value,threshold,figures',
    );
    expect(lines).toHaveLength(9);
    expect(lines).toContain(
      'WRK,R024-TRIP,Tender R024-TRIP,ifb,false,R024,Price close to the winning bid,0.02,threshold=0.02,' +
        'winningBid=100000; secondLowestBid=102000; difference=0.02',
    );
    expect(lines).toContain(
      'WRK,R030-TRIP,Tender R030-TRIP,ifb,false,R030,Late bid won,1,,' +
        'dueAt=2026-02-05T22:00:00.000Z; submittedAt=2026-02-05T22:00:01.000Z; lateBySeconds=1',
    );
    expect(lines.some((line) => line.startsWith('PRK'))).toBe(false);
  });

  it('should give department heads their departments only, and vendors 403', async () => {
    const own = (await get(`from=2026-01&to=2026-03&${THRESHOLDS}`, worksHead)).body;
    expect(own.solicitations).toBe(17);
    expect(own.flagged.map((row: any) => row.departmentCode)).not.toContain('PRK');
    expect(own.flagged).toHaveLength(8);
    expect((await get(`from=2026-01&to=2026-03&departmentId=${parks.id}`, worksHead)).status).toBe(404);
    const officerParks = (await get(`from=2026-01&to=2026-03&departmentId=${parks.id}`)).body;
    expect(officerParks.flagged.map((row: any) => row.referenceNumber)).toEqual(['PRK-1']);
    expect((await get('from=2026-01&to=2026-03', vendorKey)).status).toBe(403);
  });

  it('should refuse bad parameters with 400s naming them', async () => {
    const cases: [string, string][] = [
      ['to=2026-03', 'from'],
      ['from=2026-13&to=2026-03', 'from'],
      ['from=2026-04&to=2026-03', 'from'],
      ['from=2026-01&to=2026-03&format=pdf', 'format'],
      ['from=2026-01&to=2026-03&r003MinDays=0', 'r003MinDays'],
      ['from=2026-01&to=2026-03&r003MinDays=1.5', 'r003MinDays'],
      ['from=2026-01&to=2026-03&r013MinValue=-1', 'r013MinValue'],
      ['from=2026-01&to=2026-03&r024Threshold=abc', 'r024Threshold'],
      ['from=2026-01&to=2026-03&r058Threshold=-0.1', 'r058Threshold'],
      ['from=2026-01&to=2026-03&r068TolerancePercent=2000', 'r068TolerancePercent'],
      ['from=2026-01&to=2026-03&threshold=1', 'threshold'],
    ];
    for (const [query, field] of cases) {
      const response = await get(query);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect({ query, fields: response.body.details.map((detail: any) => detail.field) }).toEqual({
        query,
        fields: [field],
      });
    }
  });
});
