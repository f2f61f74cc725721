import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { Vendor } from './vendor.entity.js';
import { type CertificationType } from '#domain';

@Entity('vendor_certifications')
@Unique('uq_vendor_certifications_number', ['vendorId', 'type', 'certifyingAgency', 'certificateNumber'])
@Index('ix_vendor_certifications_type', ['type', 'validFrom', 'validTo'])
export class Certification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) vendorId!: string;
  @ManyToOne(() => Vendor, { onDelete: 'CASCADE' }) vendor!: Relation<Vendor>;
  @Column({ type: 'varchar', length: 40 }) type!: CertificationType;
  @Column({ type: 'varchar', length: 200 }) certifyingAgency!: string;
  @Column({ type: 'varchar', length: 100 }) certificateNumber!: string;
  /** Calendar dates, inclusive. */
  @Column({ type: 'date' }) validFrom!: string;
  /** Null: does not expire. */
  @Column({ type: 'date', nullable: true }) validTo!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
