import { periodFirstDaySql, periodIndexSql, periodLastDaySql } from '#database';

// Set-based evaluation: one statement judges every due (or changed) KPI period of a chunk of contracts, one
// more gathers what the touched periods call for. The status CASE mirrors evaluateKpi() in #domain, which is
// the specification; an e2e test holds the two together.

const PERIOD_STEP = `CASE k.frequency WHEN 'monthly' THEN interval '1 month' WHEN 'quarterly' THEN interval '3 months' ELSE interval '1 year' END`;
const PERIOD_UNIT = `CASE k.frequency WHEN 'monthly' THEN 'month' WHEN 'quarterly' THEN 'quarter' ELSE 'year' END`;
// A run of one period generates only the periods that start on its first day, not the contract's whole term.
// Without a period it is NULL, which greatest() and least() ignore: every period of the contract.
const RUN_PERIOD_FIRST_DAY = `${periodFirstDaySql('$2::text')}::timestamp`;
const PERIOD_KEY = `CASE k.frequency WHEN 'monthly' THEN to_char(p.start, 'YYYY-MM') WHEN 'quarterly' THEN to_char(p.start, 'YYYY-"Q"Q') ELSE to_char(p.start, 'YYYY') END`;

/**
 * Run first in a chunk's transaction (the settings end with it). Its statements read by key only, so a
 * sequential scan is never the plan wanted; yet while kpi_evaluations is still empty (a city's first run) the
 * planner takes one for the upsert's lookups, and rescans the table for every row the statement is adding to
 * it: a cost growing with the square of the chunk (7 s instead of 1 s for 5,000 contracts). JIT compiling
 * costs more than these statements take.
 */
export const CHUNK_SETTINGS = `SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)`;

/**
 * $1 contract ids, $2 period key or null (all), $3 now, $4 the city's time zone.
 * A period is judged once it has ended and has a value, or once it is due (ended + grace days) without one;
 * it is judged again only when its value was recorded after its last evaluation. Returns the rows written.
 * Every read is by key, so that a chunk costs the same however large the city and its history: the contracts
 * and KPIs from the chunk's ids (a filter `k.contract_id = ANY($1)` had the planner scan every KPI), and each
 * KPI period's measurement and evaluation by (kpi_id, period), a lookup per row (LIMIT 1: there is at most one)
 * rather than a join, which was planned as hashing the period's every measurement for each chunk. The
 * evaluation's contract (always its KPI's, a foreign key holds it) bounds the lookup whichever index of
 * kpi_evaluations the planner takes: while its statistics show it empty, they all look alike.
 */
export const UPSERT_EVALUATIONS = `
WITH kpi_periods AS (
  SELECT k.id AS kpi_id, k.contract_id, k.direction, k.target, k.off_track_threshold, c.reporting_grace_days,
         ${PERIOD_KEY} AS period,
         least((p.start + ${PERIOD_STEP})::date - 1, c.end_date) AS last_day
    FROM unnest($1::uuid[]) AS chunk(contract_id)
    JOIN contracts c ON c.id = chunk.contract_id
    JOIN kpis k ON k.contract_id = c.id
    CROSS JOIN LATERAL generate_series(
      greatest(date_trunc(${PERIOD_UNIT}, c.start_date::timestamp), date_trunc(${PERIOD_UNIT}, ${RUN_PERIOD_FIRST_DAY})),
      least(c.end_date, ${RUN_PERIOD_FIRST_DAY})::timestamp,
      ${PERIOD_STEP}
    ) AS p(start)
   WHERE k.active
),
candidates AS (
  SELECT kp.*, m.value, m.recorded_at, e.evaluated_at AS last_evaluated_at,
         ((kp.last_day + 1)::timestamp AT TIME ZONE $4) AS ended_at,
         ((kp.last_day + 1 + kp.reporting_grace_days)::timestamp AT TIME ZONE $4) AS due_at
    FROM kpi_periods kp
    LEFT JOIN LATERAL (
      SELECT m.value, m.recorded_at FROM measurements m WHERE m.kpi_id = kp.kpi_id AND m.period = kp.period LIMIT 1
    ) m ON true
    LEFT JOIN LATERAL (
      SELECT e.evaluated_at FROM kpi_evaluations e
       WHERE e.kpi_id = kp.kpi_id AND e.contract_id = kp.contract_id AND e.period = kp.period LIMIT 1
    ) e ON true
   WHERE $2::text IS NULL OR kp.period = $2
),
judged AS (
  SELECT contract_id, kpi_id, period, value, target, off_track_threshold,
         CASE
           WHEN value IS NULL THEN 'missing'
           WHEN (direction = 'higher_is_better' AND value >= target) OR (direction = 'lower_is_better' AND value <= target)
             THEN 'on_track'
           WHEN (direction = 'higher_is_better' AND value >= off_track_threshold)
             OR (direction = 'lower_is_better' AND value <= off_track_threshold)
             THEN 'at_risk'
           ELSE 'off_track'
         END AS status
    FROM candidates
   WHERE ((value IS NULL AND due_at <= $3) OR (value IS NOT NULL AND ended_at <= $3))
     AND (last_evaluated_at IS NULL OR recorded_at > last_evaluated_at)
)
INSERT INTO kpi_evaluations (contract_id, kpi_id, period, value, target, off_track_threshold, status, evaluated_at, first_evaluated_at)
SELECT contract_id, kpi_id, period, value, target, off_track_threshold, status, $3, $3 FROM judged
ON CONFLICT ON CONSTRAINT uq_kpi_evaluations_kpi_period DO UPDATE
   SET value = EXCLUDED.value,
       target = EXCLUDED.target,
       off_track_threshold = EXCLUDED.off_track_threshold,
       status = EXCLUDED.status,
       evaluated_at = EXCLUDED.evaluated_at
RETURNING contract_id, period, status`;

