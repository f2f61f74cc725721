import {
  evaluateKpi,
  JobName,
  QueueName,
  formatPeriod,
  localDateOf,
  periodFirstDay,
  periodLastDay,
  periodOfDate,
  previousPeriod,
  type KpiDirection,
} from '#domain';
import {
  createApiKey,
  createContract,
  createDepartment,
  createKpi,
  createVendor,
  recordMeasurement,
  startWorkerHarness,
  startWorkers,
  stopWorkers,
  waitForRun,
  workerEnv,
  type AppProcess,
  type WorkerHarness,
} from '#testing';

// The worker judges every KPI period with evaluateKpi() and judgeKpiPeriod() of #domain. This runs a grid of
// values around each target and threshold through the built worker, and checks when a period becomes eligible.
describe('the worker evaluates by the rules', () => {
  let harness: WorkerHarness;
  let workers: AppProcess[] = [];
  let officer: string;

  beforeAll(async () => {
    harness = await startWorkerHarness();
    await harness.reset();
    officer = await createApiKey(harness.dataSource, 'procurement_officer');
    // Stale by design (NOTIFY_WITHIN_DAYS 0): outcomes are recorded as suppressed and nothing is mailed.
    workers = await startWorkers(1, workerEnv(harness.sink, { NOTIFY_WITHIN_DAYS: '0' }));
  }, 60_000);

  afterAll(async () => {
    await stopWorkers(workers);
    await harness?.close();
  }, 60_000);

  const run = async (body: object = {}) => {
    const response = await harness.http.post('/api/v1/evaluation-runs', { token: officer, body });
    expect(response.status).toBe(202);
    return waitForRun(harness.http, officer, response.body.id);
  };

  it('should give every KPI of a grid the status evaluateKpi gives it', async () => {
    const department = await createDepartment(harness.dataSource);
    const vendor = await createVendor(harness.dataSource);
    const contract = await createContract(harness.dataSource, vendor, department, {
      startDate: '2025-05-01',
      endDate: '2025-05-31',
    });
    const cases: { name: string; direction: KpiDirection; target: number; threshold: number; value: number | null }[] =
      [];
    for (const [direction, target, threshold] of [
      ['higher_is_better', 95, 90],
      ['higher_is_better', 90, 90],
      ['lower_is_better', 5, 10],
      ['lower_is_better', 2.5, 2.5],
    ] as const) {
      for (const value of new Set([
        null,
        target - 1,
        target,
        target + 1,
        threshold - 0.0001,
        threshold,
        threshold + 0.0001,
        -1000,
        1000,
      ])) {
        cases.push({ name: `${direction} ${target}/${threshold} v=${value}`, direction, target, threshold, value });
      }
    }
    for (const entry of cases) {
      const kpi = await createKpi(harness.dataSource, contract, {
        name: entry.name,
        direction: entry.direction,
        target: entry.target,
        offTrackThreshold: entry.threshold,
      });
      if (entry.value !== null) {
        await recordMeasurement(harness.dataSource, kpi.id, '2025-05', entry.value);
      }
    }
    await run({ contractIds: [contract.id] });
    const rows: { name: string; status: string }[] = await harness.dataSource.query(
      `SELECT k.name, e.status FROM kpi_evaluations e JOIN kpis k ON k.id = e.kpi_id WHERE e.contract_id = $1`,
      [contract.id],
    );
    const actual = Object.fromEntries(rows.map((row) => [row.name, row.status]));
    const expected = Object.fromEntries(
      cases.map((entry) => [
        entry.name,
        evaluateKpi(
          { direction: entry.direction, target: entry.target, offTrackThreshold: entry.threshold },
          entry.value,
          true,
        ),
      ]),
    );
    expect(actual).toEqual(expected);
  }, 60_000);

  it('should judge a period with a value once it has ended, and one without only once its grace days have passed', async () => {
    const lastMonth = previousPeriod(periodOfDate(localDateOf(new Date(), 'America/New_York'), 'monthly'));
    const department = await createDepartment(harness.dataSource);
    const vendor = await createVendor(harness.dataSource);
    const dates = { startDate: periodFirstDay(lastMonth), endDate: periodLastDay(lastMonth) };
    const patient = await createContract(harness.dataSource, vendor, department, { ...dates, reportingGraceDays: 365 });
    const strict = await createContract(harness.dataSource, vendor, department, { ...dates, reportingGraceDays: 0 });
    const reported = await createKpi(harness.dataSource, patient, { name: 'reported' });
    await createKpi(harness.dataSource, patient, { name: 'not yet due' });
    await createKpi(harness.dataSource, strict, { name: 'due' });
    await recordMeasurement(harness.dataSource, reported.id, formatPeriod(lastMonth), 99);
    await run({ contractIds: [patient.id, strict.id], period: formatPeriod(lastMonth) });
    const rows = await harness.dataSource.query(
      `SELECT k.name, e.status FROM kpi_evaluations e JOIN kpis k ON k.id = e.kpi_id
        WHERE e.contract_id = ANY($1::uuid[]) ORDER BY k.name`,
      [[patient.id, strict.id]],
    );
    expect(rows).toEqual([
      { name: 'due', status: 'missing' },
      { name: 'reported', status: 'on_track' },
    ]);
  }, 60_000);

  it('should schedule evaluation and the daily duties on EVALUATION_CRON in the city time zone, and the outbox sweep', async () => {
    const runs = harness.queues.get(QueueName.EvaluationRuns);
    const notifications = harness.queues.get(QueueName.Notifications);
    expect(await runs.getJobScheduler('evaluation-schedule')).toMatchObject({
      name: JobName.ScheduledRun,
      pattern: '0 0 29 2 *',
      tz: 'America/New_York',
    });
    expect(await notifications.getJobScheduler('outbox-sweep')).toMatchObject({ name: JobName.Sweep, every: 2000 });
    expect(await harness.queues.get(QueueName.Duties).getJobScheduler('daily-duties')).toMatchObject({
      name: JobName.RunDuties,
      pattern: '0 0 29 2 *',
      tz: 'America/New_York',
    });
  });

  it('should answer 400 for a malformed period or unknown contracts, and 403 to non-officers', async () => {
    const bad = await harness.http.post('/api/v1/evaluation-runs', { token: officer, body: { period: 'March' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('period');
    const unknown = await harness.http.post('/api/v1/evaluation-runs', {
      token: officer,
      body: { contractIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].field).toBe('contractIds');
    const department = await createDepartment(harness.dataSource);
    const head = await createApiKey(harness.dataSource, 'department_head', { departments: [department] });
    expect((await harness.http.post('/api/v1/evaluation-runs', { token: head, body: {} })).status).toBe(403);
    expect(
      (await harness.http.get('/api/v1/evaluation-runs/00000000-0000-4000-8000-000000000000', { token: officer }))
        .status,
    ).toBe(404);
  });
});
