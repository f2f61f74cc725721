// Set before the apps' modules are imported (they read their configuration then). Contract managers are city staff:
// their emails speak ESCALATION_LANGUAGE, Spanish here.
Object.assign(process.env, {
  CITY_TIMEZONE: 'America/New_York',
  ESCALATION_LANGUAGE: 'es',
  NOTIFY_WITHIN_DAYS: '3650',
  EVALUATION_CRON: '0 0 29 2 *',
});

import type { TestingModule } from '@nestjs/testing';
import { addRecordNotices } from '#database';
import { JobName, QueueName } from '#domain';
import { queueSendJobs } from '#runtime';
import {
  createApiKey,
  createEvaluation,
  createKpi,
  FixedClock,
  openQueues,
  resetDatabase,
  resetQueues,
  startSmtpSink,
  waitForQuiet,
  type SmtpSink,
  type TestQueues,
} from '#testing';
import type { Contract, Department, Kpi, Vendor } from '#database';
import type { TestApp } from '../apps/api/test/support/create-test-app.js';

const sink: SmtpSink = await startSmtpSink();
process.env.SMTP_URL = sink.url;
const { createTestApp } = await import('../apps/api/test/support/create-test-app.js');
const { startInProcessWorker } = await import('./support/in-process-worker.js');
const { ContractExpiryDuty } = await import('../apps/worker/src/duties/contract-expiry.duty.js');

/** 10:00 in New York on a city day. */
const cityMorning = (day: string) => `${day}T15:00:00.000Z`;

