import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobName, QueueName, runJobId } from '#domain';
import {
  createApiKey,
  createContract,
  createDepartment,
  createKpi,
  createVendor,
  recordMeasurement,
  resetDatabase,
  startSmtpSink,
  startThrowawayRedis,
  waitFor,
  type AppProcess,
  type SmtpSink,
} from '#testing';
import { Queue } from 'bullmq';
import { createTestApp, type TestApp } from '../../api/test/support/create-test-app.js';
import {
  meetingPackOutbox,
  resetQueues,
  startWorkers,
  stopWorkers,
  waitForOutboxSettled,
  waitForRun,
  workerEnv,
} from './support/worker-harness.js';

// Faults on the way out: the mail server away, refusing, the worker killed, Redis restarted. Every case must end
// with every email that is due delivered once.
describe('delivery under faults', () => {
  let testApp: TestApp;
  let sink: SmtpSink;
  let workers: AppProcess[] = [];
  let officer: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    sink = await startSmtpSink();
  });

  beforeEach(async () => {
    await resetDatabase(testApp.dataSource);
    await resetQueues(testApp);
    sink.messages.length = 0;
    sink.behaviour = 'accept';
    sink.delayMs = 0;
    officer = await createApiKey(testApp.dataSource, 'procurement_officer');
  });

  afterEach(async () => {
    await stopWorkers(workers);
    workers = [];
    await sink.start().catch(() => undefined); // back up if a test left it down
  }, 60_000);

  afterAll(async () => {
    await sink.stop();
    await testApp.close();
  });

  /**
   * `count` contracts of one department, each with one KPI off track in 2025-03: one off-track email each, and
   * the department head's meeting pack for 2025-03.
   */
  async function seedOffTrack(count: number): Promise<void> {
    const department = await createDepartment(testApp.dataSource);
    for (let index = 0; index < count; index++) {
      const vendor = await createVendor(testApp.dataSource, { email: `vendor${index}@vendors.example` });
      const contract = await createContract(testApp.dataSource, vendor, department, {
        startDate: '2025-03-01',
        endDate: '2025-03-31',
      });
      const kpi = await createKpi(testApp.dataSource, contract, { target: 95, offTrackThreshold: 90 });
      await recordMeasurement(testApp.dataSource, kpi.id, '2025-03', 50);
    }
  }

  /** The one contract notice's outbox row, when there is one contract. */
  const outboxRow = async () =>
    (
      await testApp.dataSource.query(
        'SELECT status, attempts, last_error, sent_at FROM notifications WHERE contract_id IS NOT NULL',
      )
    )[0];
  const startRun = async () =>
    (await testApp.http.post('/api/v1/evaluation-runs', { token: officer, body: {} })).body.id as string;

  it('should keep retrying while the mail server is down and deliver once it is back', async () => {
    await seedOffTrack(1);
    await sink.stop();
    workers = await startWorkers(1, workerEnv(sink));
    await waitForRun(testApp.http, officer, await startRun());
    await waitFor('two failed attempts', async () => {
      const row = await outboxRow();
      if (!(row?.attempts >= 2)) throw new Error(JSON.stringify(row));
    });
    expect(await outboxRow()).toMatchObject({
      status: 'pending',
      last_error: expect.stringMatching(/ECONNREFUSED|ECONNECTION/),
    });

    await sink.start();
    const [row] = await waitForOutboxSettled(testApp.dataSource);
    expect(row).toMatchObject({ status: 'sent' });
    expect(await meetingPackOutbox(testApp.dataSource)).toEqual([expect.objectContaining({ status: 'sent' })]);
    expect(await sink.waitForMessages(2)).toHaveLength(2);
  }, 60_000);

  it('should mark a 550 refusal failed with the reason and not retry it, and send it again on request', async () => {
    await seedOffTrack(1);
    sink.behaviour = 'refuse';
    workers = await startWorkers(1, workerEnv(sink));
    await waitForRun(testApp.http, officer, await startRun());
    const [failed] = await waitForOutboxSettled(testApp.dataSource);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringContaining('550') });
    expect(await meetingPackOutbox(testApp.dataSource)).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 1, last_error: expect.stringContaining('550') }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 2500)); // retries and sweeps would have happened by now
    expect(await outboxRow()).toMatchObject({ status: 'failed', attempts: 1 });
    expect(sink.messages).toHaveLength(0);

    sink.behaviour = 'accept';
    const [{ id }] = await testApp.dataSource.query('SELECT id FROM notifications WHERE contract_id IS NOT NULL');
    const retried = await testApp.http.post(`/api/v1/notifications/${id}/retry`, { token: officer });
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ id, status: 'pending' });
    await sink.waitForMessages(1);
    await waitFor('the retried email to be recorded as sent', async () => {
      if ((await outboxRow()).status !== 'sent') throw new Error('not yet');
    });
    expect(await outboxRow()).toMatchObject({ status: 'sent', attempts: 2 });

    const again = await testApp.http.post(`/api/v1/notifications/${id}/retry`, { token: officer });
    expect(again.status).toBe(409);
  }, 60_000);

  it('should finish a run whose worker was killed mid-way, losing no email and duplicating only what was in flight', async () => {
    await seedOffTrack(30);
    sink.delayMs = 150;
    const env = workerEnv(sink, { EVALUATION_CHUNK_SIZE: '5' });
    workers = await startWorkers(1, env);
    const runId = await startRun();
    await sink.waitForMessages(4);
    workers[0].kill('SIGKILL');
    await workers[0].waitForExit();
    // A message whose data reached the server is delivered even if the client died before reading the answer.
    await new Promise((resolve) => setTimeout(resolve, 500));

    // The documented window: messages the server accepted whose 'sent' the dead worker never committed.
    const acceptedAtKill = new Set(sink.messages.map((message) => message.messageId));
    const recordedAtKill = new Set(
      (await testApp.dataSource.query(`SELECT id FROM notifications WHERE status = 'sent'`)).map(
        (row: { id: string }) => row.id,
      ),
    );
    const inFlight = [...acceptedAtKill].filter((messageId) => !recordedAtKill.has(/^<([^@]+)@/.exec(messageId)![1]));
    expect(acceptedAtKill.size).toBeLessThan(30);

    workers = await startWorkers(1, env);
    await waitForRun(testApp.http, officer, runId, 120_000);
    const outbox = await waitForOutboxSettled(testApp.dataSource, 120_000);
    expect(outbox).toHaveLength(30);
    expect(outbox.every((row: { status: string }) => row.status === 'sent')).toBe(true);
    expect(await meetingPackOutbox(testApp.dataSource)).toEqual([expect.objectContaining({ status: 'sent' })]);
    expect(new Set(sink.messages.map((message) => message.messageId)).size).toBe(31);
    const duplicated = sink.messages
      .map((message) => message.messageId)
      .filter((messageId, index, all) => all.indexOf(messageId) !== index);
    for (const messageId of duplicated) expect(inFlight).toContain(messageId);
  }, 180_000);

  it('should finish a run across a Redis restart without restarting the worker', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cpt-redis-'));
    const redis = await startThrowawayRedis(['--appendonly', 'yes', '--appendfsync', 'always', '--dir', dataDir]);
    const queue = new Queue(QueueName.EvaluationRuns, {
      connection: { url: redis.url },
      prefix: process.env.QUEUE_PREFIX,
    });
    try {
      await seedOffTrack(20);
      sink.delayMs = 150;
      workers = await startWorkers(1, workerEnv(sink, { REDIS_URL: redis.url, EVALUATION_CHUNK_SIZE: '4' }));
      const [{ id: runId }] = await testApp.dataSource.query(
        `INSERT INTO evaluation_runs (status, requested_by) VALUES ('queued', 'test') RETURNING id`,
      );
      await queue.add(JobName.Run, { runId }, { jobId: runJobId(runId) });
      await sink.waitForMessages(3);

      await redis.stop();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await redis.start();

      await waitForRun(testApp.http, officer, runId, 120_000);
      const outbox = await waitForOutboxSettled(testApp.dataSource, 120_000);
      expect(outbox.every((row: { status: string }) => row.status === 'sent')).toBe(true);
      expect(await meetingPackOutbox(testApp.dataSource)).toEqual([expect.objectContaining({ status: 'sent' })]);
      expect(new Set(sink.messages.map((message) => message.messageId)).size).toBe(21);
      expect(sink.messages).toHaveLength(21);
      expect(workers[0].child.exitCode).toBeNull();
    } finally {
      await queue.close();
      await stopWorkers(workers);
      workers = [];
      await redis.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
