import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { type EvaluationRunStatus } from '#domain';

/** One evaluation pass, requested by an officer or by the schedule; its counts add up its chunks'. */
@Entity('evaluation_runs')
export class EvaluationRun {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 16 }) status!: EvaluationRunStatus;
  /** Only this period key (`2026-03`, `2026-Q1`, `2026`), or every period that is due. */
  @Column({ type: 'varchar', length: 7, nullable: true }) period!: string | null;
  /** Only these contracts, or all. */
  @Column({ type: 'uuid', array: true, nullable: true }) contractIds!: string[] | null;
  /** `schedule`, or the name of the API key that asked. */
  @Column({ type: 'varchar', length: 200 }) requestedBy!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) requestedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
}
