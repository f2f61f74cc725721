import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Bid } from './bid.entity.js';
import { Department } from './department.entity.js';
import { Solicitation } from './solicitation.entity.js';
import { Vendor } from './vendor.entity.js';
import { type ContractStatus } from '#domain';

@Entity('contracts')
@Unique('uq_contracts_number', ['number'])
@Unique('uq_contracts_bid', ['bidId'])
@Index('ix_contracts_vendor', ['vendorId'])
@Index('ix_contracts_department_status', ['departmentId', 'status'])
export class Contract {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 64 }) number!: string;
  @Column({ type: 'varchar', length: 300 }) title!: string;
  @Column({ type: 'uuid' }) vendorId!: string;
  @ManyToOne(() => Vendor, { onDelete: 'RESTRICT' }) vendor!: Relation<Vendor>;
  @Column({ type: 'uuid' }) departmentId!: string;
  @ManyToOne(() => Department, { onDelete: 'RESTRICT' }) department!: Relation<Department>;
  /** Null for contracts entered directly rather than awarded from a solicitation. */
  @Column({ type: 'uuid', nullable: true }) solicitationId!: string | null;
  @ManyToOne(() => Solicitation, { onDelete: 'RESTRICT', nullable: true }) solicitation!: Relation<Solicitation> | null;
  /** The winning bid, for awarded contracts. */
  @Column({ type: 'uuid', nullable: true }) bidId!: string | null;
  @ManyToOne(() => Bid, { onDelete: 'RESTRICT', nullable: true }) bid!: Relation<Bid> | null;
  @Column({ type: 'numeric', precision: 16, scale: 2 }) value!: number;
  /** Calendar dates in the city's time zone, inclusive. */
  @Column({ type: 'date' }) startDate!: string;
  @Column({ type: 'date' }) endDate!: string;
  @Column({ type: 'varchar', length: 254 }) managerEmail!: string;
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  diversityGoalPercent!: number | null;
  @Column({ type: 'integer', default: 10 }) reportingGraceDays!: number;
  @Column({ type: 'integer', default: 2 }) escalateAfterPeriods!: number;
  @Column({ type: 'varchar', length: 16, default: 'active' }) status!: ContractStatus;
  /** A key procurement: one the city tracks closely as evidence of results-driven contracting (§10). */
  @Column({ type: 'boolean', default: false }) isKeyProcurement!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
