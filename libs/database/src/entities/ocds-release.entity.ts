import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Every OCDS release the import has taken, as the publisher wrote it: the ocid's compiled record is merged from
 * all of them, so a process published one stage per file, over several imports, is imported whole.
 */
@Entity('ocds_releases')
export class OcdsRelease {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_ocds_releases' }) ocid!: string;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_ocds_releases' }) releaseId!: string;
  /** The release's `date` as written (merge order is by the instant it names). */
  @Column({ type: 'text', nullable: true }) date!: string | null;
  @Column({ type: 'jsonb' }) release!: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
