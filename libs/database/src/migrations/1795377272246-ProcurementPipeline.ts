import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProcurementPipeline1795377272246 implements MigrationInterface {
  name = 'ProcurementPipeline1795377272246';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "solicitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference_number" character varying(64) NOT NULL, "title" character varying(300) NOT NULL, "description" text, "department_id" uuid NOT NULL, "category" character varying(32) NOT NULL, "method" character varying(32) NOT NULL, "estimated_value" numeric(16,2), "diversity_goal_percent" numeric(5,2), "due_at" TIMESTAMP WITH TIME ZONE, "kpi_templates" jsonb NOT NULL DEFAULT '[]', "status" character varying(16) NOT NULL DEFAULT 'draft', "requisition_received_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "awarded_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_solicitations_reference_number" UNIQUE ("reference_number"), CONSTRAINT "PK_53503efa9bcfa87b80700677e88" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_solicitations_awarded_at" ON "solicitations"  ("awarded_at") `);
    await queryRunner.query(
      `CREATE INDEX "ix_solicitations_department_status" ON "solicitations"  ("department_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "bids" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "solicitation_id" uuid NOT NULL, "vendor_id" uuid NOT NULL, "amount" numeric(16,2) NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_bids_solicitation_vendor" UNIQUE ("solicitation_id", "vendor_id"), CONSTRAINT "PK_7950d066d322aab3a488ac39fe5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_bids_vendor" ON "bids"  ("vendor_id") `);
    await queryRunner.query(
      `CREATE TABLE "vendor_certifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "type" character varying(40) NOT NULL, "certifying_agency" character varying(200) NOT NULL, "certificate_number" character varying(100) NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_vendor_certifications_number" UNIQUE ("vendor_id", "type", "certifying_agency", "certificate_number"), CONSTRAINT "PK_517f67b9b3863c220c42bdefa29" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_vendor_certifications_type" ON "vendor_certifications"  ("type", "valid_from", "valid_to") `,
    );
    await queryRunner.query(
      `CREATE TABLE "contracts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(64) NOT NULL, "title" character varying(300) NOT NULL, "vendor_id" uuid NOT NULL, "department_id" uuid NOT NULL, "solicitation_id" uuid, "bid_id" uuid, "value" numeric(16,2) NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "manager_email" character varying(254) NOT NULL, "diversity_goal_percent" numeric(5,2), "reporting_grace_days" integer NOT NULL DEFAULT '10', "escalate_after_periods" integer NOT NULL DEFAULT '2', "status" character varying(16) NOT NULL DEFAULT 'active', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_contracts_bid" UNIQUE ("bid_id"), CONSTRAINT "uq_contracts_number" UNIQUE ("number"), CONSTRAINT "PK_2c7b8f3a7b1acdd49497d83d0fb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_contracts_department_status" ON "contracts"  ("department_id", "status") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_contracts_vendor" ON "contracts"  ("vendor_id") `);
    await queryRunner.query(
      `CREATE TABLE "kpis" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "description" text, "unit" character varying(40) NOT NULL, "direction" character varying(20) NOT NULL, "target" numeric(18,4) NOT NULL, "off_track_threshold" numeric(18,4) NOT NULL, "frequency" character varying(16) NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_kpis_contract_name" UNIQUE ("contract_id", "name"), CONSTRAINT "PK_96cc541107cdc102a50e2b0ac90" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "solicitations" ADD CONSTRAINT "FK_24c04ea36311e56719f6857c9e0" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bids" ADD CONSTRAINT "FK_2ccc9672af5399f8072423c40c2" FOREIGN KEY ("solicitation_id") REFERENCES "solicitations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bids" ADD CONSTRAINT "FK_848c65fd1726ea9095e5f6cc79c" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vendor_certifications" ADD CONSTRAINT "FK_c0355cab97cba855d92b24090e8" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "FK_daf37df146d74e20447c8d97c5a" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "FK_fb6ee02056e925757046021a320" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "FK_4bc1c7df6fe649da71a236dd0f4" FOREIGN KEY ("solicitation_id") REFERENCES "solicitations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contracts" ADD CONSTRAINT "FK_e8a670508636b1fbd69efd48500" FOREIGN KEY ("bid_id") REFERENCES "bids"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpis" ADD CONSTRAINT "FK_af30719968b9acc4cacc0fae6b6" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kpis" DROP CONSTRAINT "FK_af30719968b9acc4cacc0fae6b6"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "FK_e8a670508636b1fbd69efd48500"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "FK_4bc1c7df6fe649da71a236dd0f4"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "FK_fb6ee02056e925757046021a320"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "FK_daf37df146d74e20447c8d97c5a"`);
    await queryRunner.query(`ALTER TABLE "vendor_certifications" DROP CONSTRAINT "FK_c0355cab97cba855d92b24090e8"`);
    await queryRunner.query(`ALTER TABLE "bids" DROP CONSTRAINT "FK_848c65fd1726ea9095e5f6cc79c"`);
    await queryRunner.query(`ALTER TABLE "bids" DROP CONSTRAINT "FK_2ccc9672af5399f8072423c40c2"`);
    await queryRunner.query(`ALTER TABLE "solicitations" DROP CONSTRAINT "FK_24c04ea36311e56719f6857c9e0"`);
    await queryRunner.query(`DROP TABLE "kpis"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contracts_vendor"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contracts_department_status"`);
    await queryRunner.query(`DROP TABLE "contracts"`);
    await queryRunner.query(`DROP INDEX "public"."ix_vendor_certifications_type"`);
    await queryRunner.query(`DROP TABLE "vendor_certifications"`);
    await queryRunner.query(`DROP INDEX "public"."ix_bids_vendor"`);
    await queryRunner.query(`DROP TABLE "bids"`);
    await queryRunner.query(`DROP INDEX "public"."ix_solicitations_department_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_solicitations_awarded_at"`);
    await queryRunner.query(`DROP TABLE "solicitations"`);
  }
}
