import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Emails about one record rather than a contract's period: a corrective action plan's reminder or decision, a
 * dispute's outcome, a cure notice, a performance evaluation, a contract nearing its end, a sign-in link. Such a
 * row names its record and an occasion (which decision, which reminder), and at most one email exists per record,
 * kind and occasion, as at most one exists per contract, period and kind for the others.
 */
export class NotificationRecords1796172000000 implements MigrationInterface {
  name = 'NotificationRecords1796172000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE varchar(32)`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "period" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "record_id" uuid`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "occasion" varchar(40) NOT NULL DEFAULT ''`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notifications_record_kind_occasion" ON "notifications" ("record_id", "kind", "occasion") WHERE "record_id" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_subject"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_subject" CHECK (CASE WHEN "kind" = 'meeting_pack' THEN "department_id" IS NOT NULL AND "contract_id" IS NULL
        ELSE "department_id" IS NULL AND ("contract_id" IS NOT NULL OR "record_id" IS NOT NULL) END)`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_about" CHECK (("record_id" IS NULL) = ("period" IS NOT NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE "record_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_about"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_subject"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_subject" CHECK (CASE WHEN "kind" = 'meeting_pack' THEN "department_id" IS NOT NULL AND "contract_id" IS NULL
        ELSE "contract_id" IS NOT NULL AND "department_id" IS NULL END)`,
    );
    await queryRunner.query(`DROP INDEX "uq_notifications_record_kind_occasion"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "occasion"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "record_id"`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "period" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE varchar(16)`);
  }
}
