import { ApiProperty } from '@nestjs/swagger';
import { toPerformanceEvaluationView, type PerformanceEvaluation } from '#database';
import {
  PERFORMANCE_EVALUATION_STATUSES,
  PERFORMANCE_RATINGS,
  type PerformanceEvaluationStatus,
  type PerformanceRating,
} from '#domain';

/** The KPI results the proposed rating was made from, as they were when the draft was created. */
export class RatingFiguresResponse {
  @ApiProperty({ description: 'KPI evaluations of the range (every status, missing included)' })
  evaluated!: number;

  @ApiProperty({ description: 'Of those, on track' })
  onTrack!: number;

  @ApiProperty({ type: Number, nullable: true, example: 85.7, description: '0–100, one decimal; null when none' })
  onTrackPercent!: number | null;
}

export class PerformanceEvaluationResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  contractId!: string;

  @ApiProperty({ example: '2026-01' })
  from!: string;

  @ApiProperty({ example: '2026-06' })
  to!: string;

  @ApiProperty({ enum: PERFORMANCE_EVALUATION_STATUSES })
  status!: PerformanceEvaluationStatus;

  @ApiProperty({
    type: String,
    enum: PERFORMANCE_RATINGS,
    nullable: true,
    description: 'null when nothing of the range was evaluated',
  })
  proposedRating!: PerformanceRating | null;

  @ApiProperty({
    type: String,
    enum: PERFORMANCE_RATINGS,
    nullable: true,
    description: 'The officer’s rating; needed to issue',
  })
  rating!: PerformanceRating | null;

  @ApiProperty({ type: String, nullable: true })
  narrative!: string | null;

  @ApiProperty({ type: RatingFiguresResponse })
  figures!: RatingFiguresResponse;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  issuedAt!: Date | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The last day (city calendar, inclusive) the vendor may comment',
  })
  commentDueOn!: string | null;

  @ApiProperty({ type: String, nullable: true })
  vendorComment!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  vendorCommentedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finalizedAt!: Date | null;

  @ApiProperty({ description: 'Finalized when the comment window closed, rather than by an officer' })
  finalizedAutomatically!: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}

export const toPerformanceEvaluationResponse = (evaluation: PerformanceEvaluation): PerformanceEvaluationResponse =>
  toPerformanceEvaluationView(evaluation);
