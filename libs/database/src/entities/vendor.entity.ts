import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { type Language } from '#domain';

@Entity('vendors')
@Unique('uq_vendors_tax_id', ['taxId'])
export class Vendor {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 300 }) legalName!: string;
  @Column({ type: 'varchar', length: 64 }) taxId!: string;
  /** Where performance alerts go. */
  @Column({ type: 'varchar', length: 254 }) email!: string;
  @Column({ type: 'varchar', length: 2, default: 'en' }) preferredLanguage!: Language;
  @Column({ type: 'boolean', default: false }) isLocal!: boolean;
  @Column({ type: 'varchar', length: 300, nullable: true }) addressLine1!: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) addressLine2!: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) city!: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) region!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) postalCode!: string | null;
  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'varchar', length: 2, nullable: true }) country!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
