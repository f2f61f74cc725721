import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { type PerformanceEvaluationStatus, type PerformanceRating } from '#domain';
import { Contract } from './contract.entity.js';

/**
 * A formal rating of a contract over a range of months (the product design §9): drafted with the rating the system
 * proposes from the range's KPI results (and the figures it was proposed from), issued to the vendor, commented on
 * within the window, then final.
 */
@Entity('performance_evaluations')
@Index('ix_performance_evaluations_contract', ['contractId', 'createdAt'])
@Index('ix_performance_evaluations_comment_due', ['commentDueOn'], { where: `"status" = 'issued'` })
@Check('ck_performance_evaluations_status', `"status" IN ('draft', 'issued', 'final')`)
export class PerformanceEvaluation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) contractId!: string;
  @ManyToOne(() => Contract, { onDelete: 'RESTRICT' }) contract!: Relation<Contract>;
  /** The range as asked for, months `YYYY-MM` (inclusive), and its calendar days, which select the KPI results. */
  @Column({ type: 'varchar', length: 7 }) fromMonth!: string;
  @Column({ type: 'varchar', length: 7 }) toMonth!: string;
  @Column({ type: 'date' }) rangeFirstDay!: string;
  @Column({ type: 'date' }) rangeLastDay!: string;
  @Column({ type: 'varchar', length: 16 }) status!: PerformanceEvaluationStatus;
  /** The figures of the proposal: KPI evaluations of the range, how many on track, and the share (one decimal). */
  @Column({ type: 'integer' }) evaluatedCount!: number;
  @Column({ type: 'integer' }) onTrackCount!: number;
  @Column({ type: 'numeric', precision: 4, scale: 1, nullable: true }) onTrackPercent!: number | null;
  /** Null when nothing of the range was evaluated. */
  @Column({ type: 'varchar', length: 32, nullable: true }) proposedRating!: PerformanceRating | null;
  /** The officer's rating: the proposal unless changed; required to issue. */
  @Column({ type: 'varchar', length: 32, nullable: true }) rating!: PerformanceRating | null;
  @Column({ type: 'text', nullable: true }) narrative!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) issuedAt!: Date | null;
  /** The last day (city calendar, inclusive) the vendor may comment. */
  @Column({ type: 'date', nullable: true }) commentDueOn!: string | null;
  @Column({ type: 'text', nullable: true }) vendorComment!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) vendorCommentedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) finalizedAt!: Date | null;
  /** Finalized by the daily duty when the comment window closed, rather than by an officer. */
  @Column({ type: 'boolean', default: false }) finalizedAutomatically!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** An evaluation as the API shows it (and the audit trail records it, whichever app makes the change). */
export const toPerformanceEvaluationView = (evaluation: PerformanceEvaluation) => ({
  id: evaluation.id,
  contractId: evaluation.contractId,
  from: evaluation.fromMonth,
  to: evaluation.toMonth,
  status: evaluation.status,
  proposedRating: evaluation.proposedRating,
  rating: evaluation.rating,
  narrative: evaluation.narrative,
  figures: {
    evaluated: evaluation.evaluatedCount,
    onTrack: evaluation.onTrackCount,
    onTrackPercent: evaluation.onTrackPercent,
  },
  issuedAt: evaluation.issuedAt,
  commentDueOn: evaluation.commentDueOn,
  vendorComment: evaluation.vendorComment,
  vendorCommentedAt: evaluation.vendorCommentedAt,
  finalizedAt: evaluation.finalizedAt,
  finalizedAutomatically: evaluation.finalizedAutomatically,
  createdAt: evaluation.createdAt,
  updatedAt: evaluation.updatedAt,
});
