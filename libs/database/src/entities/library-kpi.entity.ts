import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { type KpiDirection, type LibraryKpiCategory } from '#domain';

/**
 * One version of a KPI library entry. Versions are never changed: editing an entry writes its next version, and
 * a KPI pins the version it was made from (`kpis.library_kpi_id`). All versions of an entry share `entryId` (the
 * first version's id) and its unit and direction.
 */
@Entity('library_kpis')
@Unique('uq_library_kpis_entry_version', ['entryId', 'version'])
@Check('ck_library_kpis_version_positive', '"version" >= 1')
@Index('ix_library_kpis_category', ['category'])
export class LibraryKpi {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) entryId!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 40 }) category!: LibraryKpiCategory;
  @Column({ type: 'varchar', length: 40 }) unit!: string;
  @Column({ type: 'varchar', length: 20 }) direction!: KpiDirection;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'numeric', precision: 18, scale: 4 }) suggestedTarget!: number;
  @Column({ type: 'numeric', precision: 18, scale: 4 }) suggestedOffTrackThreshold!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
