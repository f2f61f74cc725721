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
import { Department } from './department.entity.js';
import {
  type KpiDefinition,
  type ProcurementMethod,
  type SolicitationCategory,
  type SolicitationStatus,
} from '#domain';

@Entity('solicitations')
@Unique('uq_solicitations_reference_number', ['referenceNumber'])
@Index('ix_solicitations_department_status', ['departmentId', 'status'])
@Index('ix_solicitations_awarded_at', ['awardedAt'])
export class Solicitation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 64 }) referenceNumber!: string;
  @Column({ type: 'varchar', length: 300 }) title!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'uuid' }) departmentId!: string;
  @ManyToOne(() => Department, { onDelete: 'RESTRICT' }) department!: Relation<Department>;
  @Column({ type: 'varchar', length: 32 }) category!: SolicitationCategory;
  @Column({ type: 'varchar', length: 32 }) method!: ProcurementMethod;
  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true })
  estimatedValue!: number | null;
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  diversityGoalPercent!: number | null;
  @Column({ type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  /** KPI definitions that become the contract's KPIs at award. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) kpiTemplates!: KpiDefinition[];
  /** A key procurement: one the city tracks closely as evidence of results-driven contracting (§10). */
  @Column({ type: 'boolean', default: false }) isKeyProcurement!: boolean;
  @Column({ type: 'varchar', length: 16, default: 'draft' }) status!: SolicitationStatus;
  /** When the department's request reached procurement: where cycle time starts. */
  @Column({ type: 'timestamptz', nullable: true }) requisitionReceivedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) awardedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
