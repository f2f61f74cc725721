import { Notification, Payment, type Contract, type Department, type Kpi, type Vendor } from '#database';
import { type KpiStatus } from '#domain';
import {
  createApiKey,
  createCertification,
  createContract,
  createDepartment,
  createEvaluation,
  createKpi,
  createSolicitation,
  createVendor,
  FixedClock,
  readPdf,
  resetDatabase,
} from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';

/** Public Works' headline figures for March 2026, worked out in the comment below. */
const WORKS_HEADLINE = [
  ['Contracts active in the month', '4'],
  ['KPIs evaluated', '5'],
  ['On track', '1'],
  ['At risk', '2'],
  ['Missing', '1'],
  ['Off track', '1'],
  ['On-track share', '20.0%'],
  ['Contracts off track or at risk', '2'],
  ['KPIs heading off track', '0'],
  ['Off-track notices', '1'],
  ['Missing-data notices', '1'],
  ['Escalations', '1'],
  ['Payments in the month', '$22,500.50'],
  ['Paid to diverse vendors', '$14,000.00'],
  ['Diverse share of payments', '62.2%'],
];

/*
 * One hand-built department, Public Works (WRK), read by every test; the pack is for 2026-03 unless said, so it
 * covers the evaluations of 2026-03 and 2026-Q1, and its trend runs from 2025-10 to 2026-03.
 *
 * Contracts (dates; vendor; diversity goal):
 *   W-1 Street repairs       2025-01-01..2026-12-31  Alpha   30 (its own)
 *       Potholes fixed (monthly, ≥95, off track below 90): Oct 96 on, Nov 92 at risk, Dec none, Jan 85, Feb 80,
 *       Mar 85.5 off; Complaints (quarterly, ≤5, off track above 10): 2025-Q4 4 on, 2026-Q1 7 at risk.
 *       → off track in March; trend On, At risk, On (Q4 counts in December), Off, Off, Off.
 *   W-2 Tree trimming <N>    2025-06-01..2026-06-30  Beta    none, its solicitation's 10
 *       Response time (monthly, ≤48 h, off above 60): Jan 50 at risk, Mar 55 at risk → at risk; trend —,—,—,At,—,At.
 *   W-3 Snow removal         2026-01-01..2026-12-31  Gamma   20
 *       Routes cleared Mar 100 on track; Monthly report Mar missing → missing (not listed; its KPI is).
 *   W-5 Park lighting        2026-03-15..2026-09-30  Gamma   15, no KPI, no payment
 *   W-4 Old contract         2024-01-01..2025-12-31  Gamma   25 (not active in March: no figure counts it)
 * Parks (PRK): P-1, off track in March, paid 99,999 in March: never in the Works pack.
 *
 * Vendors: Alpha minority-owned since 2020 (diverse); Beta small business since 2020 and women-owned from
 * 2026-02-01 (diverse from then); Gamma nothing.
 *
 * March: 5 KPIs evaluated (1 on track, 2 at risk, 1 missing, 1 off track: 20%); 4 contracts active (W-1, W-2, W-3,
 * W-5). Payments in March: 10,000 (Alpha) + 4,000 (Beta) + 6,000 (Gamma) + 2,500.50 (Gamma) = 22,500.50, of
 * which 14,000 diverse: 62.2%. To date: W-1 62,500.50 of which 30,000 diverse, 48.0% (met); W-2 9,000 of which
 * 4,000 (Beta's January payment predates its women-owned certificate), 44.4% (met); W-3 6,000, none, 0% (not
 * met); W-5 nothing paid.
 */

