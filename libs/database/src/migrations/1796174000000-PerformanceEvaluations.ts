import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Performance evaluations of contracts over a range of months, with the figures their proposed rating came from,
 * and contract renewals, each resting on a final evaluation or an officer's override (the product design §9).
 */
export class PerformanceEvaluations1796174000000 implements MigrationInterface {
  name = 'PerformanceEvaluations1796174000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "performance_evaluations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "from_month" character varying(7) NOT NULL, "to_month" character varying(7) NOT NULL, "range_first_day" date NOT NULL, "range_last_day" date NOT NULL, "status" character varying(16) NOT NULL, "evaluated_count" integer NOT NULL, "on_track_count" integer NOT NULL, "on_track_percent" numeric(4,1), "proposed_rating" character varying(32), "rating" character varying(32), "narrative" text, "issued_at" TIMESTAMP WITH TIME ZONE, "comment_due_on" date, "vendor_comment" text, "vendor_commented_at" TIMESTAMP WITH TIME ZONE, "finalized_at" TIMESTAMP WITH TIME ZONE, "finalized_automatically" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_performance_evaluations_status" CHECK ("status" IN ('draft', 'issued', 'final')), CONSTRAINT "PK_aa5ff53349b99197cde4194bda1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_performance_evaluations_comment_due" ON "performance_evaluations" ("comment_due_on") WHERE "status" = 'issued'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_performance_evaluations_contract" ON "performance_evaluations" ("contract_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "contract_renewals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "previous_end_date" date NOT NULL, "new_end_date" date NOT NULL, "performance_evaluation_id" uuid, "override_reason" text, "renewed_by_id" uuid, "renewed_by_name" character varying(200) NOT NULL, "renewed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_contract_renewals_basis" CHECK ("performance_evaluation_id" IS NOT NULL OR "override_reason" IS NOT NULL), CONSTRAINT "PK_f7817459d0bbd552bc3ce4aedbc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_contract_renewals_contract" ON "contract_renewals" ("contract_id", "renewed_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_evaluations" ADD CONSTRAINT "FK_cbb4b4f28564e2a95661ec57444" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_renewals" ADD CONSTRAINT "FK_df6b8a83a9b6b92f654e1b8a9d4" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_renewals" ADD CONSTRAINT "FK_e39b3e38b620b6060cd48e368c5" FOREIGN KEY ("performance_evaluation_id") REFERENCES "performance_evaluations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "contract_renewals"`);
    await queryRunner.query(`DROP TABLE "performance_evaluations"`);
  }
}
