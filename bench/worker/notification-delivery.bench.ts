import { randomUUID } from 'node:crypto';
import { createMailTransport, renderOffTrack } from '#notifications';
import pg from 'pg';
import { MAIL_CONCURRENCY } from '../../apps/worker/src/processors/worker-options.js';
import { createBenchDatabase } from '../support/bench-database.js';
import { startBenchWorker, type BenchWorker } from './support/bench-worker.js';
import { benchResult, type Benchmark, type BenchResult } from '../support/benchmark.js';
import { startCountingSmtpServer, type CountingSmtpServer } from './support/counting-smtp-server.js';
import { seedEvaluationFixture, type EvaluationFixture } from './support/evaluation-fixture.js';

const FIXTURE: EvaluationFixture = { contracts: 2_000, kpisPerContract: 1, period: '2025-06', outcomes: 'off_track' };
const EMAILS = FIXTURE.contracts;
/** The fixture's one department gets its meeting pack for the month, which the run also sends. */
const OUTBOX = EMAILS + 1;

/**
 * 2,000 off-track emails (one per contract) and the department's meeting pack, from enqueueing the evaluation run
 * until every outbox row is sent, through the built worker to a local SMTP server, set against the same server
 * receiving 2,000 messages of the off-track kind sent straight from a pooled transport, as many at once as the
 * worker sends.
 */
export const notificationDeliveryBenchmark: Benchmark = {
  name: 'notification-delivery',
  async run(): Promise<BenchResult[]> {
    const database = await createBenchDatabase('delivery');
    const db = new pg.Client({ connectionString: database.url, application_name: 'cpt-bench' });
    const server = await startCountingSmtpServer();
    let worker: BenchWorker | undefined;
    try {
      await db.connect();
      await seedEvaluationFixture(db, FIXTURE);

      const directMs = await sendDirectly(server);
      assertAllReceived(server, 'direct sending', EMAILS);
      server.reset();

      // NOTIFY_WITHIN_DAYS at its maximum: 2025-06 is recent enough to be emailed about.
      worker = await startBenchWorker('delivery', {
        DATABASE_URL: database.url,
        SMTP_URL: server.url,
        NOTIFY_WITHIN_DAYS: '3650',
      });
      const started = performance.now();
      await worker.enqueueRun(db, FIXTURE.period);
      await waitForAllSent(db, 300_000);
      const workerMs = performance.now() - started;
      assertAllReceived(server, 'the worker', OUTBOX);

      console.log(
        `  ${EMAILS} off-track emails and a meeting pack: worker ${workerMs.toFixed(0)} ms, ` +
          `direct ${directMs.toFixed(0)} ms (${MAIL_CONCURRENCY} at once)`,
      );
      return [
        benchResult(
          `notification delivery, ${EMAILS} off-track emails and a meeting pack`,
          'ms',
          workerMs,
          directMs,
          '<= 60000 ms',
        ),
      ];
    } finally {
      await worker?.stop();
      await server.stop();
      await db.end().catch(() => undefined);
      await database.drop();
    }
  },
};

/** The floor: the rendered email of one such notice, sent EMAILS times by MAIL_CONCURRENCY senders on one pool. */
async function sendDirectly(server: CountingSmtpServer): Promise<number> {
  const email = renderOffTrack({
    language: 'en',
    vendorName: 'Vendor en',
    contractNumber: 'EV-000001',
    contractTitle: 'Service contract 1',
    departmentName: 'Operations',
    periodLabel: 'June 2025',
    contractUrl: 'http://localhost:3000/api/v1/contracts/00000000-0000-4000-8000-000000000000/scorecard',
    managerEmail: 'manager1@city.example',
    cityName: 'Procurement Office',
    respondBy: '2026-12-02',
    kpis: [
      {
        name: 'KPI 1',
        unit: '%',
        direction: 'higher_is_better',
        value: 88.5,
        target: 95,
        offTrackThreshold: 90,
        status: 'off_track',
      },
    ],
  });
  const transport = createMailTransport({ smtpUrl: server.url, maxConnections: MAIL_CONCURRENCY });
  let next = 0;
  const sender = async () => {
    while (next < EMAILS) {
      next++;
      await transport.sendMail({
        from: 'Procurement Office <procurement@city.example>',
        to: 'ops.en@vendors.example',
        cc: 'manager1@city.example',
        ...email,
        messageId: `<${randomUUID()}@city.example>`,
      });
    }
  };
  try {
    const started = performance.now();
    await Promise.all(Array.from({ length: MAIL_CONCURRENCY }, sender));
    return performance.now() - started;
  } finally {
    transport.close();
  }
}

/** Polls the outbox every 20 ms until all OUTBOX rows are sent; a failed row, or too long a wait, throws. */
async function waitForAllSent(db: pg.Client, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const [outbox] = (
      await db.query<{ sent: number; failed: number }>(
        `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent,
                count(*) FILTER (WHERE status NOT IN ('sent', 'pending'))::int AS failed
           FROM notifications`,
      )
    ).rows;
    if (outbox.failed > 0) throw new Error(`${outbox.failed} notifications were not sent`);
    if (outbox.sent === OUTBOX) return;
    if (performance.now() > deadline)
      throw new Error(`Only ${outbox.sent} of ${OUTBOX} emails sent in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function assertAllReceived(server: CountingSmtpServer, by: string, expected: number): void {
  if (server.received() !== expected || server.distinctMessageIds() !== expected) {
    throw new Error(
      `The SMTP server received ${server.received()} messages (${server.distinctMessageIds()} distinct Message-IDs) ` +
        `from ${by}; expected ${expected}`,
    );
  }
}