// The expiry emails (the product design §9) written by the daily duty of three workers at once, each on one pinned
// clock (the in-process WorkerModule with CLOCK overridden, as time-zone-agreement.ts does for one worker): once
// per contract and occasion, however often the duty runs and on however many workers.
describe('contract expiry emails and the expiring report', () => {
  const clock = new FixedClock(cityMorning('2027-03-02'));
  let api: TestApp;
  let workers: TestingModule[];
  let queues: TestQueues;
  let officer: string;
  let departmentId: string;
  let otherDepartmentId: string;
  const contracts: Record<string, string> = {};

  /** Every worker runs the duty at once, then each consumes a run-duties job of the queue; then all is quiet. */
  const runDutiesOnEveryWorker = async () => {
    const written = await Promise.all(workers.map((worker) => worker.get(ContractExpiryDuty).perform()));
    await queueSendJobs(queues.get(QueueName.Notifications), written.flat());
    await queues
      .get(QueueName.Duties)
      .addBulk(workers.map(() => ({ name: JobName.RunDuties, data: {}, opts: { removeOnComplete: true } })));
    await waitForQuiet({ queues, dataSource: api.dataSource });
    return written.flat();
  };
  const expiryRows = async () =>
    api.dataSource.query(
      `SELECT c.number, n.occasion, n.status, n.to_addresses, n.language, n.last_error
         FROM notifications n JOIN contracts c ON c.id = n.record_id
        WHERE n.kind = 'contract_expiry' ORDER BY c.number, n.created_at`,
    );
  const subjects = () => sink.messages.map((message) => [message.to, message.subject]).sort();

  const create = async (number: string, endDate: string, overrides: Record<string, unknown> = {}) => {
    const created = await api.http.post('/api/v1/contracts', {
      token: officer,
      body: {
        number,
        title: `Servicio ${number}`,
        vendorId: overrides.vendorId,
        departmentId: overrides.departmentId ?? departmentId,
        value: 250000,
        startDate: '2025-01-01',
        endDate,
        managerEmail: `gestor-${number.toLowerCase()}@city.example`,
      },
    });
    expect(created.status).toBe(201);
    contracts[number] = created.body.id;
    return created.body.id as string;
  };

  beforeAll(async () => {
    api = await createTestApp({}, { clock });
    queues = openQueues();
    await resetDatabase(api.dataSource);
    await resetQueues(queues);
    workers = [];
    for (let index = 0; index < 3; index++) workers.push(await startInProcessWorker(clock));
    officer = await createApiKey(api.dataSource, 'procurement_officer');

    const department = await api.http.post('/api/v1/departments', {
      token: officer,
      body: { name: 'Obras Públicas', code: 'OP', headEmail: 'jefa@city.example' },
    });
    departmentId = department.body.id;
    const other = await api.http.post('/api/v1/departments', {
      token: officer,
      body: { name: 'Parques', code: 'PQ', headEmail: 'parques@city.example' },
    });
    otherDepartmentId = other.body.id;
    const vendor = await api.http.post('/api/v1/vendors', {
      token: officer,
      body: { legalName: '=Luces del Sur SA', taxId: 'EXP-1', email: 'ops@luces.example', preferredLanguage: 'pt' },
    });
    const vendorId = vendor.body.id;

    await create('EXP-A', '2027-06-30', { vendorId }); // 120 days left on 2 March
    await create('EXP-B', '2027-04-15', { vendorId }); // 44 days left: entered late, the 60-day email alone
    await create('EXP-C', '2027-06-30', { vendorId }); // completed below: no email
    await create('EXP-D', '2027-12-31', { vendorId }); // 304 days left: none yet
    await create('EXP-E', '2027-05-20', { vendorId, departmentId: otherDepartmentId }); // 79 days: 120-day email
    const completed = await api.http.patch(`/api/v1/contracts/${contracts['EXP-C']}`, {
      token: officer,
      body: { status: 'completed' },
    });
    expect(completed.status).toBe(200);

    // EXP-A's results: uptime on track three months of four, the response time at risk in February.
    const contractA = { id: contracts['EXP-A'] } as Contract;
    const uptime: Kpi = await createKpi(api.dataSource, contractA, { name: 'Disponibilidad', unit: '%' });
    const response: Kpi = await createKpi(api.dataSource, contractA, {
      name: 'Tiempo de respuesta',
      unit: 'horas',
      direction: 'lower_is_better',
      target: 4,
      offTrackThreshold: 8,
    });
    for (const [period, value, status] of [
      ['2026-11', 99, 'on_track'],
      ['2026-12', 98, 'on_track'],
      ['2027-01', 96, 'on_track'],
      ['2027-02', 93, 'at_risk'],
    ] as const) {
      await createEvaluation(api.dataSource, uptime, { period, value, status });
    }
    await createEvaluation(api.dataSource, response, { period: '2027-02', value: 6, status: 'at_risk' });
  }, 60_000);

  afterAll(async () => {
    for (const worker of workers ?? []) await worker.close();
    await queues?.close();
    await api?.close();
    await sink.stop();
  });

  it('should email each manager once on the day the 120-day or, for a late contract, the 60-day notice is due', async () => {
    const written = await runDutiesOnEveryWorker();

    // Three workers ran the duty at the same moment; only one row per contract and occasion was written.
    expect(written).toHaveLength(3);
    expect(await expiryRows()).toEqual([
      expect.objectContaining({ number: 'EXP-A', occasion: '120-days', status: 'sent', language: 'es' }),
      expect.objectContaining({ number: 'EXP-B', occasion: '60-days', status: 'sent', language: 'es' }),
      expect.objectContaining({ number: 'EXP-E', occasion: '120-days', status: 'sent', language: 'es' }),
    ]);
    expect(subjects()).toEqual([
      [['gestor-exp-a@city.example'], 'El contrato EXP-A vence el 30 de junio de 2027 (120 días): decisión pendiente'],
      [['gestor-exp-b@city.example'], 'El contrato EXP-B vence el 15 de abril de 2027 (44 días): decisión pendiente'],
      [['gestor-exp-e@city.example'], 'El contrato EXP-E vence el 20 de mayo de 2027 (79 días): decisión pendiente'],
    ]);
    const email = sink.messages.find((message) => message.to[0] === 'gestor-exp-a@city.example')!;
    // The last 12 months' results (3 of 5 on track) and each KPI's latest, the decision and the portal link.
    expect(email.text).toContain(
      'En los últimos 12 meses, 3 de 5 resultados de los indicadores estuvieron en meta (60%).',
    );
    expect(email.text).toMatch(/- Disponibilidad\n {4}Periodo: febrero de 2027\n {4}Resultado: 93%/);
    expect(email.text).toMatch(/- Tiempo de respuesta\n {4}Periodo: febrero de 2027\n {4}Resultado: 6 horas/);
    expect(email.text).toContain('iniciar un nuevo proceso de contratación');
    expect(email.text).toContain(`http://localhost:3000/portal/contracts/${contracts['EXP-A']}`);
  });

  it('should send nothing again on the same day, however many workers run the duty', async () => {
    const before = sink.messages.length;
    expect(await runDutiesOnEveryWorker()).toEqual([]);
    expect(await runDutiesOnEveryWorker()).toEqual([]);
    expect(sink.messages).toHaveLength(before);
  });

  it('should send each 60-day email once, from the city day 60 days before the end, and nothing more after', async () => {
    const before = sink.messages.length;
    clock.set(cityMorning('2027-03-21')); // 60 days before EXP-E's end; EXP-A has 101 left and has had its email
    expect(await runDutiesOnEveryWorker()).toHaveLength(1);
    clock.set('2027-05-01T03:59:59.999Z'); // a millisecond before 1 May in New York: EXP-A has 61 days left
    expect(await runDutiesOnEveryWorker()).toEqual([]);
    clock.set('2027-05-01T04:00:00.000Z'); // midnight in New York: 60 days left
    expect(await runDutiesOnEveryWorker()).toHaveLength(1);
    clock.set(cityMorning('2027-05-02'));
    expect(await runDutiesOnEveryWorker()).toEqual([]);
    expect(sink.messages.slice(before).map((message) => [message.to, message.subject])).toEqual([
      [['gestor-exp-e@city.example'], 'El contrato EXP-E vence el 20 de mayo de 2027 (60 días): decisión pendiente'],
      [['gestor-exp-a@city.example'], 'El contrato EXP-A vence el 30 de junio de 2027 (60 días): decisión pendiente'],
    ]);
    expect(
      (await expiryRows()).map((row: { number: string; occasion: string }) => `${row.number} ${row.occasion}`),
    ).toEqual(['EXP-A 120-days', 'EXP-A 60-days', 'EXP-B 60-days', 'EXP-E 120-days', 'EXP-E 60-days']);
  });

  it('should withdraw an expiry email whose contract ended or was extended before it went out', async () => {
    const before = sink.messages.length;
    await api.dataSource.query(`UPDATE contracts SET end_date = '2028-06-30' WHERE id = $1`, [contracts['EXP-D']]);
    const ids = await addRecordNotices(api.dataSource.manager, [
      {
        kind: 'contract_expiry',
        recordId: contracts['EXP-C'],
        occasion: '60-days',
        contractId: contracts['EXP-C'],
        to: ['gestor-exp-c@city.example'],
        language: 'es',
      },
      {
        kind: 'contract_expiry',
        recordId: contracts['EXP-D'],
        occasion: '120-days',
        contractId: contracts['EXP-D'],
        to: ['gestor-exp-d@city.example'],
        language: 'es',
      },
    ]);
    await queueSendJobs(queues.get(QueueName.Notifications), ids);
    await waitForQuiet({ queues, dataSource: api.dataSource });

    expect(sink.messages).toHaveLength(before);
    const rows = await expiryRows();
    expect(rows.filter((row: { number: string }) => ['EXP-C', 'EXP-D'].includes(row.number))).toEqual([
      expect.objectContaining({ number: 'EXP-C', status: 'suppressed', last_error: 'The contract is completed' }),
      expect.objectContaining({
        number: 'EXP-D',
        status: 'suppressed',
        last_error: 'The contract now ends on 2028-06-30',
      }),
    ]);
  });

  describe('GET /reports/expiring', () => {
    beforeAll(() => clock.set(cityMorning('2027-05-02')));

    it('should list the active contracts ending within the window, soonest first, with days left and emails', async () => {
      const report = await api.http.get('/api/v1/reports/expiring', { token: officer });
      expect(report.status).toBe(200);
      expect(report.body).toMatchObject({ asOf: '2027-05-02', withinDays: 120, departmentId: null });
      expect(
        report.body.rows.map((row: Record<string, unknown>) => [
          row.contractNumber,
          row.department,
          row.daysLeft,
          row.endDate,
        ]),
      ).toEqual([
        ['EXP-E', 'PQ', 18, '2027-05-20'],
        ['EXP-A', 'OP', 59, '2027-06-30'],
      ]);
      expect(report.body.rows[1]).toMatchObject({
        contractId: contracts['EXP-A'],
        vendor: '=Luces del Sur SA',
        managerEmail: 'gestor-exp-a@city.example',
        value: 250000,
        emails: [
          { occasion: '120-days', status: 'sent', sentAt: expect.any(String) },
          { occasion: '60-days', status: 'sent', sentAt: expect.any(String) },
        ],
      });
      const wider = await api.http.get('/api/v1/reports/expiring?withinDays=365', { token: officer });
      expect(wider.body.rows.map((row: { contractNumber: string }) => row.contractNumber)).toEqual(['EXP-E', 'EXP-A']);
      const today = await api.http.get('/api/v1/reports/expiring?withinDays=0', { token: officer });
      expect(today.body.rows).toEqual([]);
    });

    it('should write the same rows as CSV, typed text made inert', async () => {
      const report = await api.http.get('/api/v1/reports/expiring?format=csv', { token: officer });
      expect(report.status).toBe(200);
      expect(report.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(report.headers.get('content-disposition')).toBe('attachment; filename="expiring_2027-05-02_120d.csv"');
      expect(report.text.trim().split('\n')).toEqual([
        'department,contractNumber,contractTitle,vendor,managerEmail,value,endDate,daysLeft,email120Days,email60Days',
        "PQ,EXP-E,Servicio EXP-E,'=Luces del Sur SA,gestor-exp-e@city.example,250000,2027-05-20,18,sent,sent",
        "OP,EXP-A,Servicio EXP-A,'=Luces del Sur SA,gestor-exp-a@city.example,250000,2027-06-30,59,sent,sent",
      ]);
    });

    it('should confine department heads to their departments and refuse vendors', async () => {
      const head = await createApiKey(api.dataSource, 'department_head', {
        departments: [{ id: departmentId } as Department],
      });
      const own = await api.http.get('/api/v1/reports/expiring', { token: head });
      expect(own.body.rows.map((row: { contractNumber: string }) => row.contractNumber)).toEqual(['EXP-A']);
      const other = await api.http.get(`/api/v1/reports/expiring?departmentId=${otherDepartmentId}`, { token: head });
      expect([other.status, other.body.code]).toEqual([404, 'NOT_FOUND']);
      const filtered = await api.http.get(`/api/v1/reports/expiring?departmentId=${otherDepartmentId}`, {
        token: officer,
      });
      expect(filtered.body.rows.map((row: { contractNumber: string }) => row.contractNumber)).toEqual(['EXP-E']);
      const [vendor] = await api.dataSource.query(`SELECT id FROM vendors`);
      const vendorKey = await createApiKey(api.dataSource, 'vendor', { vendor: vendor as Vendor });
      expect((await api.http.get('/api/v1/reports/expiring', { token: vendorKey })).status).toBe(403);
    });

    it.each([
      ['withinDays=-1', 'withinDays', 'withinDays must not be less than 0'],
      ['withinDays=731', 'withinDays', 'withinDays must not be greater than 730'],
      ['withinDays=1.5', 'withinDays', 'withinDays must be a whole number of days'],
      ['withinDays=soon', 'withinDays', 'withinDays must be a whole number of days'],
      ['format=pdf', 'format', 'format must be one of json, csv'],
      ['departmentId=PQ', 'departmentId', 'departmentId must be a UUID'],
      ['from=2027-01', 'from', 'from is not an allowed field'],
    ])('should refuse %s with a 400 naming the field', async (query, field, message) => {
      const answer = await api.http.get(`/api/v1/reports/expiring?${query}`, { token: officer });
      expect([answer.status, answer.body.details]).toEqual([400, [{ field, message }]]);
    });
  });
});
