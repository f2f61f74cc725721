import type { Department, Kpi } from '#database';
import {
  createApiKey,
  createCertification,
  createContract,
  createDepartment,
  createKpi,
  createVendor,
  meetingPackOutbox,
  readPdf,
  recordMeasurement,
  splitMeetingPacks,
  startWorkerHarness,
  startWorkers,
  stopWorkers,
  waitFor,
  waitForOutboxSettled,
  waitForQuiet,
  waitForRun,
  workerEnv,
  type AppProcess,
  type ReceivedMail,
  type SmtpSink,
  type WorkerHarness,
} from '#testing';

// Two departments, each with a head, and contracts that run through March 2025 only, so that one run evaluates
// one month: Works has W-1 off track (85 against 95, an off-track notice to Alpha) and W-2 on track, and paid
// Alpha (diverse) 1,000 in March; Parks has P-1 at risk (92 against 100).
describe('meeting pack emails', () => {
  let harness: WorkerHarness;
  let sink: SmtpSink;
  let workers: AppProcess[] = [];
  let officer: string;
  let works: Department;
  const kpis: Record<string, Kpi> = {};

  beforeAll(async () => {
    harness = await startWorkerHarness();
    sink = harness.sink;
  }, 60_000);

  beforeEach(async () => {
    await harness.reset();
    officer = await createApiKey(harness.dataSource, 'procurement_officer');
    await seed();
  });

  afterEach(async () => {
    await stopWorkers(workers);
    workers = [];
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  }, 60_000);

  const measure = (kpi: Kpi, period: string, value: number) =>
    recordMeasurement(harness.dataSource, kpi.id, period, value);

  async function seed(): Promise<void> {
    const ds = harness.dataSource;
    works = await createDepartment(ds, { name: 'Public Works', code: 'WRK', headEmail: 'head.works@city.example' });
    const parks = await createDepartment(ds, { name: 'Parks', code: 'PRK', headEmail: 'head.parks@city.example' });
    const alpha = await createVendor(ds, { legalName: 'Alpha Paving', email: 'ops@alpha.example' });
    const beta = await createVendor(ds, { legalName: 'Beta Services', email: 'ops@beta.example' });
    await createCertification(ds, alpha, { type: 'women_owned', validFrom: '2020-01-01' });
    const march = { startDate: '2025-03-01', endDate: '2025-03-31' };
    const w1 = await createContract(ds, alpha, works, { number: 'W-1', title: 'Street repairs', ...march });
    const w2 = await createContract(ds, beta, works, { number: 'W-2', title: 'Street cleaning', ...march });
    const p1 = await createContract(ds, beta, parks, { number: 'P-1', title: 'Playgrounds', ...march });
    kpis.potholes = await createKpi(ds, w1, { name: 'Potholes fixed', target: 95, offTrackThreshold: 90 });
    kpis.response = await createKpi(ds, w2, {
      name: 'Response time',
      unit: 'hours',
      direction: 'lower_is_better',
      target: 48,
      offTrackThreshold: 60,
    });
    kpis.safety = await createKpi(ds, p1, { name: 'Safety inspections', target: 100, offTrackThreshold: 90 });
    await measure(kpis.potholes, '2025-03', 85);
    await measure(kpis.response, '2025-03', 40);
    await measure(kpis.safety, '2025-03', 92);
    await ds.query(
      `INSERT INTO payments (contract_id, payee_vendor_id, amount, paid_on, invoice_number) VALUES ($1, $2, 1000, '2025-03-10', 'INV-1')`,
      [w1.id, alpha.id],
    );
  }

  const requestRun = async () => {
    const response = await harness.http.post('/api/v1/evaluation-runs', { token: officer, body: {} });
    expect(response.status).toBe(202);
    return waitForRun(harness.http, officer, response.body.id);
  };
  const packsTo = async (address: string): Promise<ReceivedMail[]> =>
    (await splitMeetingPacks(harness.dataSource, sink.messages)).packs.filter((message) =>
      message.to.includes(address),
    );
  /** Text runs of the PDF from `first` on, `count` of them: a table row in drawing order. */
  const runsFrom = (text: string, first: string, count: number) => {
    const lines = text.split('\n');
    expect(lines).toContain(first);
    return lines.slice(lines.indexOf(first), lines.indexOf(first) + count);
  };

  it('should email each department head one pack for the month, in ESCALATION_LANGUAGE, with the PDF of its figures', async () => {
    workers = await startWorkers(1, workerEnv(sink, { ESCALATION_LANGUAGE: 'es' }));
    await requestRun();
    await waitForOutboxSettled(harness);
    await sink.waitForMessages(3);

    expect(await meetingPackOutbox(harness.dataSource)).toEqual([
      expect.objectContaining({
        department: 'PRK',
        period: '2025-03',
        status: 'sent',
        to_addresses: ['head.parks@city.example'],
        cc_addresses: [],
        language: 'es',
        contract_id: null,
        attempts: 1,
      }),
      expect.objectContaining({
        department: 'WRK',
        period: '2025-03',
        status: 'sent',
        to_addresses: ['head.works@city.example'],
        language: 'es',
        contract_id: null,
      }),
    ]);
    const { packs, notices } = await splitMeetingPacks(harness.dataSource, sink.messages);
    expect(notices.map((message) => message.to)).toEqual([['ops@alpha.example']]);
    expect(packs).toHaveLength(2);

    const [worksPack] = await packsTo('head.works@city.example');
    expect(worksPack.subject).toBe('Informe para la reunión de desempeño: Public Works, marzo de 2025');
    expect(worksPack.text).toContain('- Contratos vigentes en el mes: 2');
    expect(worksPack.text).toContain('- Contratos fuera de meta o en riesgo: 1');
    expect(worksPack.text).toContain('- Indicadores con tendencia a salir de meta: 0');
    expect(worksPack.text).toContain(
      `/api/v1/reports/meeting-pack?departmentId=${works.id}&period=2025-03&format=html`,
    );
    expect(worksPack.html).toContain('meeting-pack_WRK_2025-03.pdf');
    expect(worksPack.attachments.map(({ filename, contentType }) => ({ filename, contentType }))).toEqual([
      { filename: 'meeting-pack_WRK_2025-03.pdf', contentType: 'application/pdf' },
    ]);
    const worksPdf = await readPdf(worksPack.attachments[0].content);
    // A first page of figures and contracts; the early warning (none here), notices and payments follow.
    expect(worksPdf.pages).toHaveLength(2);
    expect(worksPdf.text).toContain('Ningún indicador tiende a salir de meta.');
    // The attached pack speaks the email's language too.
    expect(worksPdf.title).toBe('Informe para la reunión de desempeño: Public Works, marzo de 2025');
    for (const [label, value] of [
      ['Contratos vigentes en el mes', '2'],
      ['Indicadores evaluados', '2'],
      ['En meta', '1'],
      ['Fuera de meta', '1'],
      ['Porcentaje en meta', '50.0%'],
      ['Pagos del mes', 'USD 1,000.00'],
      ['Porcentaje de pagos a grupos diversos', '100.0%'],
      ['Indicadores con tendencia a salir de meta', '0'],
    ]) {
      expect(runsFrom(worksPdf.text, label, 2)).toEqual([label, value]);
    }
    expect(runsFrom(worksPdf.text, 'W-1: Street repairs', 3)).toEqual([
      'W-1: Street repairs',
      'Alpha Paving',
      'Fuera de meta',
    ]);
    expect(runsFrom(worksPdf.text, 'Potholes fixed', 6)).toEqual([
      'Potholes fixed',
      '2025-03',
      '85%',
      '95% o más',
      'por debajo de 90%',
      'Fuera de meta',
    ]);
    expect(runsFrom(worksPdf.text, 'Aviso de incumplimiento', 2)).toEqual([
      'Aviso de incumplimiento',
      'ops@alpha.example',
    ]);
    expect(worksPdf.text).toContain('Página 1 de 2');
    expect(worksPdf.text).not.toContain('P-1');

    const [parksPack] = await packsTo('head.parks@city.example');
    expect(parksPack.attachments[0].filename).toBe('meeting-pack_PRK_2025-03.pdf');
    const parksPdf = await readPdf(parksPack.attachments[0].content);
    expect(runsFrom(parksPdf.text, 'P-1: Playgrounds', 3)).toEqual(['P-1: Playgrounds', 'Beta Services', 'En riesgo']);
    expect(runsFrom(parksPdf.text, 'Indicadores evaluados', 2)).toEqual(['Indicadores evaluados', '1']);
    expect(parksPdf.text).not.toContain('W-1');
  }, 90_000);

  it('should send no second pack when evaluation runs again, after a correction, or when a completion is replayed', async () => {
    workers = await startWorkers(1, workerEnv(sink));
    const firstRun = await requestRun();
    expect(firstRun.status).toBe('completed');
    await waitForOutboxSettled(harness);
    await sink.waitForMessages(3);

    await requestRun(); // nothing changed: nothing evaluated
    await measure(kpis.response, '2025-03', 70); // corrected: W-2 is off track now, which is a new notice
    const corrected = await requestRun();
    expect(corrected.counts).toMatchObject({ kpis: 1, off_track: 1, notifications: 1 });
    await waitForOutboxSettled(harness);
    await sink.waitForMessages(4);

    // The completion step once more, as after a crash: the sweep re-drives a run that is not completed.
    // UPDATE answers [rows, count].
    const [[{ id: runId }]] = await harness.dataSource.query(
      `UPDATE evaluation_runs SET status = 'running', finished_at = NULL
        WHERE id = (SELECT id FROM evaluation_runs ORDER BY requested_at LIMIT 1) RETURNING id`,
    );
    await waitForRun(harness.http, officer, runId);
    await waitForQuiet(harness);

    expect((await meetingPackOutbox(harness.dataSource)).map((row: { department: string }) => row.department)).toEqual([
      'PRK',
      'WRK',
    ]);
    expect(sink.messages).toHaveLength(4);
    expect(await packsTo('head.works@city.example')).toHaveLength(1);
    expect(await packsTo('head.parks@city.example')).toHaveLength(1);
  }, 120_000);

  it('should send a pack whose job was lost, through the outbox sweep', async () => {
    workers = await startWorkers(1, workerEnv(sink));
    // As if the worker died between recording the pack and queueing its email.
    await harness.dataSource.query(
      `INSERT INTO notifications (department_id, period, kind, status, to_addresses, language, updated_at)
       VALUES ($1, '2025-03', 'meeting_pack', 'pending', '{head.works@city.example}', 'en', now() - interval '1 minute')`,
      [works.id],
    );
    await sink.waitForMessages(1);
    const [message] = sink.messages;
    expect(message.subject).toBe('Performance meeting pack: Public Works, March 2025');
    expect(message.attachments[0].filename).toBe('meeting-pack_WRK_2025-03.pdf');
    await waitFor('the pack to be recorded as sent', async () => {
      const [row] = await meetingPackOutbox(harness.dataSource);
      if (row.status !== 'sent') throw new Error(row.status);
    });
  }, 60_000);

  it('should hold a department’s pack until every KPI period of the month has been evaluated', async () => {
    // W-3's March is not due for years (grace days) and has no value yet: Works' March is not complete.
    const vendor = await createVendor(harness.dataSource, { legalName: 'Gamma' });
    const w3 = await createContract(harness.dataSource, vendor, works, {
      number: 'W-3',
      startDate: '2025-03-01',
      endDate: '2025-03-31',
      reportingGraceDays: 5000,
    });
    const late = await createKpi(harness.dataSource, w3, { name: 'Late figures' });
    workers = await startWorkers(1, workerEnv(sink));
    await requestRun();
    await waitForOutboxSettled(harness);
    expect((await meetingPackOutbox(harness.dataSource)).map((row: { department: string }) => row.department)).toEqual([
      'PRK',
    ]);

    await measure(late, '2025-03', 99);
    await requestRun();
    await waitForOutboxSettled(harness);
    expect(await meetingPackOutbox(harness.dataSource)).toEqual([
      expect.objectContaining({ department: 'PRK', status: 'sent' }),
      expect.objectContaining({ department: 'WRK', status: 'sent' }),
    ]);
    await waitFor('the Works pack', async () => {
      if ((await packsTo('head.works@city.example')).length !== 1) throw new Error('not yet');
    });
    const [worksPack] = await packsTo('head.works@city.example');
    const pdf = await readPdf(worksPack.attachments[0].content);
    expect(runsFrom(pdf.text, 'KPIs evaluated', 2)).toEqual(['KPIs evaluated', '3']);
  }, 120_000);

  it('should record a pack for a month long past as suppressed and email nothing, until an officer sends it', async () => {
    workers = await startWorkers(1, workerEnv(sink, { NOTIFY_WITHIN_DAYS: '45' }));
    await requestRun();
    await waitForOutboxSettled(harness);
    expect((await meetingPackOutbox(harness.dataSource)).map((row: { status: string }) => row.status)).toEqual([
      'suppressed',
      'suppressed',
    ]);
    await waitForQuiet(harness);
    expect(sink.messages).toHaveLength(0);

    const [{ id }] = await harness.dataSource.query(
      `SELECT id FROM notifications WHERE kind = 'meeting_pack' AND department_id = $1`,
      [works.id],
    );
    const retried = await harness.http.post(`/api/v1/notifications/${id}/retry`, { token: officer });
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ id, kind: 'meeting_pack', contractId: null, departmentId: works.id });
    const [message] = await sink.waitForMessages(1);
    expect(message.to).toEqual(['head.works@city.example']);
    expect(message.attachments[0].filename).toBe('meeting-pack_WRK_2025-03.pdf');
  }, 90_000);
});
