import { MigrationInterface, QueryRunner } from 'typeorm';

export class MeasurementsAndPayments1795377686718 implements MigrationInterface {
  name = 'MeasurementsAndPayments1795377686718';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "measurements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kpi_id" uuid NOT NULL, "period" character varying(7) NOT NULL, "value" numeric(18,4) NOT NULL, "note" text, "source" character varying(8) NOT NULL, "recorded_by_id" uuid, "recorded_by_name" character varying(200) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_measurements_kpi_period" UNIQUE ("kpi_id", "period"), CONSTRAINT "PK_3c0e7812563f27fd68e8271661b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "payee_vendor_id" uuid NOT NULL, "amount" numeric(16,2) NOT NULL, "paid_on" date NOT NULL, "invoice_number" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_payments_invoice" UNIQUE ("contract_id", "payee_vendor_id", "invoice_number"), CONSTRAINT "ck_payments_amount_positive" CHECK ("amount" > 0), CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_payments_payee" ON "payments"  ("payee_vendor_id") `);
    await queryRunner.query(`CREATE INDEX "ix_payments_paid_on" ON "payments"  ("paid_on") `);
    await queryRunner.query(
      `ALTER TABLE "measurements" ADD CONSTRAINT "FK_497efee2a622ef2960260fd2f0b" FOREIGN KEY ("kpi_id") REFERENCES "kpis"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payments" ADD CONSTRAINT "FK_52fc2356fb8c211c93d4b1496f3" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payments" ADD CONSTRAINT "FK_eb5a9231b68ee7fb202bd92223f" FOREIGN KEY ("payee_vendor_id") REFERENCES "vendors"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "FK_eb5a9231b68ee7fb202bd92223f"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "FK_52fc2356fb8c211c93d4b1496f3"`);
    await queryRunner.query(`ALTER TABLE "measurements" DROP CONSTRAINT "FK_497efee2a622ef2960260fd2f0b"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payments_paid_on"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payments_payee"`);
    await queryRunner.query(`DROP TABLE "payments"`);
    await queryRunner.query(`DROP TABLE "measurements"`);
  }
}
