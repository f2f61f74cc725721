// The evaluation's statements. They read by key and write in sets; every rule (which periods, when they are
// judged, their status, the off-track run, which notices, which packs) is decided in TypeScript by #domain.

/**
 * Run first in a chunk's transaction, and in the one completing a run (the settings end with them). Their
 * statements read by key only, so a sequential scan is never the plan wanted; yet the planner's statistics lag
 * behind what runs write. While kpi_evaluations is still empty (a city's first run) it takes a scan for the
 * upsert's lookups, and rescans the table for every row the statement is adding to it: a cost growing with the
 * square of the chunk (7 s instead of 1 s for 5,000 contracts). After a run has written a period its statistics
 * never saw, it scans the table once for that period and compares every KPI with every row found (three minutes
 * for the meeting packs of 50,000 KPIs). JIT compiling costs more than these statements take.
 */
export const READ_BY_KEY_SETTINGS = `SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)`;

/**
 * $1 contract ids, $2 the run's period key or null: the contracts' active KPIs, each with its contract's dates,
 * settings and addressees and, for a run of one period, that period's value and last evaluation (see
 * KPI_PERIOD_FACTS; without a period they come out null, and the candidates' facts are read separately).
 */
export const CHUNK_KPIS = `
SELECT c.id AS contract_id, c.department_id, c.start_date, c.end_date, c.reporting_grace_days,
       c.escalate_after_periods, c.manager_email, v.email AS vendor_email, v.preferred_language AS vendor_language,
       d.head_email, k.id AS kpi_id, k.frequency, k.direction, k.target, k.off_track_threshold,
       m.value, m.recorded_at, e.evaluated_at AS last_evaluated_at
  FROM contracts c
  JOIN vendors v ON v.id = c.vendor_id
  JOIN departments d ON d.id = c.department_id
  JOIN kpis k ON k.contract_id = c.id
  LEFT JOIN LATERAL (
    SELECT m.value, m.recorded_at FROM measurements m WHERE m.kpi_id = k.id AND m.period = $2 LIMIT 1
  ) m ON true
  LEFT JOIN LATERAL (
    SELECT e.evaluated_at FROM kpi_evaluations e
     WHERE e.kpi_id = k.id AND e.contract_id = c.id AND e.period = $2 LIMIT 1
  ) e ON true
 WHERE c.id = ANY($1::uuid[]) AND k.active`;

/**
 * $1 KPI ids, $2 their contracts and $3 period keys, as parallel arrays: each KPI period's current value and last
 * evaluation, looked up by key one row at a time (there is at most one of each) rather than joined, which the
 * planner would do by hashing every measurement of the period: a chunk then costs the same however large the city
 * and its history. The evaluation's contract (always its KPI's, a foreign key holds it) bounds the lookup
 * whichever index of kpi_evaluations the planner takes: while its statistics show it empty, they all look alike.
 */
export const KPI_PERIOD_FACTS = `
SELECT t.kpi_id, t.period, m.value, m.recorded_at, e.evaluated_at AS last_evaluated_at
  FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(kpi_id, contract_id, period)
  LEFT JOIN LATERAL (
    SELECT m.value, m.recorded_at FROM measurements m WHERE m.kpi_id = t.kpi_id AND m.period = t.period LIMIT 1
  ) m ON true
  LEFT JOIN LATERAL (
    SELECT e.evaluated_at FROM kpi_evaluations e
     WHERE e.kpi_id = t.kpi_id AND e.contract_id = t.contract_id AND e.period = t.period LIMIT 1
  ) e ON true`;

/**
 * $1 the judged KPI periods, a JSON array of objects with the columns below, $2 now. Writes them; a re-judged
 * period replaces its row, keeping when it was first evaluated. (One JSON text travels and is parsed natively on
 * both sides, where nine arrays would be built and escaped element by element.)
 */
export const UPSERT_EVALUATIONS = `
INSERT INTO kpi_evaluations (contract_id, kpi_id, period, period_first_day, period_last_day, value, target,
                             off_track_threshold, status, evaluated_at, first_evaluated_at)
SELECT j.contract_id, j.kpi_id, j.period, j.first_day, j.last_day, j.value, j.target, j.off_track_threshold,
       j.status, $2, $2
  FROM json_to_recordset($1::json)
       AS j(contract_id uuid, kpi_id uuid, period text, first_day date, last_day date, value numeric,
            target numeric, off_track_threshold numeric, status text)
ON CONFLICT ON CONSTRAINT uq_kpi_evaluations_kpi_period DO UPDATE
   SET value = EXCLUDED.value,
       target = EXCLUDED.target,
       off_track_threshold = EXCLUDED.off_track_threshold,
       status = EXCLUDED.status,
       evaluated_at = EXCLUDED.evaluated_at`;

/**
 * $1 contract ids and $2 period keys, pairwise: each contract period's KPI evaluations (every one, not only those
 * a chunk wrote), by the (contract_id, period) index, gathered into one row per period so that few rows travel
 * (as JSON arrays, which the driver parses natively, where PostgreSQL arrays are parsed character by character).
 */