/**
 * $1 contract ids and $2 period keys, pairwise: the contract periods a chunk touched; $3 the city's time zone.
 * One row per touched contract period: the statuses of its KPI evaluations and, in the same order, each KPI's
 * off-track run ending in that period, with what deciding and addressing the notices needs. A run is read per
 * off-track evaluation from that KPI's own evaluations, newest first: it lasts while they are off track one
 * period apart. Reading them by KPI keeps the cost with the chunk, not with the city's history.
 */
export const PERIOD_OUTCOMES = `
WITH touched AS (
  SELECT DISTINCT t.contract_id, t.period FROM unnest($1::uuid[], $2::text[]) AS t(contract_id, period)
),
evaluations AS (
  SELECT e.contract_id, e.period, ${periodIndexSql('e.period')} AS position, e.kpi_id, e.status, e.first_evaluated_at
    FROM kpi_evaluations e JOIN touched t ON t.contract_id = e.contract_id AND t.period = e.period
)
SELECT ev.contract_id, ev.period, array_agg(ev.status ORDER BY ev.kpi_id) AS statuses,
       array_agg(r.run::int ORDER BY ev.kpi_id) AS off_track_runs,
       min(ev.first_evaluated_at) AS first_evaluated_at, c.escalate_after_periods,
       ((least(${periodLastDaySql('ev.period')}, c.end_date) + 1 + c.reporting_grace_days)::timestamp AT TIME ZONE $3) AS due_at,
       v.email AS vendor_email, v.preferred_language AS vendor_language, c.manager_email, d.head_email
  FROM evaluations ev
  JOIN contracts c ON c.id = ev.contract_id
  JOIN vendors v ON v.id = c.vendor_id
  JOIN departments d ON d.id = c.department_id
  CROSS JOIN LATERAL (
    SELECT coalesce(min(back) FILTER (WHERE NOT (status = 'off_track' AND position = ev.position - back + 1)), count(*) + 1) - 1 AS run
      FROM (SELECT h.status, ${periodIndexSql('h.period')} AS position,
                   row_number() OVER (ORDER BY ${periodIndexSql('h.period')} DESC) AS back
              FROM kpi_evaluations h
             WHERE h.kpi_id = ev.kpi_id AND ${periodIndexSql('h.period')} <= ev.position) newest_first
     WHERE ev.status = 'off_track'
  ) r
 GROUP BY ev.contract_id, ev.period, c.id, v.id, d.id
 ORDER BY ev.contract_id, ev.period`;

