import { MigrationInterface, QueryRunner } from 'typeorm';
import { insertStarterLibraryKpis, STARTER_LIBRARY_KPIS } from '../kpi-library-starter.js';

/** The library's starter set of city-service measures (libs/database/src/kpi-library-starter.ts). */
export class StarterKpiLibrary1796173000001 implements MigrationInterface {
  name = 'StarterKpiLibrary1796173000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await insertStarterLibraryKpis(queryRunner);
  }

  /** Removes the starter entries nothing uses yet: no KPI pins them and they have no later version. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM library_kpis l
        WHERE l.id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM kpis k WHERE k.library_kpi_id = l.id)
          AND NOT EXISTS (SELECT 1 FROM library_kpis later WHERE later.entry_id = l.entry_id AND later.version > 1)`,
      [STARTER_LIBRARY_KPIS.map((entry) => entry.id)],
    );
  }
}
