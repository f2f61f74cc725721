import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence of results-driven contracting (the product design, §10): key procurements are marked on solicitations
 * and contracts, and engagements (meetings, site visits, calls) record the active management of a contract.
 */
export class KeyProcurementAndEngagements1796176000000 implements MigrationInterface {
  name = 'KeyProcurementAndEngagements1796176000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "solicitations" ADD "is_key_procurement" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "contracts" ADD "is_key_procurement" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE TABLE "engagements" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "contract_id" uuid NOT NULL,
        "date" date NOT NULL,
        "kind" varchar(16) NOT NULL,
        "attendees" jsonb NOT NULL,
        "notes" text,
        "actions" jsonb NOT NULL DEFAULT '[]',
        "recorded_by" varchar(200) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_engagements" PRIMARY KEY ("id"),
        CONSTRAINT "fk_engagements_contract" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE
      )`,
    );
    await queryRunner.query(`CREATE INDEX "ix_engagements_contract_date" ON "engagements" ("contract_id", "date")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "engagements"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP COLUMN "is_key_procurement"`);
    await queryRunner.query(`ALTER TABLE "solicitations" DROP COLUMN "is_key_procurement"`);
  }
}
