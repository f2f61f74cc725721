import { parsePeriod, periodFirstDay, periodLastDay } from '#domain';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fills in the period days of the evaluations written before they were stored, computed by the reporting-period
 * rules once per distinct period (there are few), then makes them required.
 */
export class BackfillKpiEvaluationPeriodDays1796169514073 implements MigrationInterface {
  name = 'BackfillKpiEvaluationPeriodDays1796169514073';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const rows: { period: string }[] = await queryRunner.query(
      `SELECT DISTINCT period FROM "kpi_evaluations" WHERE "period_first_day" IS NULL`,
    );
    const periods = rows.map((row) => {
      const period = parsePeriod(row.period);
      if (period === null) throw new Error(`kpi_evaluations holds a period that is not one: ${row.period}`);
      return { key: row.period, firstDay: periodFirstDay(period), lastDay: periodLastDay(period) };
    });
    if (periods.length > 0) {
      await queryRunner.query(
        `UPDATE "kpi_evaluations" e SET "period_first_day" = p.first_day, "period_last_day" = p.last_day
           FROM unnest($1::text[], $2::date[], $3::date[]) AS p(period, first_day, last_day)
          WHERE e.period = p.period`,
        [periods.map((p) => p.key), periods.map((p) => p.firstDay), periods.map((p) => p.lastDay)],
      );
    }
    await queryRunner.query(`ALTER TABLE "kpi_evaluations" ALTER COLUMN "period_first_day" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "kpi_evaluations" ALTER COLUMN "period_last_day" SET NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kpi_evaluations" ALTER COLUMN "period_last_day" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "kpi_evaluations" ALTER COLUMN "period_first_day" DROP NOT NULL`);
  }
}
