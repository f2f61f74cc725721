import type { Contract, Kpi } from '#database';
import {
  createApiKey,
  createContract,
  createDepartment,
  createKpi,
  createVendor,
  meetingPackOutbox,
  recordMeasurement,
  splitMeetingPacks,
  startWorkerHarness,
  startWorkers,
  stopWorkers,
  waitForOutboxSettled,
  waitForQuiet,
  waitForRun,
  workerEnv,
  type AppProcess,
  type SmtpSink,
  type WorkerHarness,
} from '#testing';

// A hand-worked city: three contracts, KPIs of both directions and of every frequency, gaps and a late correction.
// Every evaluation and every email below was worked out by hand from the rules of the product design (§3).
describe('evaluation and notification, end to end', () => {
  let harness: WorkerHarness;
  let sink: SmtpSink;
  let workers: AppProcess[] = [];
  let officer: string;
  const kpis: Record<string, Kpi> = {};
  const contracts: Record<string, Contract> = {};

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
    const works = await createDepartment(harness.dataSource, {
      name: 'Public Works',
      code: 'PW',
      headEmail: 'head.pw@city.example',
    });
    const parks = await createDepartment(harness.dataSource, {
      name: 'Parks',
      code: 'PK',
      headEmail: 'head.parks@city.example',
    });
    const acme = await createVendor(harness.dataSource, {
      legalName: 'Acme Paving',
      email: 'ops@acme.example',
      preferredLanguage: 'en',
    });
    const beta = await createVendor(harness.dataSource, {
      legalName: 'Beta Verde',
      email: 'hola@beta.example',
      preferredLanguage: 'es',
    });
    const gama = await createVendor(harness.dataSource, {
      legalName: 'Gama Limpeza',
      email: 'oi@gama.example',
      preferredLanguage: 'pt',
    });

    contracts.A = await createContract(harness.dataSource, acme, works, {
      number: 'A-1',
      startDate: '2025-01-01',
      endDate: '2025-04-30',
      managerEmail: 'pm.a@city.example',
    });
    kpis.repairs = await createKpi(harness.dataSource, contracts.A, {
      name: 'On-time repairs',
      direction: 'higher_is_better',
      target: 95,
      offTrackThreshold: 90,
      frequency: 'monthly',
    });
    kpis.complaints = await createKpi(harness.dataSource, contracts.A, {
      name: 'Complaints',
      unit: 'complaints',
      direction: 'lower_is_better',
      target: 5,
      offTrackThreshold: 10,
      frequency: 'quarterly',
    });
    await measure(kpis.repairs, '2025-01', 96); // on track
    await measure(kpis.repairs, '2025-02', 92); // at risk: no email on its own
    await measure(kpis.repairs, '2025-03', 85); // off track, run 1
    await measure(kpis.repairs, '2025-04', 80); // off track, run 2: escalation
    await measure(kpis.complaints, '2025-Q1', 12); // off track; 2025-Q2 (April only) has no value: missing

    contracts.B = await createContract(harness.dataSource, beta, parks, {
      number: 'B-1',
      startDate: '2024-01-01',
      endDate: '2025-12-31',
      managerEmail: 'pm.b@city.example',
    });
    kpis.trees = await createKpi(harness.dataSource, contracts.B, {
      name: 'Trees planted',
      unit: 'trees',
      target: 1000,
      offTrackThreshold: 800,
      frequency: 'annual',
    });
    await measure(kpis.trees, '2024', 1200); // on track
    await measure(kpis.trees, '2025', 700.5); // off track

    contracts.C = await createContract(harness.dataSource, gama, parks, {
      number: 'C-1',
      startDate: '2025-06-01',
      endDate: '2025-08-31',
      managerEmail: 'pm.c@city.example',
    });
    kpis.collection = await createKpi(harness.dataSource, contracts.C, {
      name: 'Coleta no prazo',
      target: 98,
      offTrackThreshold: 95,
      frequency: 'monthly',
    });
    kpis.retired = await createKpi(harness.dataSource, contracts.C, { name: 'Retired', active: false });
    await measure(kpis.collection, '2025-06', 99); // on track; July has no value: missing
    await measure(kpis.collection, '2025-08', 90); // off track (corrected later)
  }

  const evaluations = () =>
    harness.dataSource.query(
      `SELECT c.number AS contract, k.name AS kpi, e.period, e.value, e.target, e.off_track_threshold AS threshold, e.status
         FROM kpi_evaluations e JOIN kpis k ON k.id = e.kpi_id JOIN contracts c ON c.id = e.contract_id
        ORDER BY c.number, k.name, e.period`,
    );
  const requestRun = async () => {
    const response = await harness.http.post('/api/v1/evaluation-runs', { token: officer, body: {} });
    expect(response.status).toBe(202);
    return waitForRun(harness.http, officer, response.body.id);
  };

  const FIRST_EVALUATIONS = [
    { contract: 'A-1', kpi: 'Complaints', period: '2025-Q1', value: 12, target: 5, threshold: 10, status: 'off_track' },
    { contract: 'A-1', kpi: 'Complaints', period: '2025-Q2', value: null, target: 5, threshold: 10, status: 'missing' },
    {
      contract: 'A-1',
      kpi: 'On-time repairs',
      period: '2025-01',
      value: 96,
      target: 95,
      threshold: 90,
      status: 'on_track',
    },
    {
      contract: 'A-1',
      kpi: 'On-time repairs',
      period: '2025-02',
      value: 92,
      target: 95,
      threshold: 90,
      status: 'at_risk',
    },
    {
      contract: 'A-1',
      kpi: 'On-time repairs',
      period: '2025-03',
      value: 85,
      target: 95,
      threshold: 90,
      status: 'off_track',
    },
    {
      contract: 'A-1',
      kpi: 'On-time repairs',
      period: '2025-04',
      value: 80,
      target: 95,
      threshold: 90,
      status: 'off_track',
    },
    {
      contract: 'B-1',
      kpi: 'Trees planted',
      period: '2024',
      value: 1200,
      target: 1000,
      threshold: 800,
      status: 'on_track',
    },
    {
      contract: 'B-1',
      kpi: 'Trees planted',
      period: '2025',
      value: 700.5,
      target: 1000,
      threshold: 800,
      status: 'off_track',
    },
    {
      contract: 'C-1',
      kpi: 'Coleta no prazo',
      period: '2025-06',
      value: 99,
      target: 98,
      threshold: 95,
      status: 'on_track',
    },
    {
      contract: 'C-1',
      kpi: 'Coleta no prazo',
      period: '2025-07',
      value: null,
      target: 98,
      threshold: 95,
      status: 'missing',
    },
    {
      contract: 'C-1',
      kpi: 'Coleta no prazo',
      period: '2025-08',
      value: 90,
      target: 98,
      threshold: 95,
      status: 'off_track',
    },
  ];

  const NOTIFICATIONS = [
    ['A-1', '2025-03', 'off_track', ['ops@acme.example'], ['pm.a@city.example'], 'en'],
    ['A-1', '2025-04', 'escalation', ['head.pw@city.example'], ['pm.a@city.example'], 'en'],
    ['A-1', '2025-04', 'off_track', ['ops@acme.example'], ['pm.a@city.example'], 'en'],
    ['A-1', '2025-Q1', 'off_track', ['ops@acme.example'], ['pm.a@city.example'], 'en'],
    ['A-1', '2025-Q2', 'missing_data', ['ops@acme.example'], [], 'en'],
    ['B-1', '2025', 'off_track', ['hola@beta.example'], ['pm.b@city.example'], 'es'],
    ['C-1', '2025-07', 'missing_data', ['oi@gama.example'], [], 'pt'],
    ['C-1', '2025-08', 'off_track', ['oi@gama.example'], ['pm.c@city.example'], 'pt'],
  ] as const;

  // One pack per department and month the evaluated periods end in (a quarter in its last month, a year in
  // December), each month complete: Public Works has January to April and June (2025-Q2, A-1 ending in April);
  // Parks has December 2024 (B-1's 2024), June to August (C-1) and December 2025 (B-1's 2025).
  const MEETING_PACKS = [
    ['PK', '2024-12'],
    ['PK', '2025-06'],
    ['PK', '2025-07'],
    ['PK', '2025-08'],
    ['PK', '2025-12'],
    ['PW', '2025-01'],
    ['PW', '2025-02'],
    ['PW', '2025-03'],
    ['PW', '2025-04'],
    ['PW', '2025-06'],
  ];
  const EMAILS = NOTIFICATIONS.length + MEETING_PACKS.length;

  it('should evaluate every due period and send exactly the emails the rules call for', async () => {
    workers = await startWorkers(1, workerEnv(sink));
    const run = await requestRun();
    expect(run.counts).toEqual({
      contracts: 3,
      kpis: 11,
      on_track: 3,
      at_risk: 1,
      off_track: 5,
      missing: 2,
      notifications: 8,
    });
    expect(await evaluations()).toEqual(FIRST_EVALUATIONS);

    const outbox = await waitForOutboxSettled(harness);
    expect(
      outbox.map((row: Record<string, unknown>) => [
        row.contract,
        row.period,
        row.kind,
        row.to_addresses,
        row.cc_addresses,
        row.language,
      ]),
    ).toEqual(NOTIFICATIONS.map((row) => [...row]));
    expect(
      outbox.every((row: { status: string; attempts: number }) => row.status === 'sent' && row.attempts === 1),
    ).toBe(true);

    expect(
      (await meetingPackOutbox(harness.dataSource)).map((row: Record<string, unknown>) => [
        row.department,
        row.period,
        row.status,
        row.to_addresses,
      ]),
    ).toEqual(
      MEETING_PACKS.map(([department, period]) => [
        department,
        period,
        'sent',
        [department === 'PW' ? 'head.pw@city.example' : 'head.parks@city.example'],
      ]),
    );
    await sink.waitForMessages(EMAILS);
    expect(sink.messages).toHaveLength(EMAILS);
    expect(new Set(sink.messages.map((message) => message.messageId)).size).toBe(EMAILS);
    const { notices: mail, packs } = await splitMeetingPacks(harness.dataSource, sink.messages);
    expect(mail).toHaveLength(8);
    expect(packs.every((message) => message.attachments[0]?.contentType === 'application/pdf')).toBe(true);
    const find = (to: string, contract: string, period: RegExp) =>
      mail.filter(
        (message) => message.to.includes(to) && message.subject.includes(contract) && period.test(message.subject),
      );

    const escalation = mail.filter((message) => message.to.includes('head.pw@city.example'));
    expect(escalation).toHaveLength(1);
    expect(escalation[0].cc).toEqual(['pm.a@city.example']);
    expect(escalation[0].text).toContain('On-time repairs');
    expect(escalation[0].text).toMatch(/85/);
    expect(escalation[0].text).toMatch(/80/);

    const [april] = find('ops@acme.example', 'A-1', /April 2025/);
    expect(april.text).toContain('On-time repairs');
    expect(april.text).toMatch(/80/);
    expect(april.text).toMatch(/95/);
    expect(april.text).toMatch(/90/);
    expect(april.text).toContain('/api/v1/contracts/');

    const spanish = mail.filter((message) => message.to.includes('hola@beta.example'));
    expect(spanish).toHaveLength(1);
    expect(spanish[0].text).toContain('Trees planted');
    expect(spanish[0].text).toMatch(/700\.5 trees/);
    expect(spanish[0].text).toMatch(/1,000 trees/);
    expect(spanish[0].subject).toMatch(/^Contrato B-1, 2025/);

    const portuguese = mail.filter((message) => message.to.includes('oi@gama.example'));
    expect(portuguese).toHaveLength(2);
    expect(portuguese.map((message) => message.text).join('\n')).toContain('Coleta no prazo');
    for (const message of mail) {
      expect(message.text.length).toBeGreaterThan(0);
      expect(message.html).toContain('<');
    }
  }, 90_000);

  it('should re-evaluate corrected and late values, and email nothing twice however often it runs', async () => {
    workers = await startWorkers(1, workerEnv(sink));
    await requestRun();
    await waitForOutboxSettled(harness);
    await sink.waitForMessages(EMAILS);

    await measure(kpis.collection, '2025-07', 97); // late: at risk now
    await measure(kpis.collection, '2025-08', 96); // corrected: at risk now
    const second = await requestRun();
    expect(second.counts).toMatchObject({ kpis: 2, at_risk: 2, notifications: 0 });
    const third = await requestRun();
    expect(third.counts).toMatchObject({ contracts: 3, kpis: 0, notifications: 0 });

    expect(await evaluations()).toEqual(
      FIRST_EVALUATIONS.map((row) =>
        row.contract === 'C-1' && row.period === '2025-07'
          ? { ...row, value: 97, status: 'at_risk' }
          : row.contract === 'C-1' && row.period === '2025-08'
            ? { ...row, value: 96, status: 'at_risk' }
            : row,
      ),
    );
    await waitForQuiet(harness);
    expect(sink.messages).toHaveLength(EMAILS);
    expect(await harness.dataSource.query('SELECT count(*)::int AS n FROM notifications')).toEqual([{ n: EMAILS }]);
  }, 90_000);

  it('should give one result and one email per (contract, period, kind) with three workers started together', async () => {
    workers = await startWorkers(3, workerEnv(sink, { EVALUATION_CHUNK_SIZE: '1' }));
    const runs = await Promise.all(
      [1, 2, 3].map(() => harness.http.post('/api/v1/evaluation-runs', { token: officer, body: {} })),
    );
    for (const response of runs) await waitForRun(harness.http, officer, response.body.id);
    await waitForOutboxSettled(harness);
    expect(await evaluations()).toEqual(FIRST_EVALUATIONS);
    await sink.waitForMessages(EMAILS);
    await waitForQuiet(harness);
    expect(sink.messages).toHaveLength(EMAILS);
    expect(new Set(sink.messages.map((message) => message.messageId)).size).toBe(EMAILS);
    expect(await meetingPackOutbox(harness.dataSource)).toHaveLength(MEETING_PACKS.length);
  }, 90_000);

  it('should record stale periods as suppressed and email nothing when they became due long before evaluation', async () => {
    workers = await startWorkers(1, workerEnv(sink, { NOTIFY_WITHIN_DAYS: '45' }));
    await requestRun();
    const outbox = await waitForOutboxSettled(harness);
    expect(outbox).toHaveLength(8);
    expect(outbox.every((row: { status: string }) => row.status === 'suppressed')).toBe(true);
    const packs = await meetingPackOutbox(harness.dataSource);
    expect(packs).toHaveLength(MEETING_PACKS.length);
    expect(packs.every((row: { status: string }) => row.status === 'suppressed')).toBe(true);
    await waitForQuiet(harness);
    expect(sink.messages).toHaveLength(0);
  }, 60_000);
});
