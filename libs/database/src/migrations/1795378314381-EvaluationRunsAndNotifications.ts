import { MigrationInterface, QueryRunner } from 'typeorm';

export class EvaluationRunsAndNotifications1795378314381 implements MigrationInterface {
  name = 'EvaluationRunsAndNotifications1795378314381';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "evaluation_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "status" character varying(16) NOT NULL, "period" character varying(7), "contract_ids" uuid array, "requested_by" character varying(200) NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "error" text, CONSTRAINT "PK_fbeb1f5d29c74ecda426e2e98f5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "evaluation_run_chunks" ("run_id" uuid NOT NULL, "chunk_index" integer NOT NULL, "contract_ids" uuid array NOT NULL, "counts" jsonb, "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6713fbb505494d6aef0d5c7e484" PRIMARY KEY ("run_id", "chunk_index"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "period" character varying(7) NOT NULL, "kind" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "to_addresses" text array NOT NULL, "cc_addresses" text array NOT NULL DEFAULT '{}', "language" character varying(2) NOT NULL, "subject" character varying(300), "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "first_attempt_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "provider_message_id" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_notifications_contract_period_kind" UNIQUE ("contract_id", "period", "kind"), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_notifications_status" ON "notifications"  ("status", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "kpi_evaluations" ADD "first_evaluated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation_run_chunks" ADD CONSTRAINT "FK_25e0997da97a0963ad3a4fd28a0" FOREIGN KEY ("run_id") REFERENCES "evaluation_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_8852edaca0c3cb1866e16db64ce" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_8852edaca0c3cb1866e16db64ce"`);
    await queryRunner.query(`ALTER TABLE "evaluation_run_chunks" DROP CONSTRAINT "FK_25e0997da97a0963ad3a4fd28a0"`);
    await queryRunner.query(`ALTER TABLE "kpi_evaluations" DROP COLUMN "first_evaluated_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_status"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "evaluation_run_chunks"`);
    await queryRunner.query(`DROP TABLE "evaluation_runs"`);
  }
}
