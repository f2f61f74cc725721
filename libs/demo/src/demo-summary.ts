import {
  KPI_STATUSES,
  NOTIFICATION_STATUSES,
  PERIOD_NOTIFICATION_KINDS,
  type EvaluationCounts,
  type PeriodNotificationKind,
  type NotificationStatus,
} from '#domain';
import { countOf } from './count-of.js';
import type { DemoCity } from './generate-demo-city.js';
import type { DemoSqlRunner } from './write-demo-city.js';

// What the demo prints about the city it loaded and the evaluation it ran. Every total is the sum of the parts
// printed beside it, and every count comes from the rows themselves.

const ROW_NOUNS: Record<keyof DemoCity, string> = {
  departments: 'department',
  vendors: 'vendor',
  certifications: 'certification',
  solicitations: 'solicitation',
  bids: 'bid',
  contracts: 'contract',
  kpis: 'KPI',
  measurements: 'measurement',
  payments: 'payment',
};

/** "12 departments, 300 vendors, …, 2,181 payments": how many rows of each kind the city holds. */
export function describeDemoCity(city: DemoCity): string {
  return Object.entries(ROW_NOUNS)
    .map(([key, noun]) => countOf(city[key as keyof DemoCity].length, noun))
    .join(', ');
}

const KIND_NOUNS: Record<PeriodNotificationKind, string> = {
  off_track: 'off-track notice',
  missing_data: 'missing-data notice',
  escalation: 'escalation',
  meeting_pack: 'meeting pack',
};

const DELIVERY_WORDS: Record<NotificationStatus, string> = {
  sent: 'emailed',
  suppressed: 'suppressed',
  failed: 'failed',
  pending: 'still pending',
};

/** A run's notices, meeting packs included, by kind and by delivery status. */
export type RunNotices = {
  byKind: Record<PeriodNotificationKind, number>;
  byStatus: Record<NotificationStatus, number>;
};

/**
 * The notices written since the run was requested: contract notices come with its chunks, meeting packs when it
 * completes, so the run's own counts know only the first. The demo runs one evaluation at a time.
 */
export async function readRunNotices(db: DemoSqlRunner, runId: string): Promise<RunNotices> {
  const result = (await db.query(
    `SELECT n.kind, n.status, count(*)::int AS count
       FROM notifications n JOIN evaluation_runs r ON n.created_at >= r.requested_at
      WHERE r.id = $1 AND n.kind = ANY($2::text[])
      GROUP BY n.kind, n.status`,
    [runId, PERIOD_NOTIFICATION_KINDS],
  )) as Rows | { rows: Rows };
  const notices: RunNotices = {
    byKind: Object.fromEntries(PERIOD_NOTIFICATION_KINDS.map((kind) => [kind, 0])) as RunNotices['byKind'],
    byStatus: Object.fromEntries(NOTIFICATION_STATUSES.map((status) => [status, 0])) as RunNotices['byStatus'],
  };
  for (const row of Array.isArray(result) ? result : result.rows) {
    notices.byKind[row.kind] += row.count;
    notices.byStatus[row.status] += row.count;
  }
  return notices;
}
type Rows = { kind: PeriodNotificationKind; status: NotificationStatus; count: number }[];

/**
 * Two lines, evaluation and notices: "412 KPI periods over 180 contracts: 300 on track, …" and "95 notices: 60
 * off-track notices, …, 10 meeting packs; 30 emailed, 65 suppressed" (delivery states with none are left out).
 */
export function describeRun(counts: EvaluationCounts, notices: RunNotices): { evaluation: string; notices: string } {
  const evaluation =
    counts.kpis === 0
      ? 'nothing new to evaluate: an earlier run judged every due period'
      : `${countOf(counts.kpis, 'KPI period')} over ${countOf(counts.contracts, 'contract')}: ` +
        KPI_STATUSES.map((status) => `${counts[status].toLocaleString('en-US')} ${status.replace('_', ' ')}`).join(
          ', ',
        );
  const total = PERIOD_NOTIFICATION_KINDS.reduce((sum, kind) => sum + notices.byKind[kind], 0);
  const kinds = PERIOD_NOTIFICATION_KINDS.map((kind) => countOf(notices.byKind[kind], KIND_NOUNS[kind])).join(', ');
  const deliveries = NOTIFICATION_STATUSES.filter((status) => notices.byStatus[status] > 0)
    .map((status) => `${notices.byStatus[status].toLocaleString('en-US')} ${DELIVERY_WORDS[status]}`)
    .join(', ');
  return { evaluation, notices: total === 0 ? 'none' : `${countOf(total, 'notice')}: ${kinds}; ${deliveries}` };
}
