import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every imported OCDS release by ocid and release id, from which the import compiles each process's record. */
export class OcdsReleases1796171200000 implements MigrationInterface {
  name = 'OcdsReleases1796171200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ocds_releases" ("ocid" text NOT NULL, "release_id" text NOT NULL, "date" text, "release" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_ocds_releases" PRIMARY KEY ("ocid", "release_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ocds_releases"`);
  }
}
