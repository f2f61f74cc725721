import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The KPI library: versioned definitions that KPIs (and, through their templates, solicitations) pin by the id
 * of one version. And the peer comparison's percentile, which its report statement computes for every contract.
 */
export class KpiLibrary1796173000000 implements MigrationInterface {
  name = 'KpiLibrary1796173000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "library_kpis" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entry_id" uuid NOT NULL, "version" integer NOT NULL, "name" character varying(200) NOT NULL, "category" character varying(40) NOT NULL, "unit" character varying(40) NOT NULL, "direction" character varying(20) NOT NULL, "description" text NOT NULL, "suggested_target" numeric(18,4) NOT NULL, "suggested_off_track_threshold" numeric(18,4) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_library_kpis_entry_version" UNIQUE ("entry_id", "version"), CONSTRAINT "ck_library_kpis_version_positive" CHECK ("version" >= 1), CONSTRAINT "PK_f42b981e9dc48eaf2520f0a2578" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_library_kpis_category" ON "library_kpis" ("category")`);
    await queryRunner.query(`ALTER TABLE "kpis" ADD "library_kpi_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_kpis_library_kpi" ON "kpis" ("library_kpi_id")`);
    await queryRunner.query(
      `ALTER TABLE "kpis" ADD CONSTRAINT "FK_ecef37f18467b73054649eb836d" FOREIGN KEY ("library_kpi_id") REFERENCES "library_kpis"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Mid-rank percentile (docs/metrics.md, peer comparison): the share of the other peers below, a tie counting
    // half, as 0-100 with one decimal (percent_of); null when there is no other peer. `tied` counts the peer itself.
    await queryRunner.query(`
      CREATE FUNCTION peer_percentile(below bigint, tied bigint, peers bigint) RETURNS numeric
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN percent_of(2 * below + tied - 1, 2 * (peers - 1))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION peer_percentile(bigint, bigint, bigint)`);
    await queryRunner.query(`ALTER TABLE "kpis" DROP CONSTRAINT "FK_ecef37f18467b73054649eb836d"`);
    await queryRunner.query(`DROP INDEX "ix_kpis_library_kpi"`);
    await queryRunner.query(`ALTER TABLE "kpis" DROP COLUMN "library_kpi_id"`);
    await queryRunner.query(`DROP TABLE "library_kpis"`);
  }
}
