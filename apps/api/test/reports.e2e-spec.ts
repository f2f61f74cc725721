import ExcelJS from 'exceljs';
import { Contract, Payment, type Department, type Kpi, type Solicitation, type Vendor } from '#database';
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
  readPdf,
  resetDatabase,
  type PdfContent,
} from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';

const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/*
 * One hand-built dataset, read by every test (reports only read). The city's zone is America/New_York; every
 * instant is noon UTC, so its local day is the day written. The range is 2026-01 to 2026-03 unless said.
 *
 * Works (WRK) awards in range, with the contract each produced:
 *   S1 rfp          requisition 2025-12-02 → award 2026-01-11: 40 days; bids Alpha, Beta, Gamma (3); Alpha wins 100,000
 *   S2 sole_source  published 2026-01-20 (no requisition) → award 2026-02-19: 30 days; bid Beta (1); Beta wins 50,000
 *   S3 ifb          requisition 2026-02-01 → award 2026-03-13: 40 days; bids Gamma, Beta (2); Gamma wins 30,000
 *   S5 emergency    published 2026-03-01 → award 2026-03-11: 10 days; no bids; Delta wins 20,000
 * Not counted: S0 (Alpha, awarded 2024-06-01), S4 (Beta, awarded 2026-04-02), Sold (Gamma, 2023-03-13 12:00Z),
 * and in Parks (PRK) P1 rfp published 2026-01-01 → award 2026-02-10 (40 days), bid Delta (1), Delta wins 10,000.
 *
 * Vendors: Alpha minority-owned since 2020 and isLocal; Beta small business since 2020 and women-owned from
 * 2026-02-01; Gamma a local-business certificate from 2026-01-01; Delta nothing.
 */
