import { MigrationInterface, QueryRunner } from 'typeorm';

export class KpiEvaluations1795377399482 implements MigrationInterface {
  name = 'KpiEvaluations1795377399482';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "kpi_evaluations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "kpi_id" uuid NOT NULL, "period" character varying(7) NOT NULL, "value" numeric(18,4), "target" numeric(18,4) NOT NULL, "off_track_threshold" numeric(18,4) NOT NULL, "status" character varying(16) NOT NULL, "evaluated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_kpi_evaluations_kpi_period" UNIQUE ("kpi_id", "period"), CONSTRAINT "PK_ee2947a654ae84c3901cd5a5c8d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_kpi_evaluations_status" ON "kpi_evaluations"  ("status") `);
    await queryRunner.query(
      `CREATE INDEX "ix_kpi_evaluations_contract_period" ON "kpi_evaluations"  ("contract_id", "period") `,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_evaluations" ADD CONSTRAINT "FK_290f462bcd046317ef97d2116cd" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_evaluations" ADD CONSTRAINT "FK_d5f484672e9d7d3e04b61dc2299" FOREIGN KEY ("kpi_id") REFERENCES "kpis"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kpi_evaluations" DROP CONSTRAINT "FK_d5f484672e9d7d3e04b61dc2299"`);
    await queryRunner.query(`ALTER TABLE "kpi_evaluations" DROP CONSTRAINT "FK_290f462bcd046317ef97d2116cd"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_evaluations_contract_period"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_evaluations_status"`);
    await queryRunner.query(`DROP TABLE "kpi_evaluations"`);
  }
}