export const CONTRACT_PERIOD_EVALUATIONS = `
SELECT t.contract_id, t.period, json_agg(e.kpi_id) AS kpi_ids, json_agg(e.status) AS statuses,
       min(e.first_evaluated_at) AS first_evaluated_at
  FROM unnest($1::uuid[], $2::text[]) AS t(contract_id, period)
  JOIN kpi_evaluations e ON e.contract_id = t.contract_id AND e.period = t.period
 GROUP BY t.contract_id, t.period`;

/** $1 KPI ids, $2 their contracts and $3 period keys, as parallel arrays: the statuses of those evaluated. */
export const KPI_PERIOD_STATUSES = `
SELECT t.kpi_id, t.period, e.status
  FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(kpi_id, contract_id, period)
  JOIN LATERAL (
    SELECT e.status FROM kpi_evaluations e
     WHERE e.kpi_id = t.kpi_id AND e.contract_id = t.contract_id AND e.period = t.period LIMIT 1
  ) e ON true`;

/** $1 the notices, a JSON array of objects with the columns below (addresses as arrays of strings). */
export const INSERT_NOTIFICATIONS = `
INSERT INTO notifications (contract_id, period, kind, status, to_addresses, cc_addresses, language)
SELECT n.contract_id, n.period, n.kind, n.status, n.to_addresses, n.cc_addresses, n.language
  FROM jsonb_to_recordset($1::jsonb)
       AS n(contract_id uuid, period text, kind text, status text, to_addresses text[], cc_addresses text[], language text)
ON CONFLICT ON CONSTRAINT uq_notifications_contract_period_kind DO NOTHING
RETURNING id, status`;

/** $1 the contract ids of a chunk: its notices still waiting to be sent. */
export const PENDING_NOTIFICATIONS = `
SELECT id FROM notifications WHERE status = 'pending' AND contract_id = ANY($1::uuid[])`;

/** $1 run id: the departments and months its chunks evaluated periods of. */
export const RUN_DEPARTMENT_MONTHS = `
SELECT DISTINCT (entry->>'departmentId')::uuid AS department_id, entry->>'month' AS month
  FROM evaluation_run_chunks chunk CROSS JOIN LATERAL jsonb_array_elements(chunk.department_months) AS entry
 WHERE chunk.run_id = $1
 ORDER BY 1, 2`;

/**
 * $1 department ids, $2 and $3 the first and last days of the months asked about, $4 the keys of the periods
 * ending in those months: the active KPIs of those departments' contracts, counted per group of a frequency,
 * contract dates and grace days, each group once per period its KPIs have evaluations of (period null: none). The
 * dates only narrow the read to contracts that can have a period in those months; which periods a pack covers is
 * decided in TypeScript. The evaluations are looked up once per contract (by its (contract_id, period) index),
 * not once per KPI.
 */
export const DEPARTMENT_KPI_GROUPS = `
WITH kpi AS MATERIALIZED (
  SELECT c.id AS contract_id, c.department_id, k.id AS kpi_id, k.frequency, c.start_date, c.end_date,
         c.reporting_grace_days
    FROM contracts c
    JOIN kpis k ON k.contract_id = c.id
   WHERE c.department_id = ANY($1::uuid[]) AND k.active AND c.start_date <= $3::date AND c.end_date >= $2::date),
grouped AS (
  SELECT department_id, frequency, start_date, end_date, reporting_grace_days, count(*)::int AS kpis
    FROM kpi GROUP BY department_id, frequency, start_date, end_date, reporting_grace_days),
evaluated AS (
  SELECT kpi.department_id, kpi.frequency, kpi.start_date, kpi.end_date, kpi.reporting_grace_days, e.period,
         count(*)::int AS evaluated, min(e.first_evaluated_at) AS first_evaluated_at
    FROM (SELECT DISTINCT contract_id FROM kpi) c
    -- OFFSET 0 keeps this a lookup per contract: pulled up into a join, it was planned as one scan for the
    -- periods compared with every KPI, which statistics taken before the run's writes make look cheap.
    CROSS JOIN LATERAL (
      SELECT e.kpi_id, e.period, e.first_evaluated_at FROM kpi_evaluations e
       WHERE e.contract_id = c.contract_id AND e.period = ANY($4::text[]) OFFSET 0
    ) e
    JOIN kpi ON kpi.kpi_id = e.kpi_id
   GROUP BY kpi.department_id, kpi.frequency, kpi.start_date, kpi.end_date, kpi.reporting_grace_days, e.period)
SELECT g.department_id, g.frequency, g.start_date, g.end_date, g.reporting_grace_days, g.kpis,
       e.period, e.evaluated, e.first_evaluated_at
  FROM grouped g
  LEFT JOIN evaluated e
    ON e.department_id = g.department_id AND e.frequency = g.frequency AND e.start_date = g.start_date
   AND e.end_date = g.end_date AND e.reporting_grace_days = g.reporting_grace_days`;

/** $1 the packs, a JSON array: at most one per department and month, however often this runs. */
export const INSERT_MEETING_PACKS = `
INSERT INTO notifications (department_id, period, kind, status, to_addresses, language)
SELECT p.department_id, p.month, 'meeting_pack', p.status, ARRAY[d.head_email], p.language
  FROM jsonb_to_recordset($1::jsonb) AS p(department_id uuid, month text, status text, language text)
  JOIN departments d ON d.id = p.department_id
ON CONFLICT (department_id, period, kind) WHERE department_id IS NOT NULL DO NOTHING
RETURNING id, status`;
