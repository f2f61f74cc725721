import { Column, Entity, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { EvaluationRun } from './evaluation-run.entity.js';
import { type DepartmentMonth, type EvaluationCounts } from '#domain';

/**
 * A run's slice of contracts, planned once when the run starts. The chunk's evaluation writes its counts and
 * completion in its own transaction, so a retried or re-driven chunk is neither lost nor counted twice.
 */
@Entity('evaluation_run_chunks')
export class EvaluationRunChunk {
  @PrimaryColumn({ type: 'uuid' }) runId!: string;
  @ManyToOne(() => EvaluationRun, { onDelete: 'CASCADE' }) run!: Relation<EvaluationRun>;
  @PrimaryColumn({ type: 'integer' }) chunkIndex!: number;
  @Column({ type: 'uuid', array: true }) contractIds!: string[];
  @Column({ type: 'jsonb', nullable: true }) counts!: EvaluationCounts | null;
  @Column({ type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  /** The departments and months of the periods this chunk evaluated: where the run's meeting packs are due. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) departmentMonths!: DepartmentMonth[];
}
