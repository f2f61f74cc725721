import type { DataSource, EntityManager } from 'typeorm';
import {
  assembleTrends,
  contractStatus,
  coveredPeriods,
  DEFAULT_TREND_PERIODS,
  KPI_STATUSES,
  kpiTrend,
  localDateOf,
  packPeriodKeys,
  parsePackMonth,
  periodFirstDay,
  periodLastDay,
  periodsWithinGrace,
  trendMonths,
  type Frequency,
  type KpiDirection,
  type KpiStatus,
  type NotificationStatus,
  type TrendPoint,
} from '#domain';
import {
  CONTRACT_NOTICE_KINDS,
  type ContractNoticeKind,
  type MeetingPack,
  type MeetingPackContract,
  type MeetingPackKpi,
  type MeetingPackWorseningKpi,
} from './meeting-pack.js';

// Eight set-based statements, whatever the department's size: its row, its evaluations over the trend's months,
// the month's contracts and payments, the notices, the diversity figures, the KPI groups the month covers, the
// recent values of the KPIs on track or at risk in it (for the early warning) and the contracts' recent
// engagements.
// $1 is always the department.

const DEPARTMENT = `SELECT id, code, name, head_email FROM departments WHERE id = $1`;

/** $2 the period keys ending in the trend's months. */
const EVALUATIONS = `
  SELECT e.contract_id, e.kpi_id, c.number, c.title, v.legal_name AS vendor_name, k.name, k.unit, k.direction,
         e.period, e.value, e.target, e.off_track_threshold, e.status
    FROM contracts c
    JOIN kpi_evaluations e ON e.contract_id = c.id AND e.period = ANY($2::text[])
    JOIN kpis k ON k.id = e.kpi_id
    JOIN vendors v ON v.id = c.vendor_id
   WHERE c.department_id = $1
   ORDER BY c.number, k.name, e.period`;

/**
 * $2, $3 the month's first and last days; $4, $5 the month's on-track and evaluated KPI counts, whose share is
 * taken here so that every percentage of the pack is percent_of() (docs/metrics.md: one decimal, exact arithmetic).
 */
const MONTH_FIGURES = `
  SELECT (SELECT count(*)::int FROM contracts c
           WHERE c.department_id = $1 AND c.start_date <= $3::date AND c.end_date >= $2::date) AS active_contracts,
         percent_of($4, $5) AS on_track_percent,
         paid.total AS paid_total, paid.diverse AS paid_diverse,
         percent_of(paid.diverse, paid.total) AS paid_diverse_percent
    FROM (SELECT coalesce(sum(p.amount), 0) AS total,
                 coalesce(sum(p.amount) FILTER (WHERE payee.is_diverse), 0) AS diverse
            FROM payments p JOIN contracts c ON c.id = p.contract_id
           CROSS JOIN LATERAL vendor_is_diverse_on(p.payee_vendor_id, p.paid_on) payee
           WHERE c.department_id = $1 AND p.paid_on BETWEEN $2::date AND $3::date) paid`;

/** $2 the pack's period keys. */
const NOTICES = `
  SELECT c.number AS contract_number, n.kind, n.period, n.to_addresses, n.cc_addresses, n.status, n.sent_at
    FROM notifications n JOIN contracts c ON c.id = n.contract_id
   WHERE c.department_id = $1 AND n.period = ANY($2::text[])
   ORDER BY c.number, n.period, n.kind`;

/**
 * $2, $3 the month's first and last days. Contracts active in the month with a diversity goal (their own, or
 * their solicitation's when they carry none); payments from the start through the month's last day, a payee
 * counting as diverse on the day it was paid. The goal is met when the diverse share reaches it, compared exactly.
 */
