import type { SqlRunner } from '#testing';

export type EvaluationFixture = {
  contracts: number;
  kpisPerContract: number;
  /** The month that has measurements, `YYYY-MM` in 2025. */
  period: string;
  /** `mixed`: about 50 % on track, 20 % at risk, 20 % off track, 10 % missing; `off_track`: every KPI off track. */
  outcomes: 'mixed' | 'off_track';
};

/**
 * Contracts `EV-000001`… running through 2025 with monthly KPIs, odd ones higher-is-better (target 95,
 * threshold 90) and even ones lower-is-better (target 5, threshold 10), and a value for `period` chosen by a
 * fixed spread over contract and KPI, boundary values included. Inserted set-based, whatever the size, under
 * one department and three vendors (one per email language).
 */
export async function seedEvaluationFixture(db: SqlRunner, fixture: EvaluationFixture): Promise<void> {
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
            '2025-01-01', '2025-12-31', 'manager' || n % 50 || '@city.example'
       FROM generate_series(1, $1::int) AS n
       JOIN vendor ON vendor.preferred_language = (ARRAY['en', 'es', 'pt'])[n % 3 + 1]
      CROSS JOIN department`,
    [fixture.contracts],
  );
  await db.query(
    `INSERT INTO kpis (contract_id, name, unit, direction, target, off_track_threshold, frequency)
     SELECT c.id, 'KPI ' || k, '%',
            CASE WHEN k % 2 = 1 THEN 'higher_is_better' ELSE 'lower_is_better' END,
            CASE WHEN k % 2 = 1 THEN 95 ELSE 5 END, CASE WHEN k % 2 = 1 THEN 90 ELSE 10 END, 'monthly'
       FROM contracts c, generate_series(1, $1::int) AS k`,
    [fixture.kpisPerContract],
  );
  // Buckets of (contract, KPI) out of 20: 0-1 missing, 2-11 on track, 12-15 at risk, 16-19 off track.
  await db.query(
    `INSERT INTO measurements (kpi_id, period, value, source, recorded_by_name, recorded_at)
     SELECT id, $1, CASE
              WHEN bucket < 12 THEN CASE WHEN higher THEN 95 + n % 3 ELSE 5 - n % 3 END
              WHEN bucket < 16 THEN CASE WHEN higher THEN 90 + n % 5 ELSE 10 - n % 5 END
              ELSE CASE WHEN higher THEN 89.5 - n % 50 ELSE 10.5 + n % 50 END
            END, 'staff', 'bench', now()
       FROM (SELECT k.id, k.direction = 'higher_is_better' AS higher,
                    substr(c.number, 4)::int AS n,
                    CASE WHEN $2 THEN 19 ELSE (substr(c.number, 4)::int * 37 + substr(k.name, 5)::int * 11) % 20 END AS bucket
               FROM kpis k JOIN contracts c ON c.id = k.contract_id) spread
      WHERE bucket >= 2`,
    [fixture.period, fixture.outcomes === 'off_track'],
  );
  await db.query('ANALYZE');
}
