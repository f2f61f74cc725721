import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The recipients a mail server has already accepted for an email. A server answers each recipient on its own
 * (it can take the cc and refuse the vendor); a later attempt goes only to the others, so nobody who got the
 * email gets it again.
 */
export class NotificationDeliveredTo1796171300000 implements MigrationInterface {
  name = 'NotificationDeliveredTo1796171300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "delivered_to" text array NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "delivered_to"`);
  }
}
