import { randomUUID } from 'node:crypto';
import { chunkJobId, JobName, mailAttempts, QueueName, runJobId, sendJobId } from '#domain';
import { JOB_DEFAULTS } from '#runtime';
import {
  createContract,
  createDepartment,
  createKpi,
  createVendor,
  recordMeasurement,
  openDataSource,
  resetDatabase,
  startSmtpSink,
  startWorkers,
  stopWorkers,
  waitFor,
  type AppProcess,
  type SmtpSink,
  workerEnv,
} from '#testing';
import { Queue, QueueEvents } from 'bullmq';
import type { DataSource } from 'typeorm';

const BASE_DELAY_MS = 500;
type Report = { event: string; attemptsMade?: number; delay?: number; failedReason?: string };
const connection = () => ({ connection: { url: process.env.REDIS_URL! }, prefix: process.env.QUEUE_PREFIX });

// Who retries what: BullMQ retries a send job that the mail server put off, with the worker's back-off; a job
// whose run or chunk is not there fails at its first attempt.
describe('job retries', () => {
  let dataSource: DataSource;
  let sink: SmtpSink;
  let workers: AppProcess[] = [];
  const queues = {} as Record<string, Queue>;
  const events = {} as Record<string, QueueEvents>;
  /** What the queues said of each job: event name, and for 'delayed' the job's attempts and delay then. */
  let seen = new Map<string, Report[]>();

  beforeAll(async () => {
    dataSource = await openDataSource();
    sink = await startSmtpSink();
    for (const name of Object.values(QueueName)) {
      queues[name] = new Queue(name, { ...connection(), defaultJobOptions: JOB_DEFAULTS });
      events[name] = new QueueEvents(name, connection());
      // An unlistened 'error' would end the test run; a Redis problem shows up as a timed-out wait instead.
      queues[name].on('error', () => undefined);
      events[name].on('error', () => undefined);
      const note = (jobId: string, entry: Report) => seen.get(jobId)?.push(entry);
      events[name].on('delayed', async ({ jobId }) => {
        const job = await queues[name].getJob(jobId);
        note(jobId, { event: 'delayed', attemptsMade: job?.attemptsMade, delay: job?.delay });
      });
      events[name].on('failed', ({ jobId, failedReason }) => note(jobId, { event: 'failed', failedReason }));
      events[name].on('completed', ({ jobId }) => note(jobId, { event: 'completed' }));
      await events[name].waitUntilReady();
    }
    workers = await startWorkers(1, workerEnv(sink, { MAIL_RETRY_BASE_DELAY_MS: String(BASE_DELAY_MS) }));
  }, 60_000);

  beforeEach(async () => {
    await resetDatabase(dataSource);
    sink.messages.length = 0;
    sink.behaviour = 'accept';
    seen = new Map();
  });

  afterAll(async () => {
    await stopWorkers(workers);
    for (const name of Object.values(QueueName)) {
      await events[name].close();
      await queues[name].close();
    }
    await sink.stop();
    await dataSource.destroy();
  }, 60_000);

  /** Waits until the queue reports the job failed or completed, and returns what it reported of the job. */
  async function settled(jobId: string) {
    await waitFor(`job ${jobId} to settle`, async () => {
      const entries = seen.get(jobId)!;
      if (!entries.some(({ event }) => event === 'failed' || event === 'completed')) {
        throw new Error(JSON.stringify(entries));
      }
    });
    return seen.get(jobId)!;
  }

  it('should retry a put-off email as the same job, its delay doubling from the base, until it is sent', async () => {
    const department = await createDepartment(dataSource);
    const vendor = await createVendor(dataSource);
    const contract = await createContract(dataSource, vendor, department, {
      startDate: '2025-03-01',
      endDate: '2025-03-31',
    });
    const kpi = await createKpi(dataSource, contract, { target: 95, offTrackThreshold: 90 });
    await recordMeasurement(dataSource, kpi.id, '2025-03', 50);
    sink.behaviour = 'defer';
    const [{ id: runId }] = await dataSource.query(
      `INSERT INTO evaluation_runs (status, requested_by) VALUES ('queued', 'test') RETURNING id`,
    );
    // The off-track notice's row exists once the run has evaluated; its send job is watched from then on.
    await queues[QueueName.EvaluationRuns].add(JobName.Run, { runId }, { jobId: runJobId(runId) });
    let notificationId = '';
    await waitFor('the off-track notice', async () => {
      const [row] = await dataSource.query(`SELECT id FROM notifications WHERE kind = 'off_track'`);
      if (!row) throw new Error('no notice yet');
      notificationId = row.id;
      seen.set(sendJobId(notificationId), []);
    });
    await waitFor('three put-off attempts', async () => {
      const [row] = await dataSource.query('SELECT attempts FROM notifications WHERE id = $1', [notificationId]);
      if (row.attempts < 3) throw new Error(JSON.stringify(row));
    });
    const job = await queues[QueueName.Notifications].getJob(sendJobId(notificationId));
    expect(job?.opts).toMatchObject({ attempts: mailAttempts(BASE_DELAY_MS, 24), backoff: { type: 'mail' } });

    sink.behaviour = 'accept';
    const entries = await settled(sendJobId(notificationId));
    const delayed = entries.filter(({ event }) => event === 'delayed');
    expect(delayed.slice(0, 3)).toEqual([
      { event: 'delayed', attemptsMade: 1, delay: BASE_DELAY_MS },
      { event: 'delayed', attemptsMade: 2, delay: 2 * BASE_DELAY_MS },
      { event: 'delayed', attemptsMade: 3, delay: 4 * BASE_DELAY_MS },
    ]);
    expect(entries.at(-1)).toEqual({ event: 'completed' });
    const [row] = await dataSource.query('SELECT status, attempts, last_error FROM notifications WHERE id = $1', [
      notificationId,
    ]);
    expect(row).toMatchObject({ status: 'sent', attempts: delayed.length + 1, last_error: null });
    expect(sink.messages.filter((message) => message.messageId.includes(notificationId))).toHaveLength(1);
  }, 60_000);

  it.each([
    [
      'an evaluation chunk',
      QueueName.EvaluationChunks,
      JobName.EvaluateChunk,
      (runId: string) => [{ runId, chunkIndex: 0 }, chunkJobId(runId, 0)] as const,
      /Evaluation chunk .* was not found/,
    ],
    [
      'an evaluation run',
      QueueName.EvaluationRuns,
      JobName.Run,
      (runId: string) => [{ runId }, runJobId(runId)] as const,
      /Evaluation run .* was not found/,
    ],
  ])('should fail a job for %s that is not there at its first attempt', async (_what, queue, name, job, reason) => {
    const [data, jobId] = job(randomUUID());
    seen.set(jobId, []);
    await queues[queue].add(name, data, { jobId });
    expect(await settled(jobId)).toEqual([{ event: 'failed', failedReason: expect.stringMatching(reason) }]);
  });
});
