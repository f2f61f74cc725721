import type { TestingModule } from '@nestjs/testing';
import { Contract, Department, Kpi, Vendor } from '#database';
import { JobName, QueueName, type KpiStatus } from '#domain';
import {
  createApiKey,
  createBid,
  createContract,
  createDepartment,
  createEvaluation,
  createKpi,
  createSolicitation,
  createVendor,
  FixedClock,
  openQueues,
  resetDatabase,
  resetQueues,
  startSmtpSink,
  waitForQuiet,
  type SmtpSink,
  type TestQueues,
} from '#testing';
import type { TestApp } from '../apps/api/test/support/create-test-app.js';

// Performance evaluations, renewals and the vendor record (the product design §9): the API and the worker in this
// process with one pinned clock (New York), a real SMTP sink, PostgreSQL and Redis.
const ISSUE_DAY = '2026-07-10T14:00:00Z'; // 10:00 in New York: the comment window runs through 2026-07-24
const LAST_COMMENT_INSTANT = '2026-07-25T03:59:59Z'; // 23:59:59 on the 24th in New York
const WINDOW_CLOSED = '2026-07-25T04:00:00Z'; // midnight on the 25th in New York

describe('performance evaluations, renewals and the vendor record', () => {
  const clock = new FixedClock(ISSUE_DAY);
  let api: TestApp;
  let worker: TestingModule;
  let queues: TestQueues;
  let sink: SmtpSink;
  let officer: string;
  let headOfWorks: string;
  let headOfParks: string;
  let vendorKey: string;
  let otherVendorKey: string;
  let contract: Contract;
  let otherContract: Contract;
  let vendorId: string;
  let vendor: Vendor;
  let works: Department;

  beforeAll(async () => {
    sink = await startSmtpSink();
    // Read when the apps' modules are first imported, just below; the evaluation cron never fires on its own.
    Object.assign(process.env, {
      SMTP_URL: sink.url,
      EVALUATION_CRON: '0 0 29 2 *',
      CITY_TIMEZONE: 'America/New_York',
    });
    const { createTestApp } = await import('../apps/api/test/support/create-test-app.js');
    const { startInProcessWorker } = await import('./support/in-process-worker.js');
    api = await createTestApp({}, { clock });
    queues = openQueues();
    await resetQueues(queues);
    worker = await startInProcessWorker(clock);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await queues?.close();
    await api?.close();
    await sink?.stop();
  });

  beforeEach(async () => {
    clock.set(ISSUE_DAY);
    sink.reset();
    await resetDatabase(api.dataSource);
    const db = api.dataSource;
    works = await createDepartment(db, { name: 'Public Works', code: 'PW' });
    const parks = await createDepartment(db, { name: 'Parks', code: 'PK' });
    vendor = await createVendor(db, {
      legalName: 'Alumbrado Norte SA',
      email: 'contratos@alumbrado.example',
      preferredLanguage: 'es',
    });
    const otherVendor = await createVendor(db, { legalName: 'Green Parks LLC' });
    vendorId = vendor.id;
    contract = await createContract(db, vendor, works, {
      number: 'PW-2026-0001',
      title: 'Streetlight maintenance',
      managerEmail: 'manager@city.example',
    });
    otherContract = await createContract(db, otherVendor, parks, { number: 'PK-2026-0001' });
    officer = await createApiKey(db, 'procurement_officer');
    headOfWorks = await createApiKey(db, 'department_head', { departments: [works] });
    headOfParks = await createApiKey(db, 'department_head', { departments: [parks] });
    vendorKey = await createApiKey(db, 'vendor', { vendor });
    otherVendorKey = await createApiKey(db, 'vendor', { vendor: otherVendor });
    await seedResults(contract);
  });

  /**
   * The hand-worked range, 2026-01 to 2026-06: two monthly KPIs and a quarterly one. In the range: Uptime on track
   * in 01, 02, 04 and 06, at risk in 03, missing in 05; Repairs on track in all six months; Audit on track in Q1,
   * off track in Q2. That is 14 evaluated, 11 on track: 78.6 %, approaching_target (at least 75 %). Outside it: Uptime off track
   * in 07 and Audit on track in Q3.
   */
  async function seedResults(of: Contract): Promise<void> {
    const db = api.dataSource;
    const uptime = await createKpi(db, of, { name: 'Uptime' });
    const repairs = await createKpi(db, of, { name: 'Repairs' });
    const audit = await createKpi(db, of, { name: 'Audit', frequency: 'quarterly' });
    const results: [Kpi, string, KpiStatus][] = [
      ...(['01', '02', '04', '06'].map((month) => [uptime, `2026-${month}`, 'on_track']) as [Kpi, string, KpiStatus][]),
      [uptime, '2026-03', 'at_risk'],
      [uptime, '2026-05', 'missing'],
      [uptime, '2026-07', 'off_track'],
      ...(['01', '02', '03', '04', '05', '06'].map((month) => [repairs, `2026-${month}`, 'on_track']) as [
        Kpi,
        string,
        KpiStatus,
      ][]),
      [audit, '2026-Q1', 'on_track'],
      [audit, '2026-Q2', 'off_track'],
      [audit, '2026-Q3', 'on_track'],
    ];
    for (const [kpi, period, status] of results) {
      const value = status === 'missing' ? null : status === 'on_track' ? 96 : status === 'at_risk' ? 92 : 80;
      await createEvaluation(db, kpi, { period, status, value, evaluatedAt: new Date('2026-07-05T10:00:00Z') });
    }
  }

  const post = (path: string, token: string, body?: unknown) => api.http.post(`/api/v1${path}`, { token, body });
  const get = (path: string, token: string) => api.http.get(`/api/v1${path}`, { token });
  const patch = (path: string, token: string, body: unknown) => api.http.patch(`/api/v1${path}`, { token, body });
  const draft = (from = '2026-01', to = '2026-06', of = contract.id) =>
    post(`/contracts/${of}/performance-evaluations`, officer, { from, to });
  const runDuties = async () => {
    await queues.get(QueueName.Duties).add(JobName.RunDuties, {});
    await waitForQuiet({ queues, dataSource: api.dataSource });
  };
  const auditOf = async (entityId: string) =>
    (await get(`/audit-events?entityId=${entityId}&limit=500`, officer)).body.data as {
      action: string;
      actor: { type: string; name: string };
      after: Record<string, unknown> | null;
    }[];
  const count = async (table: string) =>
    Number((await api.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  /** Drafts, issues, has the vendor comment and an officer finalize the hand-worked range; answers its id. */
  const finalEvaluation = async (rating?: string) => {
    const created = await draft();
    if (rating)
      expect((await patch(`/performance-evaluations/${created.body.id}`, officer, { rating })).status).toBe(200);
    expect((await post(`/performance-evaluations/${created.body.id}/issue`, officer)).status).toBe(200);
    const commented = await post(`/performance-evaluations/${created.body.id}/comment`, vendorKey, {
      comment: 'Noted.',
    });
    expect(commented.status).toBe(200);
    const finalized = await post(`/performance-evaluations/${created.body.id}/finalize`, officer);
    expect(finalized.body.status).toBe('final');
    return created.body.id as string;
  };

  it('should propose, email, take the comment and finalize the hand-worked range', async () => {
    const created = await draft();
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      contractId: contract.id,
      from: '2026-01',
      to: '2026-06',
      status: 'draft',
      proposedRating: 'approaching_target',
      rating: 'approaching_target',
      narrative: null,
      figures: { evaluated: 14, onTrack: 11, onTrackPercent: 78.6 },
      issuedAt: null,
      commentDueOn: null,
    });
    const id = created.body.id as string;

    const narrative = 'Repairs were on time all half-year; Uptime slipped in March and May went unreported.';
    const edited = await patch(`/performance-evaluations/${id}`, officer, { narrative });
    expect(edited.body).toMatchObject({ status: 'draft', rating: 'approaching_target', narrative });

    const issued = await post(`/performance-evaluations/${id}/issue`, officer);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({
      status: 'issued',
      issuedAt: ISSUE_DAY.replace('Z', '.000Z'),
      commentDueOn: '2026-07-24',
    });

    const [email] = await sink.waitForMessages(1);
    expect(email.to).toEqual(['contratos@alumbrado.example']);
    expect(email.cc).toEqual(['manager@city.example']);
    expect(email.subject).toBe('Contrato PW-2026-0001: evaluación de desempeño, enero de 2026 a junio de 2026');
    for (const part of [email.text, email.html]) {
      expect(part).toContain('Calificación general: Cercano a la meta.');
      expect(part).toContain('24 de julio de 2026');
      expect(part).toContain('78.6%');
      expect(part).toContain(
        `${process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000'}/portal/contracts/${contract.id}`,
      );
    }
    expect(email.text).toContain(narrative);

    // Issued: no more edits, and the vendor may comment, but an officer may not finalize before it has.
    expect((await patch(`/performance-evaluations/${id}`, officer, { rating: 'good' })).status).toBe(409);
    expect((await post(`/performance-evaluations/${id}/issue`, officer)).status).toBe(409);
    const early = await post(`/performance-evaluations/${id}/finalize`, officer);
    expect([early.status, early.body.code]).toEqual([409, 'CONFLICT']);

    const comment = 'May was lost in the data platform migration; the values were sent in July.';
    clock.set(LAST_COMMENT_INSTANT);
    const commented = await post(`/performance-evaluations/${id}/comment`, vendorKey, { comment });
    expect(commented.status).toBe(200);
    expect(commented.body).toMatchObject({ status: 'issued', vendorComment: comment });

    const finalized = await post(`/performance-evaluations/${id}/finalize`, officer);
    expect(finalized.status).toBe(200);
    expect(finalized.body).toMatchObject({
      status: 'final',
      rating: 'approaching_target',
      vendorComment: comment,
      finalizedAt: LAST_COMMENT_INSTANT.replace('Z', '.000Z'),
      finalizedAutomatically: false,
    });
    expect((await post(`/performance-evaluations/${id}/finalize`, officer)).status).toBe(409);
    expect((await post(`/performance-evaluations/${id}/comment`, vendorKey, { comment: 'More' })).status).toBe(409);

    const seenByVendor = await get(`/performance-evaluations/${id}`, vendorKey);
    expect(seenByVendor.body).toMatchObject({ status: 'final', vendorComment: comment });
    expect((await auditOf(id)).map((event) => event.action).reverse()).toEqual([
      'create',
      'update',
      'issue',
      'comment',
      'finalize',
    ]);
    await waitForQuiet({ queues, dataSource: api.dataSource });
    expect(sink.messages).toHaveLength(1);
  });

  it('should finalize by itself once the comment window has closed, once however often the duty runs', async () => {
    const { body } = await draft();
    await post(`/performance-evaluations/${body.id}/issue`, officer);

    clock.set(LAST_COMMENT_INSTANT);
    await runDuties();
    expect((await get(`/performance-evaluations/${body.id}`, officer)).body.status).toBe('issued');

    clock.set(WINDOW_CLOSED);
    await runDuties();
    await runDuties();
    const after = await get(`/performance-evaluations/${body.id}`, officer);
    expect(after.body).toMatchObject({
      status: 'final',
      vendorComment: null,
      finalizedAt: WINDOW_CLOSED.replace('Z', '.000Z'),
      finalizedAutomatically: true,
    });
    const finalizations = (await auditOf(body.id)).filter((event) => event.action === 'finalize');
    expect(finalizations).toHaveLength(1);
    expect(finalizations[0]).toMatchObject({ actor: { type: 'system', name: 'worker (comment window closed)' } });
    const late = await post(`/performance-evaluations/${body.id}/comment`, vendorKey, { comment: 'Too late?' });
    expect(late.status).toBe(409);
  });

  it('should refuse a comment after the window even before the duty has run', async () => {
    const { body } = await draft();
    await post(`/performance-evaluations/${body.id}/issue`, officer);
    clock.set(WINDOW_CLOSED);
    const late = await post(`/performance-evaluations/${body.id}/comment`, vendorKey, { comment: 'Late' });
    expect([late.status, late.body.message]).toEqual([409, 'The comment window closed at the end of 2026-07-24']);
    // Closed window: an officer may finalize without waiting for the duty.
    expect((await post(`/performance-evaluations/${body.id}/finalize`, officer)).body.status).toBe('final');
  });

  it('should propose nothing for a range without results, and issue only once an officer has rated it', async () => {
    const created = await draft('2026-10', '2026-11');
    expect(created.body).toMatchObject({
      proposedRating: null,
      rating: null,
      figures: { evaluated: 0, onTrack: 0, onTrackPercent: null },
    });
    const refused = await post(`/performance-evaluations/${created.body.id}/issue`, officer);
    expect(refused.status).toBe(409);
    expect(await count('notifications')).toBe(0);
    await patch(`/performance-evaluations/${created.body.id}`, officer, { rating: 'good' });
    expect((await post(`/performance-evaluations/${created.body.id}/issue`, officer)).body.status).toBe('issued');
  });

  it('should refuse a renewal without a recent final evaluation, and allow it after one or with an override', async () => {
    const refused = await post(`/contracts/${contract.id}/renewals`, officer, { newEndDate: '2027-06-30' });
    expect([refused.status, refused.body.code]).toEqual([409, 'NO_RECENT_EVALUATION']);
    expect(refused.body.message).toContain('no final performance evaluation of the last 12 months');
    expect((await get(`/contracts/${contract.id}`, officer)).body.endDate).toBe('2026-12-31');
    expect(await count('contract_renewals')).toBe(0);

    const reason = 'Continuity of street lighting while the new solicitation is prepared';
    const overridden = await post(`/contracts/${contract.id}/renewals`, officer, {
      newEndDate: '2027-06-30',
      override: { reason },
    });
    expect(overridden.status).toBe(201);
    expect(overridden.body).toMatchObject({
      contractId: contract.id,
      previousEndDate: '2026-12-31',
      newEndDate: '2027-06-30',
      basis: 'override',
      performanceEvaluationId: null,
      overrideReason: reason,
    });
    expect((await get(`/contracts/${contract.id}`, officer)).body.endDate).toBe('2027-06-30');
    const [overrideEvent] = await auditOf(overridden.body.id);
    expect(overrideEvent).toMatchObject({
      action: 'override',
      after: expect.objectContaining({ overrideReason: reason }),
    });
    expect((await auditOf(contract.id)).map((event) => event.action)).toContain('renew');

    clock.advance(3_600_000);
    const evaluationId = await finalEvaluation();
    const renewed = await post(`/contracts/${contract.id}/renewals`, officer, { newEndDate: '2027-12-31' });
    expect(renewed.status).toBe(201);
    expect(renewed.body).toMatchObject({
      previousEndDate: '2027-06-30',
      basis: 'evaluation',
      performanceEvaluationId: evaluationId,
      overrideReason: null,
    });
    const listed = await get(`/contracts/${contract.id}/renewals`, headOfWorks);
    expect(listed.body.data.map((renewal: { basis: string }) => renewal.basis)).toEqual(['evaluation', 'override']);
    expect(listed.body.page.total).toBe(2);
    expect((await get(`/contracts/${contract.id}/renewals`, headOfParks)).status).toBe(404);

    // Twelve months after it became final (at 15:00 on 2026-07-10), it no longer supports a renewal.
    clock.set('2027-07-10T14:59:59Z');
    const stillRecent = await post(`/contracts/${contract.id}/renewals`, officer, { newEndDate: '2028-03-31' });
    expect(stillRecent.body).toMatchObject({ basis: 'evaluation', performanceEvaluationId: evaluationId });
    clock.set('2027-07-10T15:00:00Z');
    const stale = await post(`/contracts/${contract.id}/renewals`, officer, { newEndDate: '2028-06-30' });
    expect([stale.status, stale.body.code]).toEqual([409, 'NO_RECENT_EVALUATION']);
  });

  it('should keep drafts from vendors, other vendors from the evaluation, and heads to their departments', async () => {
    const { body } = await draft();
    const path = `/performance-evaluations/${body.id}`;
    const list = `/contracts/${contract.id}/performance-evaluations`;

    expect((await get(list, vendorKey)).body).toMatchObject({ data: [], page: { total: 0 } });
    expect((await get(path, vendorKey)).status).toBe(404);
    expect((await get(list, headOfWorks)).body.page.total).toBe(1);
    expect((await get(path, headOfWorks)).body.status).toBe('draft');
    expect((await get(list, headOfParks)).status).toBe(404);
    expect((await get(path, headOfParks)).status).toBe(404);

    await post(`${path}/issue`, officer);
    expect((await get(list, vendorKey)).body.page.total).toBe(1);
    expect((await get(path, otherVendorKey)).status).toBe(404);
    expect((await get(list, otherVendorKey)).status).toBe(404);

    const comment = { comment: 'Ours' };
    expect((await post(`${path}/comment`, otherVendorKey, comment)).status).toBe(404);
    expect((await post(`${path}/comment`, headOfWorks, comment)).status).toBe(403);
    expect((await post(`${path}/comment`, officer, comment)).status).toBe(403);
    const admin = await createApiKey(api.dataSource, 'admin');
    const byAdmin = await post(`${path}/comment`, admin, comment);
    expect([byAdmin.status, byAdmin.body.message]).toEqual([
      403,
      "Only the contract's vendor may comment on its performance evaluation",
    ]);
    expect((await post(`${path}/finalize`, vendorKey)).status).toBe(403);
    expect(
      (await post(`/contracts/${contract.id}/performance-evaluations`, headOfWorks, { from: '2026-01', to: '2026-06' }))
        .status,
    ).toBe(403);
    expect((await post(`/contracts/${contract.id}/renewals`, vendorKey, { newEndDate: '2027-06-30' })).status).toBe(
      403,
    );
    expect((await get(path, officer)).body.vendorComment).toBeNull();
  });

  it('should answer bad input with a 400 that names the field, and change nothing', async () => {
    const before = { evaluations: await count('performance_evaluations'), audit: await count('audit_events') };
    const cases: [unknown, string][] = [
      [{ from: '2026-13', to: '2026-06' }, 'from'],
      [{ from: '2026-06', to: '2026-01' }, 'to'],
      [{ from: '2026-01', to: '2026-06', rating: 'good' }, 'rating'],
      [{ from: '2027-01', to: '2027-06' }, 'from'],
      [{ to: '2026-06' }, 'from'],
    ];
    for (const [body, field] of cases) {
      const response = await post(`/contracts/${contract.id}/performance-evaluations`, officer, body);
      expect([response.status, response.body.details.map((detail: { field: string }) => detail.field)]).toEqual([
        400,
        [field],
      ]);
    }
    expect({ evaluations: await count('performance_evaluations'), audit: await count('audit_events') }).toEqual(before);

    const { body } = await draft();
    const path = `/performance-evaluations/${body.id}`;
    expect((await patch(path, officer, { rating: 'excellent' })).status).toBe(400);
    expect((await patch(path, officer, { rating: null })).status).toBe(400);
    expect((await patch(path, officer, { narrative: 42 })).status).toBe(400);
    await post(`${path}/issue`, officer);
    expect((await post(`${path}/comment`, vendorKey, { comment: '' })).status).toBe(400);
    expect((await post(`${path}/comment`, vendorKey, {})).status).toBe(400);
    const renewals: unknown[] = [
      { newEndDate: '2026-12-31' },
      { newEndDate: '2027-02-30' },
      { newEndDate: '2027-06-30', override: { reason: '' } },
      { newEndDate: '2027-06-30', override: 'because' },
      { newEndDate: '2027-06-30', extra: true },
    ];
    for (const renewal of renewals) {
      expect((await post(`/contracts/${contract.id}/renewals`, officer, renewal)).status).toBe(400);
    }
    const unchanged = await get(path, officer);
    expect(unchanged.body).toMatchObject({ status: 'issued', rating: 'approaching_target', vendorComment: null });
    expect((await get(`/contracts/${contract.id}`, officer)).body.endDate).toBe('2026-12-31');
    expect(await count('contract_renewals')).toBe(0);
  });

  it("should sum up the vendor's record, scoped, and warn an award about a poor last rating", async () => {
    await seedResults(otherContract);
    await finalEvaluation('inadequate');

    const record = await get(`/vendors/${vendorId}/performance`, officer);
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({
      vendorId,
      legalName: 'Alumbrado Norte SA',
      contracts: 1,
      evaluationsByYear: [{ year: 2026, total: 16, on_track: 12, at_risk: 1, missing: 1, off_track: 2 }],
      ratings: {
        counts: { good: 0, approaching_target: 0, requires_improvement: 0, inadequate: 1 },
        last: { contractNumber: 'PW-2026-0001', from: '2026-01', to: '2026-06', rating: 'inadequate' },
        latestPerContract: [expect.objectContaining({ contractId: contract.id, rating: 'inadequate' })],
      },
    });
    expect((await get(`/vendors/${vendorId}/performance`, vendorKey)).body.ratings.last.rating).toBe('inadequate');
    expect((await get(`/vendors/${vendorId}/performance`, otherVendorKey)).status).toBe(404);
    const seenFromParks = await get(`/vendors/${vendorId}/performance`, headOfParks);
    expect(seenFromParks.body).toMatchObject({ contracts: 0, evaluationsByYear: [], ratings: { last: null } });

    const solicitation = await createSolicitation(api.dataSource, works, { status: 'closed' });
    const bid = await createBid(api.dataSource, solicitation, vendor);
    const awarded = await post(`/solicitations/${solicitation.id}/award`, officer, {
      bidId: bid.id,
      contract: {
        number: 'PW-2027-0001',
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        managerEmail: 'manager@city.example',
      },
    });
    expect(awarded.status).toBe(201);
    expect(awarded.body.warnings).toContainEqual({
      code: 'VENDOR_RATED_BELOW_STANDARD',
      message:
        "Alumbrado Norte SA's last final performance evaluation rated it inadequate " +
        `(contract PW-2026-0001, 2026-01 – 2026-06, final on 2026-07-10)`,
    });
  });
});