const DIVERSITY = `
  SELECT c.number, c.title, v.legal_name AS vendor_name, goals.goal,
         coalesce(sum(p.amount), 0) AS paid_total,
         coalesce(sum(p.amount) FILTER (WHERE p.diverse), 0) AS paid_diverse,
         percent_of(sum(p.amount) FILTER (WHERE p.diverse), sum(p.amount)) AS diverse_percent,
         CASE WHEN sum(p.amount) > 0
              THEN 100 * coalesce(sum(p.amount) FILTER (WHERE p.diverse), 0) >= goals.goal * sum(p.amount) END AS goal_met
    FROM contracts c
    JOIN vendors v ON v.id = c.vendor_id
    LEFT JOIN solicitations s ON s.id = c.solicitation_id
    CROSS JOIN LATERAL (SELECT coalesce(c.diversity_goal_percent, s.diversity_goal_percent) AS goal) goals
    LEFT JOIN LATERAL (
      SELECT pay.amount, payee.is_diverse AS diverse
        FROM payments pay CROSS JOIN LATERAL vendor_is_diverse_on(pay.payee_vendor_id, pay.paid_on) payee
       WHERE pay.contract_id = c.id AND pay.paid_on <= $3::date
    ) p ON true
   WHERE c.department_id = $1 AND goals.goal IS NOT NULL AND c.start_date <= $3::date AND c.end_date >= $2::date
   GROUP BY c.id, c.number, c.title, v.legal_name, goals.goal
   ORDER BY c.number`;

/**
 * $2, $3 the month's first and last days; $4 the pack's period keys. The department's active KPIs of contracts
 * overlapping the month, grouped by what decides their covered period and its due time, with how many of them
 * have been evaluated for it (a KPI has evaluations of its own frequency only, so one of the keys at most).
 */
const KPI_GROUPS = `
  SELECT k.frequency, c.start_date, c.end_date, c.reporting_grace_days,
         count(*)::int AS kpis, count(e.kpi_id)::int AS evaluated
    FROM contracts c
    JOIN kpis k ON k.contract_id = c.id AND k.active
    LEFT JOIN kpi_evaluations e ON e.kpi_id = k.id AND e.period = ANY($4::text[])
   WHERE c.department_id = $1 AND c.start_date <= $3::date AND c.end_date >= $2::date
   GROUP BY k.frequency, c.start_date, c.end_date, c.reporting_grace_days`;

/**
 * $2 the KPIs on track or at risk in the month, $3 the month's last day, $4 TREND_PERIODS: each KPI's last values up
 * to the month, oldest first (missing periods have none; the KPI's latest is the month's own, on track or at risk).
 */
const RECENT_VALUES = `
  SELECT r.kpi_id, r.period, r.value, r.status
    FROM (SELECT e.kpi_id, e.period, e.value, e.status, e.period_first_day,
                 row_number() OVER (PARTITION BY e.kpi_id ORDER BY e.period_first_day DESC) AS recent
            FROM kpi_evaluations e JOIN contracts c ON c.id = e.contract_id
           WHERE c.department_id = $1 AND e.kpi_id = ANY($2::uuid[]) AND e.value IS NOT NULL
             AND e.period_last_day <= $3::date) r
   WHERE r.recent <= $4
   ORDER BY r.kpi_id, r.period_first_day`;

/**
 * $2, $3 the first day of the trend's first month and the pack month's last day. The last three engagements of
 * each of the department's contracts on days of the trend's six months, by contract number, latest first.
 */
const ENGAGEMENTS = `
  SELECT number AS "contractNumber", vendor_name AS "vendorName", to_char(date, 'YYYY-MM-DD') AS date, kind,
         attendees, actions
    FROM (SELECT c.number, v.legal_name AS vendor_name, g.date, g.kind, g.attendees,
                 jsonb_array_length(g.actions)::int AS actions,
                 row_number() OVER (PARTITION BY g.contract_id ORDER BY g.date DESC, g.created_at DESC, g.id) AS recency
            FROM engagements g JOIN contracts c ON c.id = g.contract_id JOIN vendors v ON v.id = c.vendor_id
           WHERE c.department_id = $1 AND g.date BETWEEN $2::date AND $3::date) recent
   WHERE recency <= 3
   ORDER BY number, date DESC, recency`;

type KpiGroupRow = {
  frequency: Frequency;
  start_date: string;
  end_date: string;
  reporting_grace_days: number;
  kpis: number;
  evaluated: number;
};

