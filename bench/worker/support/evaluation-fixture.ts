import {
  evaluateKpi,
  formatPeriod,
  parsePeriod,
  periodFirstDay,
  periodLastDay,
  periodsEndingWith,
  type KpiDirection,
  type KpiStatus,
} from '#domain';
import type { SqlRunner } from '#testing';

export type EvaluationFixture = {
  contracts: number;
  kpisPerContract: number;
  /** The month a run evaluates, `YYYY-MM` in 2025. */
  period: string;
  /** `mixed`: about 50 % on track, 20 % at risk, 20 % off track, 10 % missing; `off_track`: every KPI off track. */
  outcomes: 'mixed' | 'off_track';
  /**
   * Years of history ending with 2025: the contracts start then, and every month before `period` has an on-track
   * value, evaluated (so that the history calls for no escalation, and a longer one means more rows to look
   * through, not more work). Without it the contracts run through 2025 only and nothing has been evaluated yet.
   */
  historyYears?: number;
};

/** The table of the fixture's outcomes for `period`: each KPI's value (null: none) and its status by the rule. */
export const FIXTURE_OUTCOMES = 'bench_kpi_outcomes';

/**
 * Contracts `EV-000001`… with monthly KPIs, odd ones higher-is-better (target 95, threshold 90) and even ones
 * lower-is-better (target 5, threshold 10), with a value for `period` chosen by a fixed spread over contract and
 * KPI, boundary values included. Statuses are judged once by evaluateKpi() and kept in FIXTURE_OUTCOMES, against
 * which the run is checked. Inserted set-based, whatever the size, under one department and three vendors (one
 * per email language).
 */
export async function seedEvaluationFixture(db: SqlRunner, fixture: EvaluationFixture): Promise<void> {
  const firstYear = fixture.historyYears ? 2026 - fixture.historyYears : 2025;
  await db.query(
    `WITH department AS (
            INSERT INTO departments (name, code, head_email) VALUES ('Operations', 'OPS', 'head.ops@city.example')
            RETURNING id),
          vendor AS (
            INSERT INTO vendors (legal_name, tax_id, email, preferred_language)
            SELECT 'Vendor ' || language, 'TAX-' || language, 'ops.' || language || '@vendors.example', language
              FROM unnest(ARRAY['en', 'es', 'pt']) AS language
            RETURNING id, preferred_language)
     INSERT INTO contracts (number, title, vendor_id, department_id, value, start_date, end_date, manager_email)
     SELECT 'EV-' || lpad(n::text, 6, '0'), 'Service contract ' || n, vendor.id, department.id, 250000,
            $2::date, '2025-12-31', 'manager' || n % 50 || '@city.example'
       FROM generate_series(1, $1::int) AS n
       JOIN vendor ON vendor.preferred_language = (ARRAY['en', 'es', 'pt'])[n % 3 + 1]
      CROSS JOIN department`,
    [fixture.contracts, `${firstYear}-01-01`],
  );
  await db.query(
    `INSERT INTO kpis (contract_id, name, unit, direction, target, off_track_threshold, frequency)
     SELECT c.id, 'KPI ' || k, '%',
            CASE WHEN k % 2 = 1 THEN 'higher_is_better' ELSE 'lower_is_better' END,
            CASE WHEN k % 2 = 1 THEN 95 ELSE 5 END, CASE WHEN k % 2 = 1 THEN 90 ELSE 10 END, 'monthly'
       FROM contracts c, generate_series(1, $1::int) AS k`,
    [fixture.kpisPerContract],
  );
  await recordOutcomes(db, fixture);

  await db.query(
    `INSERT INTO measurements (kpi_id, period, value, source, recorded_by_name, recorded_at)
     SELECT kpi_id, $1, value, 'staff', 'bench', now() - interval '1 day' FROM ${FIXTURE_OUTCOMES}
      WHERE value IS NOT NULL`,
    [fixture.period],
  );
  if (fixture.historyYears) await recordHistory(db, fixture, firstYear);
  await db.query('ANALYZE');
}

