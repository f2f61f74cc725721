import { getQueueToken } from '@nestjs/bullmq';
import { QueueName } from '#domain';
import { startAppProcess, waitFor, type AppProcess, type HttpClient, type ReceivedMail, type SmtpSink } from '#testing';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { TestApp } from '../../../api/test/support/create-test-app.js';

/** The environment of a worker process in these tests: the run's database and Redis, fast retries and sweeps. */
export function workerEnv(sink: SmtpSink, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: process.env.REDIS_URL!,
    QUEUE_PREFIX: process.env.QUEUE_PREFIX!,
    SMTP_URL: sink.url,
    LOG_LEVEL: 'info',
    MAIL_RETRY_BASE_DELAY_MS: '300',
    SWEEP_EVERY_SECONDS: '2',
    NOTIFY_WITHIN_DAYS: '3650',
    // Runs in these tests are requested explicitly; the schedule must not add one in the middle (00:00, 29 Feb).
    EVALUATION_CRON: '0 0 29 2 *',
    ...overrides,
  };
}

/** Starts `count` worker processes as production does and waits until each is consuming. */
export async function startWorkers(count: number, env: Record<string, string>): Promise<AppProcess[]> {
  const workers = Array.from({ length: count }, () => startAppProcess('worker', env));
  await Promise.all(workers.map((worker) => worker.waitForOutput(/worker started/, 30_000)));
  return workers;
}

export async function stopWorkers(workers: AppProcess[]): Promise<void> {
  for (const worker of workers) {
    if (worker.child.exitCode === null && worker.child.signalCode === null) {
      worker.kill('SIGTERM');
      await worker.waitForExit(20_000).catch(() => worker.kill('SIGKILL'));
    }
  }
}

/** Empties the queues (jobs and schedulers) between tests, so no test sees another's leftovers. */
export async function resetQueues(testApp: TestApp): Promise<void> {
  for (const name of Object.values(QueueName)) {
    await testApp.app.get<Queue>(getQueueToken(name)).obliterate({ force: true });
  }
}

/** Polls the run through the API until it has completed (or fails with its last state). */
export async function waitForRun(http: HttpClient, token: string, runId: string, timeoutMs = 60_000) {
  let last: { status: string } | undefined;
  await waitFor(
    `run ${runId} to complete`,
    async () => {
      last = (await http.get(`/api/v1/evaluation-runs/${runId}`, { token })).body;
      if (last?.status === 'failed') throw new Error(`run failed: ${JSON.stringify(last)}`);
      if (last?.status !== 'completed') throw new Error(JSON.stringify(last));
    },
    timeoutMs,
  );
  return last as { status: string; counts: Record<string, number> };
}

/** Waits until no email is pending (meeting packs included), and returns the outbox of contract notices. */
export async function waitForOutboxSettled(dataSource: DataSource, timeoutMs = 60_000) {
  await waitFor(
    'the outbox to settle',
    async () => {
      const [{ pending }] = await dataSource.query(
        `SELECT count(*) AS pending FROM notifications WHERE status = 'pending'`,
      );
      if (pending > 0) throw new Error(`${pending} pending`);
    },
    timeoutMs,
  );
  return dataSource.query(
    `SELECT n.kind, n.period, c.number AS contract, n.status, n.to_addresses, n.cc_addresses, n.language, n.attempts, n.last_error, n.subject
       FROM notifications n JOIN contracts c ON c.id = n.contract_id ORDER BY c.number, n.period, n.kind`,
  );
}

/** The meeting packs in the outbox, by department code and month. */
export async function meetingPackOutbox(dataSource: DataSource) {
  return dataSource.query(
    `SELECT d.code AS department, n.period, n.status, n.to_addresses, n.cc_addresses, n.language, n.contract_id,
            n.attempts, n.last_error
       FROM notifications n JOIN departments d ON d.id = n.department_id
      WHERE n.kind = 'meeting_pack' ORDER BY d.code, n.period`,
  );
}

/** Received messages split into meeting packs and contract notices, by the outbox row each Message-ID names. */
export async function splitMeetingPacks(dataSource: DataSource, messages: ReceivedMail[]) {
  const rows: { id: string }[] = await dataSource.query(`SELECT id FROM notifications WHERE kind = 'meeting_pack'`);
  const packIds = new Set(rows.map((row) => row.id));
  const isPack = (message: ReceivedMail) => packIds.has(/^<([^@]+)@/.exec(message.messageId)?.[1] ?? '');
  return { packs: messages.filter(isPack), notices: messages.filter((message) => !isPack(message)) };
}
