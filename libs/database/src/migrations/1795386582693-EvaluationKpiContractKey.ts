import { MigrationInterface, QueryRunner } from 'typeorm';

export class EvaluationKpiContractKey1795386582693 implements MigrationInterface {
  name = 'EvaluationKpiContractKey1795386582693';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kpi_evaluations" DROP CONSTRAINT "FK_290f462bcd046317ef97d2116cd"`);
    await queryRunner.query(`ALTER TABLE "kpi_evaluations" DROP CONSTRAINT "FK_d5f484672e9d7d3e04b61dc2299"`);
    await queryRunner.query(`ALTER TABLE "kpis" ADD CONSTRAINT "uq_kpis_id_contract" UNIQUE ("id", "contract_id")`);
    await queryRunner.query(
      `ALTER TABLE "kpi_evaluations" ADD CONSTRAINT "FK_2233550bcbf8f41263affa17e11" FOREIGN KEY ("kpi_id", "contract_id") REFERENCES "kpis"("id","contract_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kpi_evaluations" DROP CONSTRAINT "FK_2233550bcbf8f41263affa17e11"`);
    await queryRunner.query(`ALTER TABLE "kpis" DROP CONSTRAINT "uq_kpis_id_contract"`);
    await queryRunner.query(
      `ALTER TABLE "kpi_evaluations" ADD CONSTRAINT "FK_d5f484672e9d7d3e04b61dc2299" FOREIGN KEY ("kpi_id") REFERENCES "kpis"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_evaluations" ADD CONSTRAINT "FK_290f462bcd046317ef97d2116cd" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
