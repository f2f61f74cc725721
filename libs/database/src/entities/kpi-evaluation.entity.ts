import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { Contract } from './contract.entity.js';
import { Kpi } from './kpi.entity.js';
import { type KpiStatus } from '#domain';

/**
 * The result for one KPI and period, with the target and threshold it was judged by: later changes to the KPI
 * never rewrite it. Re-evaluating a period replaces the row.
 */
@Entity('kpi_evaluations')
@Unique('uq_kpi_evaluations_kpi_period', ['kpiId', 'period'])
@Index('ix_kpi_evaluations_contract_period', ['contractId', 'period'])
@Index('ix_kpi_evaluations_status', ['status'])
export class KpiEvaluation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) contractId!: string;
  /** Held by the key on (kpi, contract) below: the contract is the KPI's own. */
  @ManyToOne(() => Contract, { createForeignKeyConstraints: false }) contract!: Relation<Contract>;
  @Column({ type: 'uuid' }) kpiId!: string;
  /**
   * One foreign key for both references, one check per row written: the KPI exists, the contract is that KPI's
   * (and so exists). Deleting a contract deletes its KPIs, and with them their evaluations.
   */
  @ManyToOne(() => Kpi, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'kpi_id', referencedColumnName: 'id' },
    { name: 'contract_id', referencedColumnName: 'contractId' },
  ])
  kpi!: Relation<Kpi>;
  /** `2026-03`, `2026-Q1` or `2026`. */
  @Column({ type: 'varchar', length: 7 }) period!: string;
  /**
   * The period's calendar days (not clipped to the contract), computed in TypeScript when the row is written, so
   * that reports compare dates instead of parsing the period's text.
   */
  @Column({ type: 'date' }) periodFirstDay!: string;
  @Column({ type: 'date' }) periodLastDay!: string;
  /** Null when the value was missing. */
  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true }) value!: number | null;
  @Column({ type: 'numeric', precision: 18, scale: 4 }) target!: number;
  @Column({ type: 'numeric', precision: 18, scale: 4 }) offTrackThreshold!: number;
  @Column({ type: 'varchar', length: 16 }) status!: KpiStatus;
  @Column({ type: 'timestamptz' }) evaluatedAt!: Date;
  /** When the period was first evaluated: decides whether its notices are still timely (NOTIFY_WITHIN_DAYS). */
  @Column({ type: 'timestamptz', default: () => 'now()' }) firstEvaluatedAt!: Date;
}