/**
 * When the pack is read, and in which zone its periods fall due: for the KPI periods still within grace; and how many
 * values the early warning's lines are drawn through (`TREND_PERIODS`).
 */
export type MeetingPackClock = { now: Date; timeZone: string; trendPeriods?: number };

type EvaluationRow = {
  contract_id: string;
  kpi_id: string;
  number: string;
  title: string;
  vendor_name: string;
  name: string;
  unit: string;
  direction: KpiDirection;
  period: string;
  value: number | null;
  target: number;
  off_track_threshold: number;
  status: KpiStatus;
};

/**
 * The meeting pack of a department for a month `YYYY-MM` as at `clock.now`, or null when the department does not
 * exist. Give it a transaction's manager for one consistent snapshot; statements run one after another on it.
 */
export async function loadMeetingPack(
  db: EntityManager | DataSource,
  departmentId: string,
  month: string,
  clock: MeetingPackClock,
): Promise<MeetingPack | null> {
  const parsed = parsePackMonth(month);
  if (parsed === null) throw new RangeError(`Not a month written YYYY-MM: ${JSON.stringify(month)}`);
  const [department] = await db.query(DEPARTMENT, [departmentId]);
  if (!department) return null;

  const periods = packPeriodKeys(month);
  const months = trendMonths(month);
  const [firstDay, lastDay] = [periodFirstDay(parsed), periodLastDay(parsed)];
  const evaluations: EvaluationRow[] = await db.query(EVALUATIONS, [departmentId, months.flatMap(packPeriodKeys)]);
  const notices = await db.query(NOTICES, [departmentId, periods]);
  const diversity = await db.query(DIVERSITY, [departmentId, firstDay, lastDay]);
  const groups: KpiGroupRow[] = await db.query(KPI_GROUPS, [departmentId, firstDay, lastDay, periods]);
  const engagements = await db.query(ENGAGEMENTS, [departmentId, periodFirstDay(parsePackMonth(months[0]!)!), lastDay]);
  const withinGrace = periodsWithinGrace(
    coveredPeriods(
      month,
      groups.map((row) => ({
        frequency: row.frequency,
        startDate: row.start_date,
        endDate: row.end_date,
        graceDays: row.reporting_grace_days,
        kpis: row.kpis,
        evaluated: row.evaluated,
      })),
      clock.timeZone,
    ),
    clock.now,
  );

  const ofMonth = evaluations.filter((row) => periods.includes(row.period));
  const trendPeriods = clock.trendPeriods ?? DEFAULT_TREND_PERIODS;
  const steady = ofMonth.filter((row) => row.status === 'on_track' || row.status === 'at_risk');
  const recentValues: (TrendPoint & { kpi_id: string })[] = steady.length
    ? await db.query(RECENT_VALUES, [departmentId, steady.map((row) => row.kpi_id), lastDay, trendPeriods])
    : [];
  const statusCounts = Object.fromEntries(
    KPI_STATUSES.map((status) => [status, ofMonth.filter((row) => row.status === status).length]),
  ) as Record<KpiStatus, number>;
  const [figures] = await db.query(MONTH_FIGURES, [
    departmentId,
    firstDay,
    lastDay,
    statusCounts.on_track,
    ofMonth.length,
  ]);
  const noticeCounts = Object.fromEntries(
    CONTRACT_NOTICE_KINDS.map((kind) => [kind, notices.filter((row: { kind: string }) => row.kind === kind).length]),
  ) as Record<ContractNoticeKind, number>;

  return {
    department: { id: department.id, code: department.code, name: department.name, headEmail: department.head_email },
    month,
    periods,
    trendMonths: months,
    withinGrace: {
      kpiPeriods: withinGrace.kpiPeriods,
      lastDueAt: withinGrace.lastDueAt,
      dueOn: withinGrace.lastDueAt && localDateOf(withinGrace.lastDueAt, clock.timeZone),
    },
    headline: {
      activeContracts: figures.active_contracts,
      kpisEvaluated: ofMonth.length,
      statusCounts,
      onTrackPercent: figures.on_track_percent,
      notices: noticeCounts,
      payments: {
        total: figures.paid_total,
        diverse: figures.paid_diverse,
        diversePercent: figures.paid_diverse_percent,
      },
    },
    contracts: contractsNeedingAttention(ofMonth, evaluations, months),
    notices: notices.map((row: Record<string, unknown>) => ({
      contractNumber: row.contract_number as string,
      kind: row.kind as ContractNoticeKind,
      period: row.period as string,
      to: row.to_addresses as string[],
      cc: row.cc_addresses as string[],
      status: row.status as NotificationStatus,
      sentAt: row.sent_at as Date | null,
    })),
    trendPeriods,
    worsening: worseningKpis(steady, recentValues, trendPeriods),
    missingKpis: ofMonth
      .filter((row) => row.status === 'missing')
      .map((row) => ({
        contractNumber: row.number,
        vendorName: row.vendor_name,
        kpiName: row.name,
        unit: row.unit,
        period: row.period,
      })),
    diversity: diversity.map((row: Record<string, unknown>) => ({
      contractNumber: row.number as string,
      title: row.title as string,
      vendorName: row.vendor_name as string,
      goalPercent: row.goal as number,
      paidTotal: row.paid_total as number,
      paidDiverse: row.paid_diverse as number,
      diversePercent: row.diverse_percent as number | null,
      goalMet: row.goal_met as boolean | null,
    })),
    engagements,
  };
}

