import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795376272394 implements MigrationInterface {
  name = 'Initial1795376272394';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "departments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "code" character varying(32) NOT NULL, "head_email" character varying(254) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_departments_code" UNIQUE ("code"), CONSTRAINT "PK_839517a681a86bb84cbcc6a1e9d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "vendors" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "legal_name" character varying(300) NOT NULL, "tax_id" character varying(64) NOT NULL, "email" character varying(254) NOT NULL, "preferred_language" character varying(2) NOT NULL DEFAULT 'en', "is_local" boolean NOT NULL DEFAULT false, "address_line1" character varying(300), "address_line2" character varying(300), "city" character varying(120), "region" character varying(120), "postal_code" character varying(20), "country" character varying(2), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_vendors_tax_id" UNIQUE ("tax_id"), CONSTRAINT "PK_9c956c9797edfae5c6ddacc4e6e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "role" character varying(32) NOT NULL, "token_hash" character(64) NOT NULL, "token_prefix" character varying(16) NOT NULL, "vendor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_api_keys_token_hash" UNIQUE ("token_hash"), CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_type" character varying(16) NOT NULL, "actor_id" uuid, "actor_name" character varying(200) NOT NULL, "action" character varying(64) NOT NULL, "entity_type" character varying(64) NOT NULL, "entity_id" character varying(64) NOT NULL, "before" jsonb, "after" jsonb, "request_id" character varying(64), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_events_entity" ON "audit_events"  ("entity_type", "entity_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "api_key_departments" ("api_key_id" uuid NOT NULL, "department_id" uuid NOT NULL, CONSTRAINT "PK_3edc8905acbd0696b190998c800" PRIMARY KEY ("api_key_id", "department_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b45f48310feedc8011d65a5df2" ON "api_key_departments"  ("api_key_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_79ccd58f7164631f035f63f14b" ON "api_key_departments"  ("department_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "FK_003cd79e0218665e67353b70748" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_key_departments" ADD CONSTRAINT "FK_b45f48310feedc8011d65a5df25" FOREIGN KEY ("api_key_id") REFERENCES "api_keys"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_key_departments" ADD CONSTRAINT "FK_79ccd58f7164631f035f63f14b2" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_key_departments" DROP CONSTRAINT "FK_79ccd58f7164631f035f63f14b2"`);
    await queryRunner.query(`ALTER TABLE "api_key_departments" DROP CONSTRAINT "FK_b45f48310feedc8011d65a5df25"`);
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "FK_003cd79e0218665e67353b70748"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_79ccd58f7164631f035f63f14b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b45f48310feedc8011d65a5df2"`);
    await queryRunner.query(`DROP TABLE "api_key_departments"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_events_entity"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP TABLE "vendors"`);
    await queryRunner.query(`DROP TABLE "departments"`);
  }
}
