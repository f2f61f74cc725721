import type { DataSource } from 'typeorm';
import { startApi, type ApiProcess } from './api-process.js';
import { startAppProcess, type AppProcess } from './app-process.js';
import { openDataSource } from './data-source.js';
import type { HttpClient } from './http-client.js';
import { openQueues, resetQueues } from './queues.js';
import { waitForQuiet, type QuietState } from './quiet-state.js';
import { resetDatabase } from './reset-database.js';
import { runEnv } from './run-env.js';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from './smtp-sink.js';
import { waitFor } from './throwaway-services.js';

/**
 * What the worker's e2e tests run the workers against: the built API (requests and reads go through HTTP, as
 * an officer's would), and a DataSource, the queues and an SMTP sink of the test's own.
 */
export type WorkerHarness = QuietState & {
  api: ApiProcess;
  http: HttpClient;
  sink: SmtpSink;
  /** Empties the tables and the queues and resets the sink, so that each test starts from nothing. */
  reset(): Promise<void>;
  close(): Promise<void>;
};

export async function startWorkerHarness(): Promise<WorkerHarness> {
  const dataSource = await openDataSource();
  const queues = openQueues();
  const sink = await startSmtpSink();
  let api: ApiProcess | undefined;
  const close = async () => {
    await api?.close();
    await queues.close();
    await dataSource.destroy();
    await sink.stop();
  };
  try {
    api = await startApi(runEnv());
  } catch (error) {
    await close();
    throw error;
  }
  return {
    api,
    http: api.http,
    dataSource,
    queues,
    sink,
    reset: async () => {
      await resetDatabase(dataSource);
      await resetQueues(queues);
      sink.reset();
    },
    close,
  };
}

/** The environment of a worker process in these tests: the run's database and Redis, fast retries and sweeps. */
export function workerEnv(sink: SmtpSink, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    ...runEnv(),
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
  const workers = Array.from({ length: count }, () => startAppProcess('worker', { LOG_LEVEL: 'info', ...env }));
  try {
    await Promise.all(workers.map((worker) => worker.waitForOutput(/worker started/, 30_000)));
  } catch (error) {
    await stopWorkers(workers);
    throw error;
  }
  return workers;
}

/** Stops workers as an orchestrator does (SIGTERM, letting active jobs finish), SIGKILL if they hang. */
export async function stopWorkers(workers: AppProcess[]): Promise<void> {
  await Promise.all(workers.map((worker) => worker.stop()));
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

/** Waits for the quiet state (no email pending, meeting packs included), then answers the contract notices. */
export async function waitForOutboxSettled(state: QuietState, timeoutMs = 60_000) {
  await waitForQuiet(state, timeoutMs);
  return state.dataSource.query(
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