/** $1 the notices, a JSON array of objects with the columns below (addresses as arrays of strings). */
export const INSERT_NOTIFICATIONS = `
INSERT INTO notifications (contract_id, period, kind, status, to_addresses, cc_addresses, language)
SELECT n.contract_id, n.period, n.kind, n.status, n.to_addresses, n.cc_addresses, n.language
  FROM jsonb_to_recordset($1::jsonb)
       AS n(contract_id uuid, period text, kind text, status text, to_addresses text[], cc_addresses text[], language text)
ON CONFLICT ON CONSTRAINT uq_notifications_contract_period_kind DO NOTHING
RETURNING id, status`;

/**
 * $1 contract ids and $2 period keys, pairwise: the periods a chunk evaluated. The departments and months whose
 * meeting packs they belong to: a period belongs to the month it ends in (2026-Q1 to 2026-03).
 */
export const DEPARTMENT_MONTHS = `
SELECT DISTINCT c.department_id AS "departmentId", to_char(${periodLastDaySql('t.period')}, 'YYYY-MM') AS month
  FROM unnest($1::uuid[], $2::text[]) AS t(contract_id, period)
  JOIN contracts c ON c.id = t.contract_id
 ORDER BY 1, 2`;

/**
 * $1 run id, $2 the city's time zone, $3 NOTIFY_WITHIN_DAYS, $4 the language of department-head emails.
 * One meeting pack per department and month the run's chunks evaluated, once the month's evaluation is complete
 * for the department: every KPI period the pack covers (an active KPI's period ending in the month, within its
 * contract's dates) has been evaluated. A pack is stale, and recorded as suppressed, when even the last of those
 * periods became due more than $3 days before the first of them was evaluated. At most one per department and
 * month, however often this runs.
 */
export const INSERT_MEETING_PACKS = `
WITH touched AS (
  SELECT DISTINCT (entry->>'departmentId')::uuid AS department_id, entry->>'month' AS month
    FROM evaluation_run_chunks chunk CROSS JOIN LATERAL jsonb_array_elements(chunk.department_months) AS entry
   WHERE chunk.run_id = $1
),
months AS (
  SELECT department_id, month, to_date(month || '-01', 'YYYY-MM-DD') AS first_day,
         (to_date(month || '-01', 'YYYY-MM-DD') + interval '1 month')::date - 1 AS last_day
    FROM touched
),
covered AS (
  SELECT m.department_id, m.month, m.last_day, k.id AS kpi_id, c.start_date, c.end_date, c.reporting_grace_days,
         CASE k.frequency
           WHEN 'monthly' THEN m.month
           WHEN 'quarterly' THEN CASE WHEN extract(month FROM m.first_day)::int % 3 = 0 THEN to_char(m.first_day, 'YYYY-"Q"Q') END
           ELSE CASE WHEN extract(month FROM m.first_day) = 12 THEN to_char(m.first_day, 'YYYY') END
         END AS period,
         CASE k.frequency
           WHEN 'monthly' THEN m.first_day
           WHEN 'quarterly' THEN (m.first_day - interval '2 months')::date
           ELSE date_trunc('year', m.first_day)::date
         END AS period_first_day
    FROM months m
    JOIN contracts c ON c.department_id = m.department_id
    JOIN kpis k ON k.contract_id = c.id AND k.active
),
judged AS (
  SELECT x.department_id, x.month,
         bool_and(e.id IS NOT NULL) AS complete,
         max(((least(x.last_day, x.end_date) + 1 + x.reporting_grace_days)::timestamp AT TIME ZONE $2)) AS due_at,
         min(e.first_evaluated_at) AS first_evaluated_at
    FROM covered x
    LEFT JOIN kpi_evaluations e ON e.kpi_id = x.kpi_id AND e.period = x.period
   WHERE x.period IS NOT NULL AND x.period_first_day <= x.end_date AND x.start_date <= x.last_day
   GROUP BY x.department_id, x.month
)
INSERT INTO notifications (department_id, period, kind, status, to_addresses, language)
SELECT j.department_id, j.month, 'meeting_pack',
       CASE WHEN j.due_at < j.first_evaluated_at - make_interval(days => $3) THEN 'suppressed' ELSE 'pending' END,
       ARRAY[d.head_email], $4
  FROM judged j JOIN departments d ON d.id = j.department_id
 WHERE j.complete
ON CONFLICT (department_id, period, kind) WHERE department_id IS NOT NULL DO NOTHING
RETURNING id, status`;
