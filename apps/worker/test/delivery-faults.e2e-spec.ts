import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createApiKey,
  createContract,
  createDepartment,
  createKpi,
  createVendor,
  enqueueRun,
  meetingPackOutbox,
  openQueues,
  recordMeasurement,
  runEnv,
  startApi,
  startThrowawayRedis,
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
import { MAIL_CONCURRENCY } from '../src/processors/worker-options.js';

// Faults on the way out: the mail server away, refusing, the worker killed, Redis restarted. Every case must end
// with every email that is due delivered once.
describe('delivery under faults', () => {
  let harness: WorkerHarness;
  let sink: SmtpSink;
  let workers: AppProcess[] = [];
  let officer: string;

  beforeAll(async () => {
    harness = await startWorkerHarness();
    sink = harness.sink;
  }, 60_000);

  beforeEach(async () => {
    await harness.reset();
    officer = await createApiKey(harness.dataSource, 'procurement_officer');
  });

  afterEach(async () => {
    await stopWorkers(workers);
    workers = [];
    await sink.start().catch(() => undefined); // back up if a test left it down
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  }, 60_000);

  /**
   * `count` contracts of one department, each with one KPI off track in 2025-03: one off-track email each, and
   * the department head's meeting pack for 2025-03.
   */
  async function seedOffTrack(count: number): Promise<void> {
    const department = await createDepartment(harness.dataSource);
    for (let index = 0; index < count; index++) {
      const vendor = await createVendor(harness.dataSource, { email: `vendor${index}@vendors.example` });
      const contract = await createContract(harness.dataSource, vendor, department, {
        startDate: '2025-03-01',
        endDate: '2025-03-31',
      });
      const kpi = await createKpi(harness.dataSource, contract, { target: 95, offTrackThreshold: 90 });
      await recordMeasurement(harness.dataSource, kpi.id, '2025-03', 50);
    }
  }

  /** The one contract notice's outbox row, when there is one contract. */
  const outboxRow = async () =>
    (
      await harness.dataSource.query(
        'SELECT status, attempts, last_error, sent_at FROM notifications WHERE contract_id IS NOT NULL',
      )
    )[0];
  const startRun = async () =>
    (await harness.http.post('/api/v1/evaluation-runs', { token: officer, body: {} })).body.id as string;

  it('should keep retrying while the mail server is down and deliver once it is back', async () => {
    await seedOffTrack(1);
    await sink.stop();
    workers = await startWorkers(1, workerEnv(sink));
    await waitForRun(harness.http, officer, await startRun());
    await waitFor('two failed attempts', async () => {
      const row = await outboxRow();
      if (!(row?.attempts >= 2)) throw new Error(JSON.stringify(row));
    });
    expect(await outboxRow()).toMatchObject({
      status: 'pending',
      last_error: expect.stringMatching(/ECONNREFUSED|ECONNECTION/),
    });

    await sink.start();
    const [row] = await waitForOutboxSettled(harness);
    expect(row).toMatchObject({ status: 'sent' });
    expect(await meetingPackOutbox(harness.dataSource)).toEqual([expect.objectContaining({ status: 'sent' })]);
    expect(await sink.waitForMessages(2)).toHaveLength(2);
  }, 60_000);

  it('should mark a 550 refusal failed with the reason and not retry it, and send it again on request', async () => {
    await seedOffTrack(1);
    sink.behaviour = 'refuse';
    workers = await startWorkers(1, workerEnv(sink));
    await waitForRun(harness.http, officer, await startRun());
    const [failed] = await waitForOutboxSettled(harness);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringContaining('550') });
    expect(await meetingPackOutbox(harness.dataSource)).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 1, last_error: expect.stringContaining('550') }),
    ]);
    await waitForQuiet(harness); // nothing queued, delayed or pending: no retry or sweep will send it
    expect(await outboxRow()).toMatchObject({ status: 'failed', attempts: 1 });
    expect(sink.messages).toHaveLength(0);

    sink.behaviour = 'accept';
    const [{ id }] = await harness.dataSource.query('SELECT id FROM notifications WHERE contract_id IS NOT NULL');
    const retried = await harness.http.post(`/api/v1/notifications/${id}/retry`, { token: officer });
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ id, status: 'pending' });
    await sink.waitForMessages(1);
    await waitFor('the retried email to be recorded as sent', async () => {
      if ((await outboxRow()).status !== 'sent') throw new Error('not yet');
    });
    expect(await outboxRow()).toMatchObject({ status: 'sent', attempts: 2 });

    const again = await harness.http.post(`/api/v1/notifications/${id}/retry`, { token: officer });
    expect(again.status).toBe(409);
  }, 60_000);

  it('should mark an email failed when its vendor is refused and only the cc accepted, and resend to the vendor alone', async () => {
    await seedOffTrack(1);
    sink.refusedRecipients = ['vendor0@vendors.example'];
    workers = await startWorkers(1, workerEnv(sink));
    await waitForRun(harness.http, officer, await startRun());
    await waitForOutboxSettled(harness);
    const listed = await harness.http.get('/api/v1/notifications?kind=off_track', { token: officer });
    const [notice] = listed.body.data;
    expect(notice).toMatchObject({
      status: 'failed',
      attempts: 1,
      to: ['vendor0@vendors.example'],
      cc: ['manager@city.example'],
      deliveredTo: ['manager@city.example'],
      lastError: expect.stringMatching(/^vendor0@vendors\.example refused: 550 .*User unknown/),
      sentAt: null,
    });
    const [ccOnly] = sink.messages.filter((message) => message.to.includes('vendor0@vendors.example'));
    expect(ccOnly.envelopeTo).toEqual(['manager@city.example']);

    sink.refusedRecipients = [];
    const retried = await harness.http.post(`/api/v1/notifications/${notice.id}/retry`, { token: officer });
    expect(retried.status).toBe(202);
    await waitForQuiet(harness);
    const notices = sink.messages.filter((message) => message.to.includes('vendor0@vendors.example'));
    expect(notices.map((message) => message.envelopeTo)).toEqual([
      ['manager@city.example'],
      ['vendor0@vendors.example'],
    ]);
    expect(
      (await harness.http.get('/api/v1/notifications?kind=off_track', { token: officer })).body.data[0],
    ).toMatchObject({
      status: 'sent',
      attempts: 2,
      deliveredTo: ['manager@city.example', 'vendor0@vendors.example'],
      lastError: null,
    });
  }, 60_000);

  it('should lose no email over twenty SIGKILLs of the worker while it sends, duplicating only what was in flight', async () => {
    // Enough emails that the twentieth kill still finds some unsent: each trial uses up to one plus what was in flight.
    const contracts = 150;
    await seedOffTrack(contracts);
    sink.delayMs = 40;
    const env = workerEnv(sink, { EVALUATION_CHUNK_SIZE: '10' });
    const runId = await startRun();
    const notificationOf = (message: ReceivedMail) => /^<([^@]+)@/.exec(message.messageId)![1];
    // The documented window: messages the server accepted whose 'sent' the killed worker had not committed.
    const inFlight = new Set<string>();
    for (let trial = 0; trial < 20; trial++) {
      workers = await startWorkers(1, env);
      await sink.waitForMessages(sink.messages.length + 1, 60_000);
      workers[0].kill('SIGKILL');
      await workers[0].waitForExit();
      // A message whose data reached the server is delivered even if the client died before reading the answer.
      await sink.waitForIdle();
      const sent = new Set(
        (await harness.dataSource.query(`SELECT id FROM notifications WHERE status = 'sent'`)).map(
          (row: { id: string }) => row.id,
        ),
      );
      // Unrecorded since this kill (an earlier kill's stay so until their stalled jobs are taken up again): at most
      // what one worker sends at once.
      const unrecorded = sink.messages
        .filter((message) => !sent.has(notificationOf(message)) && !inFlight.has(message.messageId))
        .map((message) => message.messageId);
      expect(new Set(unrecorded).size).toBeLessThanOrEqual(MAIL_CONCURRENCY);
      for (const messageId of unrecorded) inFlight.add(messageId);
    }
    expect(new Set(sink.messages.map((message) => message.messageId)).size).toBeLessThan(contracts);

    workers = await startWorkers(1, env);
    await waitForRun(harness.http, officer, runId, 120_000);
    const outbox = await waitForOutboxSettled(harness, 120_000);
    expect(outbox).toHaveLength(contracts);
    expect(outbox.every((row: { status: string }) => row.status === 'sent')).toBe(true);
    expect(await meetingPackOutbox(harness.dataSource)).toEqual([expect.objectContaining({ status: 'sent' })]);
    // None lost: every row's message arrived.
    expect(new Set(sink.messages.map((message) => message.messageId)).size).toBe(contracts + 1);
    const duplicated = sink.messages
      .map((message) => message.messageId)
      .filter((messageId, index, all) => all.indexOf(messageId) !== index);
    for (const messageId of duplicated) expect(inFlight).toContain(messageId);
  }, 170_000);

  it('should finish a run across a Redis restart without restarting the worker', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cpt-redis-'));
    const redis = await startThrowawayRedis(['--appendonly', 'yes', '--appendfsync', 'always', '--dir', dataDir]);
    const queues = openQueues({ redisUrl: redis.url });
    try {
      await seedOffTrack(20);
      sink.delayMs = 150;
      workers = await startWorkers(1, workerEnv(sink, { REDIS_URL: redis.url, EVALUATION_CHUNK_SIZE: '4' }));
      const runId = await enqueueRun(harness.dataSource, queues);
      await sink.waitForMessages(3);

      await redis.stop();
      // Down until the worker has been refused at least once: an outage it has to come through, not a blip.
      await workers[0].waitForOutput(new RegExp(`ECONNREFUSED 127\\.0\\.0\\.1:${redis.port}\\b`));
      await redis.start();

      await waitForRun(harness.http, officer, runId, 120_000);
      const outbox = await waitForOutboxSettled({ queues, dataSource: harness.dataSource }, 120_000);
      expect(outbox.every((row: { status: string }) => row.status === 'sent')).toBe(true);
      expect(await meetingPackOutbox(harness.dataSource)).toEqual([expect.objectContaining({ status: 'sent' })]);
      expect(new Set(sink.messages.map((message) => message.messageId)).size).toBe(21);
      expect(sink.messages).toHaveLength(21);
      expect(workers[0].child.exitCode).toBeNull();
    } finally {
      await queues.close();
      await stopWorkers(workers);
      workers = [];
      await redis.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('should deliver every due email once and keep evaluating on schedule after Redis comes back empty', async () => {
    const redis = await startThrowawayRedis(); // no persistence: it comes back with nothing
    try {
      await seedOffTrack(20);
      sink.delayMs = 150;
      // The schedule itself finds the off-track periods, every four seconds.
      const env = workerEnv(sink, {
        REDIS_URL: redis.url,
        EVALUATION_CHUNK_SIZE: '4',
        EVALUATION_CRON: '*/4 * * * * *',
      });
      workers = await startWorkers(1, env);
      await sink.waitForMessages(3);

      await redis.stop();
      await workers[0].waitForOutput(new RegExp(`ECONNREFUSED 127\\.0\\.0\\.1:${redis.port}\\b`));
      await redis.start();
      const [{ now: restartedAt }] = await harness.dataSource.query('SELECT now()');

      await waitFor(
        'every email sent',
        async () => {
          const [counts] = await harness.dataSource.query(
            `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'sent')::int AS sent FROM notifications`,
          );
          if (counts.total !== 21 || counts.sent !== 21) throw new Error(JSON.stringify(counts));
        },
        90_000,
      );
      await waitFor(
        'a scheduled run after the restart to complete',
        async () => {
          const [run] = await harness.dataSource.query(
            `SELECT count(*)::int AS completed FROM evaluation_runs
              WHERE requested_by = 'schedule' AND status = 'completed' AND requested_at > $1`,
            [restartedAt],
          );
          if (run.completed === 0) throw new Error('none yet');
        },
        30_000,
      );
      expect(workers[0].child.exitCode).toBeNull();
      expect(workers[0].output()).toMatch(/job schedulers missing from Redis on (reconnect|check)/);
      // Stopped, its pooled SMTP connections close: every message it sent has been recorded.
      await stopWorkers(workers);
      await sink.waitForIdle();
      expect(new Set(sink.messages.map((message) => message.messageId)).size).toBe(21);
      expect(sink.messages).toHaveLength(21);
    } finally {
      await stopWorkers(workers);
      workers = [];
      await redis.stop();
    }
  }, 180_000);

  it('should answer 503 within 2 s while Redis is down or hangs, leaving no run that claims to be queued', async () => {
    const redis = await startThrowawayRedis();
    const api = await startApi({ ...runEnv(), REDIS_URL: redis.url });
    const runs = () =>
      harness.dataSource.query('SELECT status, error FROM evaluation_runs ORDER BY requested_at') as Promise<
        { status: string; error: string | null }[]
      >;
    const timedRun = async () => {
      const started = Date.now();
      const response = await api.http.post('/api/v1/evaluation-runs', { token: officer, body: {} });
      return { response, ms: Date.now() - started };
    };
    const unavailable = {
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'UNAVAILABLE',
      message: expect.any(String),
      details: [],
    };
    try {
      expect((await timedRun()).response.status).toBe(202);

      // Hung: the connection stays open and the job's command gets no answer.
      redis.pause();
      const hung = await timedRun();
      redis.resume();
      expect(hung.response.status).toBe(503);
      expect(hung.response.body).toEqual({ ...unavailable, message: expect.stringContaining('marked failed') });
      expect(hung.ms).toBeLessThan(2000);
      expect(await runs()).toEqual([
        { status: 'queued', error: null },
        { status: 'failed', error: 'Not queued: the job queue was unavailable' },
      ]);

      // Down: refused at once, before anything is written.
      await redis.stop();
      await waitFor('the API to see Redis down', async () => {
        if ((await api.http.get('/health/ready')).status !== 503) throw new Error('still ready');
      });
      const down = await timedRun();
      expect(down.response.status).toBe(503);
      expect(down.response.body).toEqual({ ...unavailable, message: expect.stringContaining('nothing was recorded') });
      expect(down.ms).toBeLessThan(2000);
      expect(await runs()).toHaveLength(2);

      await seedOffTrack(1);
      const [{ id }] = await harness.dataSource.query(
        `INSERT INTO notifications (contract_id, period, kind, status, to_addresses, language, last_error)
         SELECT id, '2025-03', 'off_track', 'failed', '{vendor0@vendors.example}', 'en', '550 no' FROM contracts
         RETURNING id`,
      );
      const retry = await api.http.post(`/api/v1/notifications/${id}/retry`, { token: officer });
      expect(retry.status).toBe(503);
      expect((await harness.dataSource.query('SELECT status FROM notifications WHERE id = $1', [id]))[0].status).toBe(
        'failed',
      );

      await redis.start();
      await waitFor('the API to see Redis back', async () => {
        if ((await api.http.get('/health/ready')).status !== 200) throw new Error('not ready');
      });
      // Its queue connection reconnects on its own (at most a second apart); until then requests answer 503.
      await waitFor('a run to be queued again', async () => {
        const { response } = await timedRun();
        if (response.status !== 202) throw new Error(response.body.message);
      });
      expect((await runs()).filter((run) => run.status === 'queued')).toHaveLength(2);
      expect(api.process.child.exitCode).toBeNull();
    } finally {
      await api.close();
      await redis.stop();
    }
  }, 60_000);
});
