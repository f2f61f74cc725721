import { Check, Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Contract } from './contract.entity.js';
import { PerformanceEvaluation } from './performance-evaluation.entity.js';

/**
 * A contract's end date moved later (the product design §9): on the strength of a recent final performance
 * evaluation, or of an officer's override with its reason.
 */
@Entity('contract_renewals')
@Index('ix_contract_renewals_contract', ['contractId', 'renewedAt'])
@Check('ck_contract_renewals_basis', `"performance_evaluation_id" IS NOT NULL OR "override_reason" IS NOT NULL`)
export class ContractRenewal {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) contractId!: string;
  @ManyToOne(() => Contract, { onDelete: 'RESTRICT' }) contract!: Relation<Contract>;
  @Column({ type: 'date' }) previousEndDate!: string;
  @Column({ type: 'date' }) newEndDate!: string;
  /** The final evaluation the renewal rests on; null when an override allowed it. */
  @Column({ type: 'uuid', nullable: true }) performanceEvaluationId!: string | null;
  @ManyToOne(() => PerformanceEvaluation, { onDelete: 'RESTRICT', nullable: true })
  performanceEvaluation!: Relation<PerformanceEvaluation> | null;
  /** Why the officer renewed without a recent final evaluation. */
  @Column({ type: 'text', nullable: true }) overrideReason!: string | null;
  /** Who renewed it: the API key's id (kept without a foreign key, as in the audit trail) and name. */
  @Column({ type: 'uuid', nullable: true }) renewedById!: string | null;
  @Column({ type: 'varchar', length: 200 }) renewedByName!: string;
  /** The clock's instant of the renewal. */
  @Column({ type: 'timestamptz' }) renewedAt!: Date;
}