describe('reports', () => {
  let testApp: TestApp;
  let officer: string;
  let worksHead: string;
  let vendorKey: string;
  let works: Department;
  let parks: Department;
  let alpha: Vendor;

  const save = <T extends object>(entity: new () => T, values: Partial<T>) =>
    testApp.dataSource.getRepository(entity).save(Object.assign(new entity(), values));

  /** A solicitation awarded to `winner`, with its contract (and the winning bid among `bidders`, if any). */
  async function award(
    department: Department,
    winner: Vendor,
    value: number,
    solicitation: Partial<Solicitation>,
    bidders: [Vendor, string][] = [],
    contract: Partial<Contract> = {},
  ): Promise<Contract> {
    const created = await createSolicitation(testApp.dataSource, department, { status: 'awarded', ...solicitation });
    let bidId: string | null = null;
    for (const [bidder, day] of bidders) {
      const bid = await createBid(testApp.dataSource, created, bidder, { submittedAt: noon(day) });
      if (bidder.id === winner.id) bidId = bid.id;
    }
    return createContract(testApp.dataSource, winner, department, {
      solicitationId: created.id,
      bidId,
      value,
      ...contract,
    });
  }

  const pay = (contract: Contract, payee: Vendor, amount: number, paidOn: string) =>
    save(Payment, {
      contractId: contract.id,
      payeeVendorId: payee.id,
      amount,
      paidOn,
      invoiceNumber: `INV-${paidOn}-${amount}`,
    });

  beforeAll(async () => {
    testApp = await createTestApp();
    await resetDatabase(testApp.dataSource);
    const ds = testApp.dataSource;
    works = await createDepartment(ds, { code: 'WRK', name: 'Public Works' });
    parks = await createDepartment(ds, { code: 'PRK', name: 'Parks' });
    officer = await createApiKey(ds, 'procurement_officer');
    worksHead = await createApiKey(ds, 'department_head', { departments: [works] });
    alpha = await createVendor(ds, { legalName: 'Alpha Lighting LLC', isLocal: true });
    const beta = await createVendor(ds, { legalName: 'Beta Services' });
    const gamma = await createVendor(ds, { legalName: 'Gamma Paving' });
    const delta = await createVendor(ds, { legalName: 'Delta Response' });
    vendorKey = await createApiKey(ds, 'vendor', { vendor: alpha });
    await createCertification(ds, alpha, { type: 'minority_owned', validFrom: '2020-01-01' });
    await createCertification(ds, beta, { type: 'small_business', validFrom: '2020-01-01' });
    await createCertification(ds, beta, { type: 'women_owned', validFrom: '2026-02-01', validTo: '2026-12-31' });
    await createCertification(ds, gamma, { type: 'local_business', validFrom: '2026-01-01' });

    const c1 = await award(
      works,
      alpha,
      100000,
      {
        method: 'rfp',
        requisitionReceivedAt: noon('2025-12-02'),
        publishedAt: noon('2025-12-10'),
        awardedAt: noon('2026-01-11'),
      },
      [
        [alpha, '2025-12-20'],
        [beta, '2025-12-21'],
        [gamma, '2025-12-22'],
      ],
      { number: 'W-001', title: 'Street lights, "LED" upgrade', startDate: '2026-01-15', endDate: '2026-12-31' },
    );
    const c2 = await award(
      works,
      beta,
      50000,
      { method: 'sole_source', publishedAt: noon('2026-01-20'), awardedAt: noon('2026-02-19') },
      [[beta, '2026-02-05']],
      { number: 'W-002', startDate: '2026-02-20', endDate: '2026-12-31' },
    );
    const c3 = await award(
      works,
      gamma,
      30000,
      { method: 'ifb', requisitionReceivedAt: noon('2026-02-01'), awardedAt: noon('2026-03-13') },
      [
        [gamma, '2026-02-15'],
        [beta, '2026-01-25'],
      ],
      { number: 'W-003', startDate: '2026-03-15', endDate: '2027-03-14' },
    );
    const c5 = await award(
      works,
      delta,
      20000,
      { method: 'emergency', publishedAt: noon('2026-03-01'), awardedAt: noon('2026-03-11') },
      [],
      { number: 'W-005', startDate: '2026-03-12', endDate: '2026-06-30' },
    );
    const c0 = await award(works, alpha, 80000, { awardedAt: noon('2024-06-01') }, [], {
      number: 'W-000',
      startDate: '2024-06-15',
      endDate: '2025-12-31',
    });
    await award(works, beta, 9000, { method: 'emergency', awardedAt: noon('2026-04-02') }, [], {
      number: 'W-004',
      startDate: '2026-04-05',
      endDate: '2026-05-31',
    });
    // Exactly 36 months before S3's award: the window is [award − 36 months, award), so Gamma is not new at S3.
    await award(works, gamma, 7000, { awardedAt: noon('2023-03-13') }, [], {
      number: 'W-OLD',
      startDate: '2023-04-01',
      endDate: '2024-03-31',
    });
    const p1 = await award(
      parks,
      delta,
      10000,
      { method: 'rfp', publishedAt: noon('2026-01-01'), awardedAt: noon('2026-02-10') },
      [[delta, '2026-01-20']],
      { number: 'P-001', title: 'Playground repair', startDate: '2026-02-15', endDate: '2026-12-31' },
    );

    // Spend: paid in range under Works contracts: 10,000 + 4,000 + 6,000 + 5,000 = 25,000 (April and Parks excluded).
    await pay(c1, alpha, 10000, '2026-01-15'); // diverse, local (isLocal)
    await pay(c1, beta, 4000, '2026-01-20'); // subcontractor: small business; not yet women-owned
    await pay(c2, beta, 6000, '2026-03-01'); // diverse (women-owned), small business
    await pay(c3, gamma, 5000, '2026-02-01'); // local (certificate)
    await pay(c1, alpha, 7777, '2026-04-01');
    await pay(p1, delta, 3000, '2026-02-01');

    // KPIs: C1 and C5 have an active KPI; C2 only an inactive one; C3 none; C0 (ended 2025) is not in range.
    const uptime = await createKpi(ds, c1, { name: 'Uptime', unit: '%', target: 99, offTrackThreshold: 95 });
    const complaints = await createKpi(ds, c1, {
      name: 'Complaints',
      unit: 'complaints',
      direction: 'lower_is_better',
      target: 5,
      offTrackThreshold: 10,
      frequency: 'quarterly',
    });
    await createKpi(ds, c2, { name: 'Retired', active: false });
    const response: Kpi = await createKpi(ds, c5, { name: 'Response', frequency: 'annual' });
    const oldKpi = await createKpi(ds, c0, { name: 'Old' });
    const playground = await createKpi(ds, p1, { name: 'Safety', unit: '%', target: 100, offTrackThreshold: 90 });
    await createEvaluation(ds, uptime, { period: '2026-01', value: 99.5, status: 'on_track' });
    await createEvaluation(ds, uptime, { period: '2026-02', value: 97, status: 'at_risk' });
    await createEvaluation(ds, uptime, { period: '2026-03', value: null, status: 'missing' });
    await createEvaluation(ds, uptime, { period: '2026-04', value: 80, status: 'off_track' });
    await createEvaluation(ds, complaints, { period: '2025-Q4', value: 3, status: 'on_track' });
    await createEvaluation(ds, complaints, { period: '2026-Q1', value: 12, status: 'off_track' });
    await createEvaluation(ds, response, { period: '2026', status: 'on_track' });
    await createEvaluation(ds, oldKpi, { period: '2025-12', status: 'on_track' });
    await createEvaluation(ds, playground, { period: '2026-02', value: 100, status: 'on_track' });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const get = (path: string, token = officer) => testApp.http.get(path, { token });

  describe('GET /api/v1/reports/procurement-metrics', () => {
    it('should give every figure of the Works department as worked out by hand', async () => {
      const response = await get(
        `/api/v1/reports/procurement-metrics?from=2026-01&to=2026-03&departmentId=${works.id}`,
      );
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        from: '2026-01',
        to: '2026-03',
        departmentId: works.id,
        definitionsVersion: 1,
        solicitations: {
          // S1, S2, S3, S5.
          awarded: 4,
          // Days 10, 30, 40, 40: median (30 + 40) / 2; p90 at position 0.9 × 3 = 2.7, between 40 and 40.
          cycleTimeDays: { median: 35, p90: 40 },
          // Bids 3, 1, 2, 0: mean 6 / 4; median (1 + 2) / 2.
          bidsPerSolicitation: { mean: 1.5, median: 1.5 },
          // S2 alone has one bid, S5 alone none: 1 / 4 each.
          singleBidPercent: 25,
          zeroBidPercent: 25,
        },
        // 6 bids; diverse on the day they bid: Alpha on S1, Beta on S2 (2026-02-05, women-owned by then).
        // Beta on S1 (2025-12-21) and S3 (2026-01-25) was not yet: 2 / 6 = 33.33… → 33.3.
        bids: { count: 6, diverseVendorPercent: 33.3 },
        awards: {
          count: 4,
          value: 200000,
          // Diverse at award: Alpha (S1, 100,000) and Beta (S2, 50,000): 2 / 4; 150,000 / 200,000.
          diverseVendorPercent: 50,
          diverseValuePercent: 75,
          // New: Beta alone (no earlier award). Alpha won S0 in 2024; Gamma won exactly 36 months before S3;
          // Delta won P1 (Parks) before S5: awards in any department count. 1 / 4; 50,000 / 200,000.
          newVendorPercent: 25,
          newVendorValuePercent: 25,
          valueByMethod: { rfp: 100000, ifb: 30000, rfq: 0, sole_source: 50000, emergency: 20000, cooperative: 0 },
          // (50,000 + 20,000) / 200,000.
          nonCompetitivePercent: 35,
        },
        spend: {
          total: 25000,
          // Alpha 10,000 + Beta 6,000 (March, women-owned) = 16,000 / 25,000.
          diverseVendorPercent: 64,
          // Beta 4,000 + 6,000 = 10,000 / 25,000.
          smallBusinessPercent: 40,
          // Alpha 10,000 (isLocal) + Gamma 5,000 (local-business certificate) = 15,000 / 25,000.
          localBusinessPercent: 60,
        },
        performance: {
          // Active in range: W-001, W-002, W-003, W-005 (W-000 ended in 2025, W-004 starts in April, W-OLD long
          // over); with an active KPI: W-001 and W-005: 2 / 4.
          contractsWithKpisPercent: 50,
          // Periods wholly in range: Uptime 2026-01, -02, -03 and Complaints 2026-Q1 (not 2026-04, 2025-Q4, the
          // year 2026, nor 2025-12).
          evaluations: { on_track: 1, at_risk: 1, off_track: 1, missing: 1 },
          onTrackPercent: 25,
        },
      });
    });

    it('should cover every department for an officer who names none', async () => {
      const response = await get('/api/v1/reports/procurement-metrics?from=2026-01&to=2026-03');
      expect(response.status).toBe(200);
      // Works plus P1: 5 awards worth 210,000; bids 6 + 1; spend 25,000 + 3,000; evaluations one more on track.
      expect(response.body).toMatchObject({
        departmentId: null,
        solicitations: { awarded: 5, cycleTimeDays: { median: 40, p90: 40 } },
        bids: { count: 7 },
        awards: { count: 5, value: 210000, valueByMethod: { rfp: 110000 } },
        spend: { total: 28000 },
        performance: { evaluations: { on_track: 2, at_risk: 1, off_track: 1, missing: 1 }, onTrackPercent: 40 },
      });
    });

    it('should answer null percentages and zero counts when nothing falls in the range', async () => {
      const response = await get('/api/v1/reports/procurement-metrics?from=2030-01&to=2030-12');
      expect(response.status).toBe(200);
      expect(response.body.solicitations).toEqual({
        awarded: 0,
        cycleTimeDays: { median: null, p90: null },
        bidsPerSolicitation: { mean: null, median: null },
        singleBidPercent: null,
        zeroBidPercent: null,
      });
      expect(response.body.awards).toMatchObject({ count: 0, value: 0, diverseVendorPercent: null });
      expect(response.body.spend).toEqual({
        total: 0,
        diverseVendorPercent: null,
        smallBusinessPercent: null,
        localBusinessPercent: null,
      });
      expect(response.body.performance).toEqual({
        contractsWithKpisPercent: null,
        evaluations: { on_track: 0, at_risk: 0, off_track: 0, missing: 0 },
        onTrackPercent: null,
      });
    });

    it('should give a department head their departments when none is named', async () => {
      const response = await get('/api/v1/reports/procurement-metrics?from=2026-01&to=2026-03', worksHead);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ departmentId: null, awards: { count: 4, value: 200000 } });
    });

    it('should carry the same figures as metric,value rows in CSV and XLSX', async () => {
      const query = `from=2026-01&to=2026-03&departmentId=${works.id}`;
      const csv = await get(`/api/v1/reports/procurement-metrics?${query}&format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const lines = csv.text.trimEnd().split('\n');
      expect(lines[0]).toBe('metric,value');
      expect(lines).toEqual(
        expect.arrayContaining([
          `departmentId,${works.id}`,
          'definitionsVersion,1',
          'solicitations.cycleTimeDays.median,35',
          'bids.diverseVendorPercent,33.3',
          'awards.valueByMethod.sole_source,50000',
          'performance.evaluations.on_track,1',
        ]),
      );
      expect(lines).toHaveLength(1 + 4 + 7 + 2 + 13 + 4 + 6);

      const sheets = await readXlsx(`/api/v1/reports/procurement-metrics?${query}&format=xlsx`);
      expect(sheets).toHaveLength(1);
      // Numbers stay numbers in the workbook; joined as text they read as the CSV does.
      expect(sheets[0][5]).toEqual(['solicitations.awarded', 4]);
      expect(sheets[0].map((row) => row.join(','))).toEqual(lines);
    });
  });

  describe('GET /api/v1/reports/outcomes', () => {
    const HEADER =
      'department,contractNumber,contractTitle,vendor,kpi,unit,period,value,target,offTrackThreshold,status';
    const W001 = 'WRK,W-001,"Street lights, ""LED"" upgrade",Alpha Lighting LLC';
    const WORKS_ROWS = [
      `${W001},Complaints,complaints,2026-Q1,12,5,10,off_track`,
      `${W001},Uptime,%,2026-01,99.5,99,95,on_track`,
      `${W001},Uptime,%,2026-02,97,99,95,at_risk`,
      `${W001},Uptime,%,2026-03,,99,95,missing`,
    ];

    it('should stream the CSV with the exact header, quoting and order', async () => {
      const response = await get(
        `/api/v1/reports/outcomes?from=2026-01&to=2026-03&departmentId=${works.id}&format=csv`,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="outcomes_2026-01_2026-03.csv"');
      expect(response.text).toBe(`${[HEADER, ...WORKS_ROWS].join('\n')}\n`);
    });

    it('should count a quarter or a year only when the range holds all of it', async () => {
      const twoMonths = await get(
        `/api/v1/reports/outcomes?from=2026-01&to=2026-02&departmentId=${works.id}&format=csv`,
      );
      expect(twoMonths.text.trimEnd().split('\n').slice(1)).toEqual(WORKS_ROWS.slice(1, 3));
      const year = await get(`/api/v1/reports/outcomes?from=2026-01&to=2026-12&departmentId=${works.id}&format=csv`);
      expect(year.text).toContain(',Uptime,%,2026-04,80,99,95,off_track\n');
      expect(year.text).toContain('WRK,W-005,Contract,Delta Response,Response,%,2026,95,95,90,on_track\n');
    });

    it('should cover every department for an officer, and their own for a department head', async () => {
      const all = await get('/api/v1/reports/outcomes?from=2026-01&to=2026-03&format=csv');
      expect(all.text).toBe(
        `${[HEADER, 'PRK,P-001,Playground repair,Delta Response,Safety,%,2026-02,100,100,90,on_track', ...WORKS_ROWS].join('\n')}\n`,
      );
      const head = await get('/api/v1/reports/outcomes?from=2026-01&to=2026-03&format=csv', worksHead);
      expect(head.text).toBe(`${[HEADER, ...WORKS_ROWS].join('\n')}\n`);
    });

    it('should write the header alone when no period falls in the range', async () => {
      const response = await get('/api/v1/reports/outcomes?from=2030-01&to=2030-12&format=csv');
      expect(response.text).toBe(`${HEADER}\n`);
      const json = await get('/api/v1/reports/outcomes?from=2030-01&to=2030-12');
      expect(JSON.parse(json.text)).toEqual({ from: '2030-01', to: '2030-12', departmentId: null, rows: [] });
    });

    it('should stream JSON as { from, to, departmentId, rows }, numbers as numbers', async () => {
      const response = await get(`/api/v1/reports/outcomes?from=2026-01&to=2026-03&departmentId=${works.id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.body).toEqual({
        from: '2026-01',
        to: '2026-03',
        departmentId: works.id,
        rows: [
          outcome('Complaints', 'complaints', '2026-Q1', 12, 5, 10, 'off_track'),
          outcome('Uptime', '%', '2026-01', 99.5, 99, 95, 'on_track'),
          outcome('Uptime', '%', '2026-02', 97, 99, 95, 'at_risk'),
          outcome('Uptime', '%', '2026-03', null, 99, 95, 'missing'),
        ],
      });
    });

    it('should write an XLSX workbook that reads back as the same rows', async () => {
      const sheets = await readXlsx(
        `/api/v1/reports/outcomes?from=2026-01&to=2026-03&departmentId=${works.id}&format=xlsx`,
      );
      expect(sheets).toHaveLength(1);
      expect(sheets[0]).toEqual([
        HEADER.split(','),
        [
          'WRK',
          'W-001',
          'Street lights, "LED" upgrade',
          'Alpha Lighting LLC',
          'Complaints',
          'complaints',
          '2026-Q1',
          12,
          5,
          10,
          'off_track',
        ],
        [
          'WRK',
          'W-001',
          'Street lights, "LED" upgrade',
          'Alpha Lighting LLC',
          'Uptime',
          '%',
          '2026-01',
          99.5,
          99,
          95,
          'on_track',
        ],
        [
          'WRK',
          'W-001',
          'Street lights, "LED" upgrade',
          'Alpha Lighting LLC',
          'Uptime',
          '%',
          '2026-02',
          97,
          99,
          95,
          'at_risk',
        ],
        [
          'WRK',
          'W-001',
          'Street lights, "LED" upgrade',
          'Alpha Lighting LLC',
          'Uptime',
          '%',
          '2026-03',
          null,
          99,
          95,
          'missing',
        ],
      ]);
    });

    const outcome = (
      kpi: string,
      unit: string,
      period: string,
      value: number | null,
      target: number,
      offTrackThreshold: number,
      status: string,
    ) => ({
      department: 'WRK',
      contractNumber: 'W-001',
      contractTitle: 'Street lights, "LED" upgrade',
      vendor: 'Alpha Lighting LLC',
      kpi,
      unit,
      period,
      value,
      target,
      offTrackThreshold,
      status,
    });
  });

  describe('PDF', () => {
    /** Table rows read back as `cell|cell|…`: pdfjs gives one text run a line, cells left to right. */
    const row = (...cells: (string | number)[]) => cells.join('|');
    const joined = (pdf: PdfContent) => pdf.text.split('\n').join('|');

    it('outcomes: should give the totals, the counts per period and the off-track results of Works', async () => {
      const { response, pdf } = await fetchPdf(
        `/api/v1/reports/outcomes?from=2026-01&to=2026-03&departmentId=${works.id}&format=pdf`,
      );
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="outcomes_2026-01_2026-03.pdf"');
      expect(pdf.title).toBe('Outcome report');
      // The summary, chart and counts on the first page; the off-track results on the second.
      expect(pdf.pages).toHaveLength(2);
      expect(pdf.pages.map((page) => page.split('\n').filter((line) => line.startsWith('Page ')))).toEqual([
        ['Page 1 of 2'],
        ['Page 2 of 2'],
      ]);
      expect(pdf.pages[1]).toContain('Off-track results');
      expect(pdf.text).toContain('Departments: Public Works (WRK)');
      expect(pdf.text).toContain('Public Works (WRK) · 2026-01 to 2026-03');
      const text = joined(pdf);
      // Totals: on track, at risk, missing, off track, evaluations, on-track share, contracts.
      expect(text).toContain(row('Totals', ...['On track', 'At risk', 'Missing', 'Off track'], 'Evaluations'));
      expect(text).toContain(row('Contracts', 1, 1, 1, 1, 4, '25.0%', 1));
      // Per period, in the report's order (a month before the quarter that starts with it).
      expect(text).toContain(
        [
          row('2026-01', 1, 0, 0, 0, 1, '100.0%', 1),
          row('2026-Q1', 0, 0, 0, 1, 1, '0.0%', 1),
          row('2026-02', 0, 1, 0, 0, 1, '0.0%', 1),
          row('2026-03', 0, 0, 1, 0, 1, '0.0%', 1),
        ].join('|'),
      );
      // The chart: its legend and period labels.
      expect(text).toContain(row('Evaluations per period', 'On track', 'At risk', 'Missing', 'Off track'));
      expect(text).toContain('1 off-track result, latest period first.');
      expect(text).toContain(
        row(
          'WRK',
          'W-001',
          'Street lights, "LED" upgrade',
          'Alpha Lighting LLC',
          'Complaints (complaints)',
          '2026-Q1',
          12,
          5,
          10,
        ),
      );
    });

    it('outcomes: should cover every department for an officer, and say so when nothing falls in the range', async () => {
      const { pdf } = await fetchPdf('/api/v1/reports/outcomes?from=2026-01&to=2026-03&format=pdf');
      expect(pdf.text).toContain('All departments · 2026-01 to 2026-03');
      expect(joined(pdf)).toContain(row('Contracts', 2, 1, 1, 1, 5, '40.0%', 2));
      expect(joined(pdf)).toContain(row('2026-02', 1, 1, 0, 0, 2, '50.0%', 2));

      const empty = await fetchPdf('/api/v1/reports/outcomes?from=2030-01&to=2030-12&format=pdf');
      expect(empty.pdf.pages).toHaveLength(1);
      expect(joined(empty.pdf)).toContain(row('Contracts', 0, 0, 0, 0, 0, '—', 0));
      expect(empty.pdf.text).toContain('No KPI was evaluated for a period within this range.');
      expect(empty.pdf.text).toContain('No KPI was off track in this range.');
    });

    it('outcomes: should show a department head their own departments only', async () => {
      const { pdf } = await fetchPdf('/api/v1/reports/outcomes?from=2026-01&to=2026-03&format=pdf', worksHead);
      expect(pdf.text).toContain('Departments: Public Works (WRK)');
      expect(pdf.text).not.toContain('P-001');
      expect(joined(pdf)).toContain(row('Contracts', 1, 1, 1, 1, 4, '25.0%', 1));
    });

    it('outcomes: should list the 200 most recent off-track results and point to the CSV for the rest', async () => {
      const ds = testApp.dataSource;
      const long = await createDepartment(ds, { code: 'LNG', name: 'Long Haul' });
      const contract = await createContract(ds, alpha, long, {
        number: 'L-001',
        startDate: '2040-01-01',
        endDate: '2057-12-31',
      });
      const kpi = await createKpi(ds, contract, { name: 'Trips', unit: 'trips', target: 10, offTrackThreshold: 5 });
      // 205 monthly periods from 2040-01 to 2057-01, all off track, value = months since 2040-01.
      await ds.query(
        `INSERT INTO kpi_evaluations (contract_id, kpi_id, period, period_first_day, period_last_day, value, target,
                                      off_track_threshold, status, evaluated_at)
         SELECT $1, $2, to_char(first_day, 'YYYY-MM'), first_day, (first_day + interval '1 month')::date - 1, n, 10, 5,
                'off_track', now()
           FROM generate_series(0, 204) AS n, date(date '2040-01-01' + make_interval(months => n)) AS first_day`,
        [contract.id, kpi.id],
      );
      const { pdf } = await fetchPdf(
        `/api/v1/reports/outcomes?from=2040-01&to=2057-12&departmentId=${long.id}&format=pdf`,
      );
      const text = joined(pdf);
      expect(text).toContain(
        'The 200 most recent of 205 off-track results, latest period first; 5 more — use the CSV export for all of them.',
      );
      const listed = pdf.text.split('\n').filter((line) => line === 'L-001');
      expect(listed).toHaveLength(200);
      expect(text).toContain(
        row('LNG', 'L-001', 'Contract', 'Alpha Lighting LLC', 'Trips (trips)', '2057-01', 204, 10, 5),
      );
      expect(text).toContain(
        row('LNG', 'L-001', 'Contract', 'Alpha Lighting LLC', 'Trips (trips)', '2040-06', 5, 10, 5),
      );
      expect(text).not.toContain(row('Trips (trips)', '2040-05'));
      // 205 periods: six charts of up to 36, and the totals.
      expect(text).toContain('Evaluations per period (6 of 6)');
      expect(text).toContain(row('Contracts', 0, 0, 0, 205, 205, '0.0%', 1));
      expect(pdf.pages.length).toBeGreaterThan(8);
      pdf.pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pdf.pages.length}`));
    });

    it('outcomes: should print vendor and KPI names in Greek, Cyrillic and Armenian as written', async () => {
      const ds = testApp.dataSource;
      const abroad = await createDepartment(ds, { code: 'INT', name: 'Διεθνή έργα' });
      const names = ['Αθηναϊκή Τεχνική Α.Ε.', 'ООО «Городской Свет»', 'Երևանի Շինարար ՍՊԸ'];
      for (const [index, legalName] of names.entries()) {
        const vendor = await createVendor(ds, { legalName });
        const contract = await createContract(ds, vendor, abroad, {
          number: `I-00${index + 1}`,
          startDate: '2050-01-01',
          endDate: '2050-12-31',
        });
        const kpi = await createKpi(ds, contract, {
          name: 'Время ответа',
          unit: 'ժամ',
          target: 10,
          offTrackThreshold: 5,
        });
        await createEvaluation(ds, kpi, { period: '2050-01', value: 1, status: 'off_track' });
      }
      const { pdf } = await fetchPdf(
        `/api/v1/reports/outcomes?from=2050-01&to=2050-01&departmentId=${abroad.id}&format=pdf`,
      );
      expect(pdf.text).toContain('Departments: Διεθνή έργα (INT)');
      const lines = pdf.text.split('\n');
      expect(lines).toEqual(expect.arrayContaining([...names, 'Время ответа (ժամ)']));
      expect(pdf.text).not.toContain('?');
    });

    it('procurement-metrics: should carry every figure of the JSON, with the charts', async () => {
      const query = `from=2026-01&to=2026-03&departmentId=${works.id}`;
      const json = await get(`/api/v1/reports/procurement-metrics?${query}`);
      const { response, pdf } = await fetchPdf(`/api/v1/reports/procurement-metrics?${query}&format=pdf`);
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="procurement-metrics_2026-01_2026-03.pdf"',
      );
      expect(pdf.title).toBe('Procurement metrics');
      expect(pdf.pages).toHaveLength(3);
      const text = joined(pdf);
      for (const heading of [
        'Diverse and new vendors',
        'Cycle time (4 solicitations awarded)',
        'Evaluations (25.0% on track)',
        'Competition and KPI coverage',
        'Award value by method ($200,000.00 in 4 awards)',
        'All figures',
      ])
        expect(pdf.text).toContain(heading);
      // The diverse and new-vendor shares as bars: label, then value.
      expect(text).toContain(row('Bids from diverse vendors', '33.3%'));
      expect(text).toContain(row('Spend with local businesses', '60.0%'));
      // Every figure, in the JSON's order, as in the CSV.
      const metrics = pdf.text.split('\n').filter((line) => /^[a-zA-Z]+(\.[a-zA-Z_0-9]+)*$/.test(line));
      const names = (await get(`/api/v1/reports/procurement-metrics?${query}&format=csv`)).text
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0]);
      expect(metrics.filter((line) => names.includes(line))).toEqual(names);
      expect(text).toContain(row('departmentId', 'Department (none: every department in scope)', works.id));
      expect(text).toContain(
        row(
          'solicitations.cycleTimeDays.median',
          'Cycle time, median (days)',
          json.body.solicitations.cycleTimeDays.median,
        ),
      );
      expect(text).toContain(row('solicitations.cycleTimeDays.p90', 'Cycle time, 90th percentile (days)', 40));
      expect(text).toContain(row('solicitations.bidsPerSolicitation.mean', 'Bids per solicitation, mean', 1.5));
      expect(text).toContain(row('bids.diverseVendorPercent', 'Bids from diverse vendors', '33.3%'));
      expect(text).toContain(row('awards.value', 'Award value', '$200,000.00'));
      expect(text).toContain(row('awards.valueByMethod.rfq', 'Award value: Request for quotations', '$0.00'));
      expect(text).toContain(
        row('awards.nonCompetitivePercent', 'Award value without competition (sole source, emergency)', '35.0%'),
      );
      expect(text).toContain(row('spend.total', 'Spend', '$25,000.00'));
      expect(text).toContain(row('spend.diverseVendorPercent', 'Spend with diverse vendors', '64.0%'));
      expect(text).toContain(row('performance.evaluations.off_track', 'Evaluations: off track', 1));
      expect(text).toContain(row('performance.onTrackPercent', 'Share of evaluations on track', '25.0%'));
    });

    it('procurement-metrics: should write "—" for shares with nothing to divide by, for every department', async () => {
      const { pdf } = await fetchPdf('/api/v1/reports/procurement-metrics?from=2030-01&to=2030-12&format=pdf');
      const text = joined(pdf);
      expect(pdf.text).toContain('All departments · 2030-01 to 2030-12');
      expect(text).toContain(row('departmentId', 'Department (none: every department in scope)', '—'));
      expect(text).toContain(row('solicitations.awarded', 'Solicitations awarded', 0));
      expect(text).toContain(row('spend.smallBusinessPercent', 'Spend with small businesses', '—'));
      expect(text).toContain(row('Spend with small businesses', '—'));
    });
  });

  describe('refusals', () => {
    const REPORTS = ['outcomes', 'procurement-metrics'];

    it.each(REPORTS)('%s: should answer 400 for bad input, naming the field', async (report) => {
      for (const [query, field] of [
        ['from=2026-01&to=2026-03&format=docx', 'format'],
        ['from=2026-04&to=2026-03', 'from'],
        ['from=2026-1&to=2026-03', 'from'],
        ['from=2026-01&to=2026-13', 'to'],
        ['from=2026-01-01&to=2026-03', 'from'],
        ['to=2026-03', 'from'],
        ['from=2026-01&to=2026-03&colour=blue', 'colour'],
        ['from=2026-01&to=2026-03&departmentId=works', 'departmentId'],
      ]) {
        const response = await get(`/api/v1/reports/${report}?${query}`);
        expect({ query, status: response.status, code: response.body.code }).toEqual({
          query,
          status: 400,
          code: 'INVALID_INPUT',
        });
        expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
      }
    });

    it.each(REPORTS)(
      '%s: should answer 404 for an unknown department and another department of a head',
      async (report) => {
        const unknown = await get(
          `/api/v1/reports/${report}?from=2026-01&to=2026-03&departmentId=00000000-0000-4000-8000-000000000000`,
        );
        expect(unknown.status).toBe(404);
        expect(unknown.body.code).toBe('NOT_FOUND');
        const other = await get(
          `/api/v1/reports/${report}?from=2026-01&to=2026-03&departmentId=${parks.id}`,
          worksHead,
        );
        expect(other.status).toBe(404);
        expect(other.body.message).toBe(unknown.body.message.replace('00000000-0000-4000-8000-000000000000', parks.id));
        const own = await get(`/api/v1/reports/${report}?from=2026-01&to=2026-03&departmentId=${works.id}`, worksHead);
        expect(own.status).toBe(200);
      },
    );

    it.each(REPORTS)('%s: should refuse vendors with 403 and callers without a key with 401', async (report) => {
      const vendor = await get(`/api/v1/reports/${report}?from=2026-01&to=2026-03`, vendorKey);
      expect(vendor.status).toBe(403);
      expect(vendor.body.code).toBe('FORBIDDEN');
      const anonymous = await testApp.http.get(`/api/v1/reports/${report}?from=2026-01&to=2026-03`);
      expect(anonymous.status).toBe(401);
    });

    it.each(REPORTS)('%s: should refuse a PDF as it refuses the other formats', async (report) => {
      const badRange = await get(`/api/v1/reports/${report}?from=2026-04&to=2026-03&format=pdf`);
      expect({ status: badRange.status, field: badRange.body.details[0].field }).toEqual({
        status: 400,
        field: 'from',
      });
      const other = await get(
        `/api/v1/reports/${report}?from=2026-01&to=2026-03&departmentId=${parks.id}&format=pdf`,
        worksHead,
      );
      expect(other.status).toBe(404);
      const vendor = await get(`/api/v1/reports/${report}?from=2026-01&to=2026-03&format=pdf`, vendorKey);
      expect(vendor.status).toBe(403);
    });
  });

  /** The PDF at `path`, read back with pdfjs-dist, after checking the answer's status and media type. */
  async function fetchPdf(path: string, token = officer): Promise<{ response: Response; pdf: PdfContent }> {
    const response = await fetch(`${testApp.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    return { response, pdf: await readPdf(new Uint8Array(await response.arrayBuffer())) };
  }

  /** The workbook at `path`, each sheet as rows of cell values (an empty cell is null). */
  async function readXlsx(path: string): Promise<unknown[][][]> {
    const response = await fetch(`${testApp.url}${path}`, { headers: { authorization: `Bearer ${officer}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    return workbook.worksheets.map((sheet) => {
      const rows: unknown[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => {
        rows.push(Array.from({ length: sheet.columnCount }, (_unused, index) => row.getCell(index + 1).value ?? null));
      });
      return rows;
    });
  }
});