/** Every month from January of `firstYear` to the one before `period`: on track, measured and evaluated. */
async function recordHistory(db: SqlRunner, fixture: EvaluationFixture, firstYear: number): Promise<void> {
  const period = parsePeriod(fixture.period)!;
  const months = periodsEndingWith(period, (2025 - firstYear) * 12 + period.index).slice(0, -1);
  const onTrack = (direction: KpiDirection) => (direction === 'higher_is_better' ? 96 : 4);
  const status = (direction: KpiDirection) =>
    evaluateKpi(
      {
        direction,
        target: direction === 'higher_is_better' ? 95 : 5,
        offTrackThreshold: direction === 'higher_is_better' ? 90 : 10,
      },
      onTrack(direction),
      true,
    );
  const parameters = [
    months.map(formatPeriod),
    months.map(periodFirstDay),
    months.map(periodLastDay),
    onTrack('higher_is_better'),
    status('higher_is_better'),
    onTrack('lower_is_better'),
    status('lower_is_better'),
  ];
  await db.query(
    `INSERT INTO measurements (kpi_id, period, value, source, recorded_by_name, recorded_at)
     SELECT k.id, month, CASE WHEN k.direction = 'higher_is_better' THEN $2::numeric ELSE $3::numeric END, 'staff',
            'bench', now() - interval '1 day'
       FROM kpis k CROSS JOIN unnest($1::text[]) AS month`,
    [parameters[0], parameters[3], parameters[5]],
  );
  await db.query(
    `INSERT INTO kpi_evaluations (contract_id, kpi_id, period, period_first_day, period_last_day, value, target,
                                  off_track_threshold, status, evaluated_at, first_evaluated_at)
     SELECT k.contract_id, k.id, month.period, month.first_day, month.last_day,
            CASE WHEN k.direction = 'higher_is_better' THEN $4::numeric ELSE $6::numeric END, k.target, k.off_track_threshold,
            CASE WHEN k.direction = 'higher_is_better' THEN $5::text ELSE $7::text END, now(), now()
       FROM kpis k CROSS JOIN unnest($1::text[], $2::date[], $3::date[]) AS month(period, first_day, last_day)`,
    parameters,
  );
}

type KpiRow = {
  kpi_id: string;
  contract_id: string;
  direction: KpiDirection;
  target: number;
  threshold: number;
  n: number;
  k: number;
};

/**
 * Each KPI's value, from buckets of (contract, KPI) out of 20: 0-1 missing, 2-11 on track, 12-15 at risk, 16-19
 * off track (every one in the last bucket for `off_track`), and its status as the worker's rule judges it.
 */
async function recordOutcomes(db: SqlRunner, fixture: EvaluationFixture): Promise<void> {
  const result = await db.query(
    `SELECT k.id AS kpi_id, k.contract_id, k.direction, k.target, k.off_track_threshold AS threshold,
            substr(c.number, 4)::int AS n, substr(k.name, 5)::int AS k
       FROM kpis k JOIN contracts c ON c.id = k.contract_id`,
  );
  // A DataSource answers the rows, a node-postgres client an object holding them.
  const kpis = (Array.isArray(result) ? result : (result as { rows: KpiRow[] }).rows) as KpiRow[];
  const outcomes = kpis.map((kpi) => {
    const bucket = fixture.outcomes === 'off_track' ? 19 : (kpi.n * 37 + kpi.k * 11) % 20;
    const higher = kpi.direction === 'higher_is_better';
    const value =
      bucket < 2
        ? null
        : bucket < 12
          ? higher
            ? 95 + (kpi.n % 3)
            : 5 - (kpi.n % 3)
          : bucket < 16
            ? higher
              ? 90 + (kpi.n % 5)
              : 10 - (kpi.n % 5)
            : higher
              ? 89.5 - (kpi.n % 50)
              : 10.5 + (kpi.n % 50);
    const rule = { direction: kpi.direction, target: kpi.target, offTrackThreshold: kpi.threshold };
    return { ...kpi, value, status: evaluateKpi(rule, value, true) as KpiStatus };
  });
  await db.query(
    `CREATE TABLE ${FIXTURE_OUTCOMES} (kpi_id uuid PRIMARY KEY, contract_id uuid NOT NULL, value numeric, status text NOT NULL)`,
  );
  await db.query(
    `INSERT INTO ${FIXTURE_OUTCOMES} SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::numeric[], $4::text[])`,
    [
      outcomes.map((outcome) => outcome.kpi_id),
      outcomes.map((outcome) => outcome.contract_id),
      outcomes.map((outcome) => outcome.value),
      outcomes.map((outcome) => outcome.status),
    ],
  );
}
