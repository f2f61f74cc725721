import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a period counts in a range of days (the reports, the metrics, the scorecard): when all its calendar days
 * lie within it, so that a quarter is never reported by two adjacent monthly ranges. A SQL function because the
 * rule runs inside set-based statements; written in SQL, IMMUTABLE and one expression, so the planner inlines it.
 */
export class PeriodInRange1796169914174 implements MigrationInterface {
  name = 'PeriodInRange1796169914174';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION period_in_range(period_first_day date, period_last_day date, range_first_day date,
                                      range_last_day date) RETURNS boolean
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN period_first_day >= range_first_day AND period_last_day <= range_last_day`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION period_in_range(date, date, date, date)`);
  }
}
