import { MigrationInterface, QueryRunner } from 'typeorm';

// Meeting packs in the outbox: a notification about a department and a month instead of a contract. Generated,
// then trimmed: making contract_id nullable needs neither its foreign key nor its unique constraint re-created.
export class MeetingPacks1795384525518 implements MigrationInterface {
  name = 'MeetingPacks1795384525518';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evaluation_run_chunks" ADD "department_months" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "department_id" uuid`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "contract_id" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notifications_department_period_kind" ON "notifications"  ("department_id", "period", "kind") WHERE "department_id" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_subject" CHECK (CASE WHEN "kind" = 'meeting_pack' THEN "department_id" IS NOT NULL AND "contract_id" IS NULL
        ELSE "contract_id" IS NOT NULL AND "department_id" IS NULL END)`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_bbc25a84e379ec7d80ada3d0dcb" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Meeting packs cannot exist without the column that names their department.
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind" = 'meeting_pack'`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_bbc25a84e379ec7d80ada3d0dcb"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_subject"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notifications_department_period_kind"`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "contract_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "department_id"`);
    await queryRunner.query(`ALTER TABLE "evaluation_run_chunks" DROP COLUMN "department_months"`);
  }
}