/** The KPIs on track or at risk in the month whose line through their recent values crosses the threshold next. */
function worseningKpis(
  steady: EvaluationRow[],
  recentValues: (TrendPoint & { kpi_id: string })[],
  trendPeriods: number,
): MeetingPackWorseningKpi[] {
  const byKpi = new Map<string, TrendPoint[]>();
  for (const row of recentValues) byKpi.set(row.kpi_id, [...(byKpi.get(row.kpi_id) ?? []), row]);
  return steady.flatMap((row) => {
    const rule = { direction: row.direction, target: row.target, offTrackThreshold: row.off_track_threshold };
    const trend = kpiTrend(rule, byKpi.get(row.kpi_id) ?? [], trendPeriods);
    if (trend === null) return [];
    return [
      {
        contractId: row.contract_id,
        contractNumber: row.number,
        vendorName: row.vendor_name,
        name: row.name,
        unit: row.unit,
        direction: row.direction,
        period: row.period,
        value: row.value,
        target: row.target,
        offTrackThreshold: row.off_track_threshold,
        status: row.status as MeetingPackWorseningKpi['status'],
        trend,
      },
    ];
  });
}

/** Contracts off track or at risk for the month (the worst of their KPIs), off track first, each by number. */
function contractsNeedingAttention(
  ofMonth: EvaluationRow[],
  evaluations: EvaluationRow[],
  months: string[],
): MeetingPackContract[] {
  const trends = assembleTrends(
    evaluations.map((row) => ({ contractId: row.contract_id, period: row.period, status: row.status })),
    months,
  );
  const byContract = new Map<string, EvaluationRow[]>();
  for (const row of ofMonth) byContract.set(row.contract_id, [...(byContract.get(row.contract_id) ?? []), row]);
  const contracts: MeetingPackContract[] = [];
  for (const [contractId, rows] of byContract) {
    const status = contractStatus(rows.map((row) => row.status));
    if (status !== 'off_track' && status !== 'at_risk') continue;
    const [first] = rows;
    contracts.push({
      contractId,
      number: first.number,
      title: first.title,
      vendorName: first.vendor_name,
      status,
      kpis: rows.map((row): MeetingPackKpi => ({
        name: row.name,
        unit: row.unit,
        direction: row.direction,
        period: row.period,
        value: row.value,
        target: row.target,
        offTrackThreshold: row.off_track_threshold,
        status: row.status,
      })),
      trend: trends.get(contractId)!,
    });
  }
  // Rows come ordered by contract number, so a stable sort by status keeps that order within each status.
  return contracts.sort((a, b) => Number(a.status === 'at_risk') - Number(b.status === 'at_risk'));
}