describe('meeting pack', () => {
  let testApp: TestApp;
  let officer: string;
  let worksHead: string;
  let parksHead: string;
  let vendorKey: string;
  let works: Department;
  let parks: Department;
  let packNotificationId: string;

  const save = <T extends object>(entity: new () => T, values: Partial<T>) =>
    testApp.dataSource.getRepository(entity).save(Object.assign(new entity(), values));
  const pay = (contract: Contract, payee: Vendor, amount: number, paidOn: string) =>
    save(Payment, {
      contractId: contract.id,
      payeeVendorId: payee.id,
      amount,
      paidOn,
      invoiceNumber: `${paidOn}-${amount}`,
    });
  const evaluate = (kpi: Kpi, period: string, value: number | null, status: KpiStatus) =>
    createEvaluation(testApp.dataSource, kpi, { period, value, status });
  const notice = (values: Partial<Notification>) => save(Notification, { ccAddresses: [], language: 'en', ...values });

  beforeAll(async () => {
    testApp = await createTestApp();
    await resetDatabase(testApp.dataSource);
    const ds = testApp.dataSource;
    works = await createDepartment(ds, { code: 'WRK', name: 'Public Works', headEmail: 'head.works@city.example' });
    parks = await createDepartment(ds, { code: 'PRK', name: 'Parks' });
    officer = await createApiKey(ds, 'procurement_officer');
    worksHead = await createApiKey(ds, 'department_head', { departments: [works] });
    parksHead = await createApiKey(ds, 'department_head', { departments: [parks] });
    const alpha = await createVendor(ds, { legalName: 'Alpha Paving', email: 'ops@alpha.example' });
    const beta = await createVendor(ds, { legalName: 'Beta Arborists' });
    const gamma = await createVendor(ds, { legalName: 'Gamma Services' });
    const parkside = await createVendor(ds, { legalName: 'Parkside Ltd' });
    vendorKey = await createApiKey(ds, 'vendor', { vendor: alpha });
    await createCertification(ds, alpha, { type: 'minority_owned', validFrom: '2020-01-01' });
    await createCertification(ds, beta, { type: 'small_business', validFrom: '2020-01-01' });
    await createCertification(ds, beta, { type: 'women_owned', validFrom: '2026-02-01' });

    const w1 = await createContract(ds, alpha, works, {
      number: 'W-1',
      title: 'Street repairs',
      startDate: '2025-01-01',
      endDate: '2026-12-31',
      diversityGoalPercent: 30,
      managerEmail: 'pm.w1@city.example',
    });
    const solicitation = await createSolicitation(ds, works, { status: 'awarded', diversityGoalPercent: 10 });
    const w2 = await createContract(ds, beta, works, {
      number: 'W-2',
      title: 'Tree trimming <North> & "Co"',
      solicitationId: solicitation.id,
      startDate: '2025-06-01',
      endDate: '2026-06-30',
    });
    const w3 = await createContract(ds, gamma, works, {
      number: 'W-3',
      title: 'Snow removal',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      diversityGoalPercent: 20,
    });
    await createContract(ds, gamma, works, {
      number: 'W-5',
      title: 'Park lighting',
      startDate: '2026-03-15',
      endDate: '2026-09-30',
      diversityGoalPercent: 15,
    });
    const w4 = await createContract(ds, gamma, works, {
      number: 'W-4',
      title: 'Old contract',
      startDate: '2024-01-01',
      endDate: '2025-12-31',
      diversityGoalPercent: 25,
    });
    const p1 = await createContract(ds, parkside, parks, { number: 'P-1', title: 'Playgrounds' });

    const potholes = await createKpi(ds, w1, { name: 'Potholes fixed', unit: '%', target: 95, offTrackThreshold: 90 });
    const complaints = await createKpi(ds, w1, {
      name: 'Complaints',
      unit: 'complaints',
      direction: 'lower_is_better',
      target: 5,
      offTrackThreshold: 10,
      frequency: 'quarterly',
    });
    for (const [period, value, status] of [
      ['2025-10', 96, 'on_track'],
      ['2025-11', 92, 'at_risk'],
      ['2026-01', 85, 'off_track'],
      ['2026-02', 80, 'off_track'],
      ['2026-03', 85.5, 'off_track'],
    ] as const) {
      await evaluate(potholes, period, value, status);
    }
    await evaluate(complaints, '2025-Q4', 4, 'on_track');
    await evaluate(complaints, '2026-Q1', 7, 'at_risk');
    const response = await createKpi(ds, w2, {
      name: 'Response time',
      unit: 'hours',
      direction: 'lower_is_better',
      target: 48,
      offTrackThreshold: 60,
    });
    await evaluate(response, '2026-01', 50, 'at_risk');
    await evaluate(response, '2026-03', 55, 'at_risk');
    const routes = await createKpi(ds, w3, { name: 'Routes cleared', unit: '%', target: 100, offTrackThreshold: 90 });
    const report = await createKpi(ds, w3, {
      name: 'Monthly report',
      unit: 'reports',
      target: 1,
      offTrackThreshold: 1,
    });
    await evaluate(routes, '2026-03', 100, 'on_track');
    await evaluate(report, '2026-03', null, 'missing');
    await evaluate(await createKpi(ds, w4, { name: 'Legacy' }), '2025-12', 10, 'off_track');
    await evaluate(await createKpi(ds, p1, { name: 'Safety inspections' }), '2026-03', 10, 'off_track');

    await pay(w1, alpha, 20000, '2025-06-15');
    await pay(w1, gamma, 30000, '2025-09-01');
    await pay(w1, alpha, 10000, '2026-03-05');
    await pay(w1, gamma, 2500.5, '2026-03-31');
    await pay(w1, alpha, 1000, '2026-04-01');
    await pay(w2, beta, 5000, '2026-01-10');
    await pay(w2, beta, 4000, '2026-03-10');
    await pay(w3, gamma, 6000, '2026-03-20');
    await pay(w4, gamma, 7000, '2025-12-01');
    await pay(p1, parkside, 99999, '2026-03-15');

    const sentAt = new Date('2026-04-01T10:00:00Z');
    await notice({
      contractId: w1.id,
      period: '2026-03',
      kind: 'off_track',
      status: 'sent',
      toAddresses: ['ops@alpha.example'],
      ccAddresses: ['pm.w1@city.example'],
      sentAt,
    });
    await notice({
      contractId: w1.id,
      period: '2026-03',
      kind: 'escalation',
      status: 'sent',
      toAddresses: ['head.works@city.example'],
      ccAddresses: ['pm.w1@city.example'],
      sentAt,
    });
    await notice({
      contractId: w3.id,
      period: '2026-03',
      kind: 'missing_data',
      status: 'suppressed',
      toAddresses: ['gamma@vendors.example'],
    });
    await notice({
      contractId: w1.id,
      period: '2026-02',
      kind: 'off_track',
      status: 'sent',
      toAddresses: ['x@y.example'],
    });
    await notice({
      contractId: p1.id,
      period: '2026-03',
      kind: 'off_track',
      status: 'sent',
      toAddresses: ['p@y.example'],
    });
    packNotificationId = (
      await notice({
        departmentId: works.id,
        period: '2026-03',
        kind: 'meeting_pack',
        status: 'pending',
        toAddresses: ['head.works@city.example'],
      })
    ).id;
  });

  afterAll(async () => {
    await testApp.close();
  });

  const get = (query: string, token = officer) => testApp.http.get(`/api/v1/reports/meeting-pack?${query}`, { token });
  const html = async (period = '2026-03', token = officer) => {
    const response = await get(`departmentId=${works.id}&period=${period}&format=html`, token);
    expect(response.status).toBe(200);
    return response.text;
  };
  /** The table rows of the section under a heading, each as its cells' text. */
  const section = (page: string, heading: string): string[][] => {
    const start = page.indexOf(`<h2>${heading}</h2>`);
    expect(start).toBeGreaterThan(-1);
    const end = page.indexOf('<h2>', start + 1);
    const part = page.slice(start, end === -1 ? undefined : end);
    return [...part.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].flatMap(([, body]) =>
      [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
        [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => cell),
      ),
    );
  };

  describe('HTML', () => {
    it('should answer a self-contained page, inline, named after the department and month', async () => {
      const response = await get(`departmentId=${works.id}&period=2026-03&format=html`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('inline; filename="meeting-pack_WRK_2026-03.html"');
      expect(response.text).toMatch(/^<!DOCTYPE html>/);
      expect(response.text).toContain('<title>Performance meeting pack: Public Works, March 2026</title>');
      expect(response.text).not.toMatch(/<(?:script|link|img|iframe)\b|\ssrc=|\son\w+=/i);
    });

    it('should give the exact headline figures of the month', async () => {
      expect(section(await html(), 'Headline figures')).toEqual(WORKS_HEADLINE);
    });

    it('should list the off-track contract before the at-risk one, each with its KPIs and six-month trend', async () => {
      const page = await html();
      expect(page.indexOf('<h3>W-1: Street repairs</h3>')).toBeGreaterThan(-1);
      expect(page.indexOf('W-1: Street repairs')).toBeLessThan(page.indexOf('W-2: Tree trimming'));
      expect(page).not.toContain('W-3: Snow removal</h3>');
      expect(page).not.toContain('Parkside');
      expect(page).toContain('Vendor: Alpha Paving. Status for the month: Off track.');
      expect(page).toContain('Vendor: Beta Arborists. Status for the month: At risk.');

      const trends = [...page.matchAll(/<table class="trend">([\s\S]*?)<\/table>/g)].map(([, table]) => table);
      expect(trends).toHaveLength(2);
      const headers = (table: string) => [...table.matchAll(/<th scope="col">(.*?)<\/th>/g)].map(([, text]) => text);
      const cells = (table: string) =>
        [...table.matchAll(/<td class="([a-z-]+)">(.*?)<\/td>/g)].map(([, tone, text]) => `${text} (${tone})`);
      expect(headers(trends[0])).toEqual(['Oct 2025', 'Nov 2025', 'Dec 2025', 'Jan 2026', 'Feb 2026', 'Mar 2026']);
      expect(cells(trends[0])).toEqual([
        'On track (on-track)',
        'At risk (at-risk)',
        'On track (on-track)',
        'Off track (off-track)',
        'Off track (off-track)',
        'Off track (off-track)',
      ]);
      expect(cells(trends[1])).toEqual([
        '— (none)',
        '— (none)',
        '— (none)',
        'At risk (at-risk)',
        '— (none)',
        'At risk (at-risk)',
      ]);

      // Each contract: its trend strip, then its KPIs (by name).
      expect(section(page, 'Contracts off track or at risk')).toEqual([
        ['On track', 'At risk', 'On track', 'Off track', 'Off track', 'Off track'],
        ['Complaints', '2026-Q1', '7 complaints', '5 complaints or less', 'above 10 complaints', 'At risk'],
        ['Potholes fixed', '2026-03', '85.5%', '95% or more', 'below 90%', 'Off track'],
        ['—', '—', '—', 'At risk', '—', 'At risk'],
        ['Response time', '2026-03', '55 hours', '48 hours or less', 'above 60 hours', 'At risk'],
      ]);
    });

    it('should escape every value it writes', async () => {
      const page = await html();
      expect(page).toContain('W-2: Tree trimming &lt;North&gt; &amp; &quot;Co&quot;');
      expect(page).not.toContain('<North>');
    });

    it('should list the notices of the period and the KPIs without data, and nothing of other periods or departments', async () => {
      const page = await html();
      expect(section(page, 'Notices for the period')).toEqual([
        ['W-1', '2026-03', 'Escalation', 'head.works@city.example', 'pm.w1@city.example', 'Sent'],
        ['W-1', '2026-03', 'Off-track notice', 'ops@alpha.example', 'pm.w1@city.example', 'Sent'],
        ['W-3', '2026-03', 'Missing-data notice', 'gamma@vendors.example', '—', 'Suppressed (stale)'],
      ]);
      expect(section(page, 'KPIs with missing data')).toEqual([['W-3', 'Gamma Services', 'Monthly report', '2026-03']]);
    });

    it('should set payments to date against each active contract’s diversity goal', async () => {
      expect(section(await html(), 'Payments to diverse vendors against diversity goals')).toEqual([
        ['W-1: Street repairs', 'Alpha Paving', '30.0%', '$62,500.50', '$30,000.00', '48.0%', 'Met'],
        [
          'W-2: Tree trimming &lt;North&gt; &amp; &quot;Co&quot;',
          'Beta Arborists',
          '10.0%',
          '$9,000.00',
          '$4,000.00',
          '44.4%',
          'Met',
        ],
        ['W-3: Snow removal', 'Gamma Services', '20.0%', '$6,000.00', '$0.00', '0.0%', 'Not met'],
        ['W-5: Park lighting', 'Gamma Services', '15.0%', '$0.00', '$0.00', '—', '—'],
      ]);
    });

    it('should cover a quarter in the month it ends and say so when a month has nothing to show', async () => {
      const february = await html('2026-02');
      expect(section(february, 'Headline figures')[1]).toEqual(['KPIs evaluated', '1']);
      const empty = await html('2024-05');
      expect(section(empty, 'Headline figures').slice(0, 2)).toEqual([
        ['Contracts active in the month', '1'],
        ['KPIs evaluated', '0'],
      ]);
      expect(section(empty, 'Headline figures')[6]).toEqual(['On-track share', '—']);
      expect(empty).toContain('No contract is off track or at risk this month.');
      expect(empty).toContain('No notice was recorded for the period.');
      expect(empty).toContain('Every KPI evaluated has data.');
    });
  });

  describe('PDF', () => {
    const pdfOf = async (departmentId: string, period = '2026-03', token = officer) => {
      const response = await fetch(
        `${testApp.url}/api/v1/reports/meeting-pack?departmentId=${departmentId}&period=${period}&format=pdf`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      expect(response.status).toBe(200);
      return { response, pdf: await readPdf(new Uint8Array(await response.arrayBuffer())) };
    };
    /** The text runs from `first` on, as many as `expected` has: a table row or a strip, in drawing order. */
    const runsFrom = (text: string, first: string, count: number) => {
      const lines = text.split('\n');
      const index = lines.indexOf(first);
      expect(index).toBeGreaterThan(-1);
      return lines.slice(index, index + count);
    };

    it('should be a two-page A4 attachment named after the department and month, every page numbered', async () => {
      const { response, pdf } = await pdfOf(works.id);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="meeting-pack_WRK_2026-03.pdf"');
      expect(pdf.pages).toHaveLength(2);
      expect(pdf.pageSizes).toEqual([
        { width: 842, height: 595 },
        { width: 842, height: 595 },
      ]);
      expect(pdf.title).toBe('Performance meeting pack: Public Works, March 2026');
      pdf.pages.forEach((page, index) => {
        expect(page).toContain(`Page ${index + 1} of 2`);
        expect(page).toContain('Public Works (WRK), March 2026');
      });
    });

    it('should carry the same figures as the page: headline, trends, KPIs, notices, missing data, diversity', async () => {
      const { text } = (await pdfOf(works.id)).pdf;
      for (const [label, value] of WORKS_HEADLINE) {
        expect(runsFrom(text, label, 2)).toEqual([label, value]);
      }
      // Each contract's row: number and title, vendor, status, then its strip (status letter over the month).
      expect(runsFrom(text, 'W-1: Street repairs', 15)).toEqual([
        'W-1: Street repairs',
        'Alpha Paving',
        'Off track',
        ...['OK', 'Oct 2025', 'R', 'Nov 2025', 'OK', 'Dec 2025', 'X', 'Jan 2026', 'X', 'Feb 2026', 'X', 'Mar 2026'],
      ]);
      expect(runsFrom(text, 'W-2: Tree trimming <North> & "Co"', 15)).toEqual([
        'W-2: Tree trimming <North> & "Co"',
        'Beta Arborists',
        'At risk',
        ...['—', 'Oct 2025', '—', 'Nov 2025', '—', 'Dec 2025', 'R', 'Jan 2026', '—', 'Feb 2026', 'R', 'Mar 2026'],
      ]);
      expect(text.indexOf('W-1: Street repairs')).toBeLessThan(text.indexOf('W-2: Tree trimming'));
      expect(runsFrom(text, 'Potholes fixed', 6)).toEqual([
        'Potholes fixed',
        '2026-03',
        '85.5%',
        '95% or more',
        'below 90%',
        'Off track',
      ]);
      expect(runsFrom(text, 'Response time', 6)).toEqual([
        'Response time',
        '2026-03',
        '55 hours',
        '48 hours or less',
        'above 60 hours',
        'At risk',
      ]);
      expect(runsFrom(text, 'Escalation', 4)).toEqual([
        'Escalation',
        'head.works@city.example',
        'pm.w1@city.example',
        'Sent',
      ]);
      expect(runsFrom(text, 'Missing-data notice', 4)).toEqual([
        'Missing-data notice',
        'gamma@vendors.example',
        '—',
        'Suppressed (stale)',
      ]);
      expect(runsFrom(text, 'Monthly report', 2)).toEqual(['Monthly report', '2026-03']);
      for (const row of [
        ['W-3: Snow removal', 'Gamma Services', '20.0%', '$6,000.00', '$0.00', '0.0%', 'Not met'],
        ['W-5: Park lighting', 'Gamma Services', '15.0%', '$0.00', '$0.00', '—', '—'],
      ]) {
        expect(runsFrom(text, row[0], row.length)).toEqual(row);
      }
      const diversity = text.slice(text.indexOf('Payments to diverse vendors against diversity goals'));
      expect(runsFrom(diversity, 'W-1: Street repairs', 7)).toEqual([
        'W-1: Street repairs',
        'Alpha Paving',
        '30.0%',
        '$62,500.50',
        '$30,000.00',
        '48.0%',
        'Met',
      ]);
      expect(text).not.toContain('Parkside');
    });

    it('should flow a long list over more pages, repeating the table header and numbering every page', async () => {
      const big = await createDepartment(testApp.dataSource, { code: 'BIG', name: 'Big Department' });
      const vendor = await createVendor(testApp.dataSource, { legalName: 'Many Contracts Inc' });
      await testApp.dataSource.query(
        `WITH contract AS (
           INSERT INTO contracts (number, title, vendor_id, department_id, value, start_date, end_date, manager_email)
           SELECT 'B-' || lpad(n::text, 3, '0'), 'Service ' || n, $1, $2, 1000, '2026-01-01', '2026-12-31', 'm@city.example'
             FROM generate_series(1, 60) n RETURNING id),
         kpi AS (
           INSERT INTO kpis (contract_id, name, unit, direction, target, off_track_threshold, frequency)
           SELECT id, 'Uptime', '%', 'higher_is_better', 95, 90, 'monthly' FROM contract RETURNING id, contract_id)
         INSERT INTO kpi_evaluations (contract_id, kpi_id, period, period_first_day, period_last_day, value, target,
                                      off_track_threshold, status, evaluated_at)
         SELECT contract_id, id, '2026-03', '2026-03-01', '2026-03-31', 50, 95, 90, 'off_track', now() FROM kpi`,
        [vendor.id, big.id],
      );
      const { pdf } = await pdfOf(big.id);
      // At this layout: the headline and 9 contracts, three pages of 17 contracts with their strips, then the 60
      // KPI rows, 29 and 30 a page, and the last one with the empty sections.
      expect(pdf.pages).toHaveLength(7);
      pdf.pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of 7`));
      expect(pdf.text.match(/^B-\d{3}: Service \d+$/gm)).toHaveLength(60);
      expect(pdf.text.match(/^Uptime$/gm)).toHaveLength(60);
      // A page that continues the contracts table starts with its header row.
      expect(pdf.pages[1].split('\n').slice(0, 4)).toEqual([
        'Contract',
        'Vendor',
        'Status',
        'Contract status, last 6 months',
      ]);
      expect(runsFrom(pdf.text, 'Contracts active in the month', 2)).toEqual(['Contracts active in the month', '60']);
    });
  });

  describe('who may read it', () => {
    it('should answer a department head for their own department and 404 for another, like an unknown one', async () => {
      expect((await get(`departmentId=${works.id}&period=2026-03&format=html`, worksHead)).status).toBe(200);
      const other = await get(`departmentId=${works.id}&period=2026-03&format=html`, parksHead);
      expect(other.status).toBe(404);
      const unknown = await get('departmentId=00000000-0000-4000-8000-000000000000&period=2026-03&format=html');
      expect(unknown.status).toBe(404);
      expect(other.body).toMatchObject({ code: 'NOT_FOUND', message: `Department ${works.id} was not found` });
    });

    it('should refuse vendors with 403 and callers without a key with 401', async () => {
      expect((await get(`departmentId=${works.id}&period=2026-03`, vendorKey)).status).toBe(403);
      expect(
        (await testApp.http.get(`/api/v1/reports/meeting-pack?departmentId=${works.id}&period=2026-03`)).status,
      ).toBe(401);
    });
  });

  describe('bad input', () => {
    it.each([
      ['period=2026-03&format=html', 'departmentId'],
      ['departmentId=not-a-uuid&period=2026-03', 'departmentId'],
      ['departmentId=WORKS&period=2026-03&departmentId=WORKS', 'departmentId'],
      ['departmentId=:id&format=html', 'period'],
      ['departmentId=:id&period=2026-13', 'period'],
      ['departmentId=:id&period=2026-3', 'period'],
      ['departmentId=:id&period=2026-Q1', 'period'],
      ['departmentId=:id&period=2026', 'period'],
      ['departmentId=:id&period=1899-12', 'period'],
      ['departmentId=:id&period=2026-03-01', 'period'],
      ['departmentId=:id&period=2026-03&period=2026-04', 'period'],
      ['departmentId=:id&period=2026-03&format=csv', 'format'],
      ['departmentId=:id&period=2026-03&format=PDF', 'format'],
      ['departmentId=:id&period=2026-03&format=', 'format'],
      ['departmentId=:id&period=2026-03&from=2026-01', 'from'],
    ])('should answer 400 naming the field for %s', async (query, field) => {
      const response = await get(query.replace(':id', works.id));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'INVALID_INPUT' });
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    });
  });

  describe('notifications list', () => {
    it('should show the pack with its department and no contract, to officers and the department’s head only', async () => {
      const expected = {
        id: packNotificationId,
        kind: 'meeting_pack',
        contractId: null,
        departmentId: works.id,
        period: '2026-03',
        to: ['head.works@city.example'],
        status: 'pending',
      };
      const forOfficer = await testApp.http.get('/api/v1/notifications?kind=meeting_pack', { token: officer });
      expect(forOfficer.body.data).toEqual([expect.objectContaining(expected)]);
      const forHead = await testApp.http.get('/api/v1/notifications?limit=500', { token: worksHead });
      expect(forHead.body.data).toContainEqual(expect.objectContaining(expected));
      expect(forHead.body.page.total).toBe(5);
      const forOtherHead = await testApp.http.get('/api/v1/notifications?limit=500', { token: parksHead });
      expect(forOtherHead.body.data.map((row: { kind: string }) => row.kind)).toEqual(['off_track']);
      const contractNotice = forHead.body.data.find((row: { kind: string }) => row.kind === 'escalation');
      expect(contractNotice).toMatchObject({ departmentId: null, contractId: expect.any(String) });
    });

    it('should refuse a pack without a department, or one that names a contract', async () => {
      await expect(
        testApp.dataSource.query(
          `INSERT INTO notifications (period, kind, status, to_addresses, language) VALUES ('2026-04', 'meeting_pack', 'pending', '{a@b.example}', 'en')`,
        ),
      ).rejects.toThrow(/ck_notifications_subject/);
      await expect(
        testApp.dataSource.query(
          `INSERT INTO notifications (department_id, contract_id, period, kind, status, to_addresses, language)
           SELECT $1, id, '2026-04', 'meeting_pack', 'pending', '{a@b.example}', 'en' FROM contracts LIMIT 1`,
          [works.id],
        ),
      ).rejects.toThrow(/ck_notifications_subject/);
      await expect(
        testApp.dataSource.query(
          `INSERT INTO notifications (department_id, period, kind, status, to_addresses, language) VALUES ($1, '2026-03', 'meeting_pack', 'pending', '{a@b.example}', 'en')`,
          [works.id],
        ),
      ).rejects.toThrow(/uq_notifications_department_period_kind/);
    });
  });
});

describe('GET /api/v1/reports/meeting-pack: months that have not begun', () => {
  // 2026-05-01T02:00Z is still 30 April in New York, the city's zone in these tests.
  const clock = new FixedClock('2026-05-01T02:00:00Z');
  let testApp: TestApp;
  let officer: string;
  let departmentId: string;

  beforeAll(async () => {
    testApp = await createTestApp({}, { clock });
    officer = await createApiKey(testApp.dataSource, 'procurement_officer');
    departmentId = (await createDepartment(testApp.dataSource, { code: 'FUT' })).id;
  });

  afterAll(async () => {
    await testApp.close();
  });

  const get = (period: string) =>
    testApp.http.get(`/api/v1/reports/meeting-pack?departmentId=${departmentId}&period=${period}&format=html`, {
      token: officer,
    });

  it('should give the pack of the month under way in the city, and of earlier months', async () => {
    expect((await get('2026-04')).status).toBe(200);
    expect((await get('2025-12')).status).toBe(200);
  });

  it('should answer 400 naming period for a month that has not begun in the city', async () => {
    const response = await get('2026-05');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'INVALID_INPUT',
      details: [
        {
          field: 'period',
          message: 'period 2026-05 has not begun yet (America/New_York): ask for this month or earlier',
        },
      ],
    });
    clock.set('2026-05-01T04:00:00Z');
    expect((await get('2026-05')).status).toBe(200);
  });
});

describe('GET /api/v1/reports/meeting-pack: a month within its grace days', () => {
  // 5 April 2026 in New York: March has ended, and its ten grace days run until 11 April, 00:00 local (04:00Z).
  const clock = new FixedClock('2026-04-05T12:00:00Z');
  let testApp: TestApp;
  let officer: string;
  let departmentId: string;
  const NOT_FINAL =
    'Not final: 3 KPI periods are still within the grace days for reporting, the last until it falls due on April 21, 2026.';

  beforeAll(async () => {
    testApp = await createTestApp({}, { clock });
    const ds = testApp.dataSource;
    officer = await createApiKey(ds, 'procurement_officer');
    const department = await createDepartment(ds, { code: 'GRC', name: 'Grace' });
    departmentId = department.id;
    const vendor = await createVendor(ds, { legalName: 'Prompt Reporting Co' });
    // Ten grace days (the default): three monthly KPIs, one already evaluated for March.
    const monthly = await createContract(ds, vendor, department, { number: 'G-1', reportingGraceDays: 10 });
    const reported = await createKpi(ds, monthly, { name: 'Reported early' });
    await createKpi(ds, monthly, { name: 'Awaited A' });
    await createKpi(ds, monthly, { name: 'Awaited B' });
    await createEvaluation(ds, reported, { period: '2026-03', status: 'on_track' });
    // Twenty grace days for the quarter: due 21 April.
    const quarterly = await createContract(ds, vendor, department, { number: 'G-2', reportingGraceDays: 20 });
    await createKpi(ds, quarterly, { name: 'Quarterly survey', frequency: 'quarterly' });
    // Inactive KPIs are not evaluated, so they never hold a pack back.
    await createKpi(ds, quarterly, { name: 'Retired', active: false });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const get = (format: string) =>
    testApp.http.get(`/api/v1/reports/meeting-pack?departmentId=${departmentId}&period=2026-03&format=${format}`, {
      token: officer,
    });

  it('should say how many KPI periods are still within grace, in the JSON, the page and the PDF', async () => {
    const json = await get('json');
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({
      month: '2026-03',
      withinGrace: { kpiPeriods: 3, lastDueAt: '2026-04-21T04:00:00.000Z', dueOn: '2026-04-21' },
      headline: { kpisEvaluated: 1 },
    });
    expect((await get('html')).text).toContain(`<p class="not-final" role="status">${NOT_FINAL}</p>`);
    const pdf = await fetch(
      `${testApp.url}/api/v1/reports/meeting-pack?departmentId=${departmentId}&period=2026-03&format=pdf`,
      { headers: { authorization: `Bearer ${officer}` } },
    );
    expect((await readPdf(new Uint8Array(await pdf.arrayBuffer()))).text.split('\n')).toContain(NOT_FINAL);
  });

  it('should be in ESCALATION_LANGUAGE, page and PDF alike, like the email that carries it', async () => {
    const spanish = await createTestApp({}, { clock, settings: { ESCALATION_LANGUAGE: 'es' } });
    try {
      const query = `/api/v1/reports/meeting-pack?departmentId=${departmentId}&period=2026-03`;
      const page = (await spanish.http.get(`${query}&format=html`, { token: officer })).text;
      const notFinal =
        'Cifras no definitivas: 3 periodos de indicadores siguen dentro del plazo de gracia para reportar; el último ' +
        'vence el 21 de abril de 2026.';
      expect(page).toContain('<html lang="es-419">');
      expect(page).toContain('<h1>Informe para la reunión de desempeño: Grace, marzo de 2026</h1>');
      expect(page).toContain(
        'Dependencia GRC. Incluye las evaluaciones de marzo de 2026, T1 2026 (enero–marzo); las tendencias muestran ' +
          'los seis meses hasta marzo de 2026.',
      );
      expect(page).toContain(notFinal);
      expect(page).toContain('<th scope="row">Indicadores evaluados</th><td>1</td>');
      expect(page).toContain('<th scope="row">En meta</th><td>1</td>');
      expect(page).toContain('Ningún contrato está fuera de meta ni en riesgo este mes.');
      expect(page).toContain('No se registró ningún aviso para el periodo.');
      expect(page).not.toContain('Headline figures');

      const response = await fetch(`${spanish.url}${query}&format=pdf`, {
        headers: { authorization: `Bearer ${officer}` },
      });
      const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
      expect(pdf.title).toBe('Informe para la reunión de desempeño: Grace, marzo de 2026');
      expect(pdf.text.split('\n')).toEqual(
        expect.arrayContaining([
          notFinal,
          'Cifras principales',
          'Indicadores evaluados',
          'En meta',
          'Contratos fuera de meta o en riesgo',
          'Ningún contrato está fuera de meta ni en riesgo este mes.',
          'Grace (GRC), marzo de 2026',
          `Página 1 de ${pdf.pages.length}`,
        ]),
      );
      expect(pdf.text).not.toContain('Headline figures');
    } finally {
      await spanish.close();
    }
  });

  it('should count a period out the instant it falls due, and say nothing once none is left', async () => {
    clock.set('2026-04-11T04:00:00Z');
    expect((await get('json')).body.withinGrace).toEqual({
      kpiPeriods: 1,
      lastDueAt: '2026-04-21T04:00:00.000Z',
      dueOn: '2026-04-21',
    });
    clock.set('2026-04-21T04:00:00Z');
    expect((await get('json')).body.withinGrace).toEqual({ kpiPeriods: 0, lastDueAt: null, dueOn: null });
    expect((await get('html')).text).not.toContain('Not final');
  });
});
