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
import { Solicitation } from './solicitation.entity.js';
import { Vendor } from './vendor.entity.js';

@Entity('bids')
@Unique('uq_bids_solicitation_vendor', ['solicitationId', 'vendorId'])
@Index('ix_bids_vendor', ['vendorId'])
export class Bid {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) solicitationId!: string;
  @ManyToOne(() => Solicitation, { onDelete: 'CASCADE' }) solicitation!: Relation<Solicitation>;
  @Column({ type: 'uuid' }) vendorId!: string;
  @ManyToOne(() => Vendor, { onDelete: 'RESTRICT' }) vendor!: Relation<Vendor>;
  @Column({ type: 'numeric', precision: 16, scale: 2 }) amount!: number;
  @Column({ type: 'timestamptz' }) submittedAt!: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
