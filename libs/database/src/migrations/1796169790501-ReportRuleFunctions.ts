import { MigrationInterface, QueryRunner } from 'typeorm';

// The rules that set-based reports judge row by row (the product design (§2, §4), docs/metrics.md), written once
// as SQL functions for every statement that needs them. SQL-standard bodies are parsed here, so they name their
// tables and columns as dependencies and a later migration cannot drop one from under them.
//
// PostgreSQL inlines a scalar SQL function only when its body is a bare expression, as the first and the last
// are. A rule that reads a table needs a subquery, and a scalar function holding one runs as a call per row,
// about four times the cost of the subquery written in place; a set-returning function is inlined wherever it is
// called in FROM. So those rules return one row with one boolean and are called as
// `CROSS JOIN LATERAL vendor_is_diverse_on(p.payee_vendor_id, p.paid_on) payee` (then `payee.is_diverse`), or as
// a scalar subquery, `(SELECT is_diverse FROM vendor_is_diverse_on(...))`, where a join cannot go.
export class ReportRuleFunctions1796169790501 implements MigrationInterface {
  name = 'ReportRuleFunctions1796169790501';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Validity is inclusive calendar days; no validTo means no expiry.
    await queryRunner.query(`
      CREATE FUNCTION certification_is_valid_on(valid_from date, valid_to date, day date) RETURNS boolean
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN valid_from <= day AND (valid_to IS NULL OR day <= valid_to)`);
    await queryRunner.query(`
      CREATE FUNCTION vendor_has_certification_on(vendor_id uuid, certification_type text, day date)
        RETURNS TABLE (has_certification boolean)
        LANGUAGE sql STABLE PARALLEL SAFE
        BEGIN ATOMIC
          SELECT EXISTS (
            SELECT FROM vendor_certifications certification
             WHERE certification.vendor_id = vendor_has_certification_on.vendor_id
               AND certification.type = vendor_has_certification_on.certification_type
               AND certification_is_valid_on(certification.valid_from, certification.valid_to,
                                             vendor_has_certification_on.day));
        END`);
    // small_business and local_business are reported on their own and do not make a vendor diverse.
    await queryRunner.query(`
      CREATE FUNCTION vendor_is_diverse_on(vendor_id uuid, day date) RETURNS TABLE (is_diverse boolean)
        LANGUAGE sql STABLE PARALLEL SAFE
        BEGIN ATOMIC
          SELECT EXISTS (
            SELECT FROM vendor_certifications certification
             WHERE certification.vendor_id = vendor_is_diverse_on.vendor_id
               AND certification.type NOT IN ('small_business', 'local_business')
               AND certification_is_valid_on(certification.valid_from, certification.valid_to,
                                             vendor_is_diverse_on.day));
        END`);
    // New: no award (a solicitation awarded with its contract to the vendor) in [award_at − 36 months, award_at).
    // The months are counted in UTC; a day the target month lacks clamps to its last day (2024-02-29 → 2021-02-28).
    await queryRunner.query(`
      CREATE FUNCTION vendor_is_new_at(vendor_id uuid, award_at timestamptz) RETURNS TABLE (is_new boolean)
        LANGUAGE sql STABLE PARALLEL SAFE
        BEGIN ATOMIC
          SELECT NOT EXISTS (
            SELECT FROM solicitations prior_award
              JOIN contracts prior_contract ON prior_contract.solicitation_id = prior_award.id
             WHERE prior_contract.vendor_id = vendor_is_new_at.vendor_id
               AND prior_award.awarded_at < vendor_is_new_at.award_at
               AND prior_award.awarded_at >=
                   (vendor_is_new_at.award_at AT TIME ZONE 'UTC' - interval '36 months') AT TIME ZONE 'UTC');
        END`);
    // 0–100 to one decimal, half away from zero in exact numeric arithmetic; null with nothing to divide by. A
    // null part counts as 0, so that a FILTERed sum over no rows is a share of 0.
    await queryRunner.query(`
      CREATE FUNCTION percent_of(part numeric, whole numeric) RETURNS numeric
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN round(100.0 * coalesce(part, 0) / NULLIF(whole, 0), 1)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION percent_of(numeric, numeric)`);
    await queryRunner.query(`DROP FUNCTION vendor_is_new_at(uuid, timestamptz)`);
    await queryRunner.query(`DROP FUNCTION vendor_is_diverse_on(uuid, date)`);
    await queryRunner.query(`DROP FUNCTION vendor_has_certification_on(uuid, text, date)`);
    await queryRunner.query(`DROP FUNCTION certification_is_valid_on(date, date, date)`);
  }
}
