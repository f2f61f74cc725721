import { MigrationInterface, QueryRunner } from 'typeorm';

/** The calendar days of each evaluation's period, nullable until the next migration has filled them in. */
export class KpiEvaluationPeriodDays1796169514072 implements MigrationInterface {
  name = 'KpiEvaluationPeriodDays1796169514072';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kpi_evaluations" ADD "period_first_day" date`);
    await queryRunner.query(`ALTER TABLE "kpi_evaluations" ADD "period_last_day" date`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kpi_evaluations" DROP COLUMN "period_last_day"`);
    await queryRunner.query(`ALTER TABLE "kpi_evaluations" DROP COLUMN "period_first_day"`);
  }
}
