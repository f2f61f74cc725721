import type { EvaluationRun } from '#database';
import { EVALUATION_RUN_STATUSES, type EvaluationCounts, type EvaluationRunStatus } from '#domain';
import { ApiProperty } from '@nestjs/swagger';

export class EvaluationCountsResponse {
  @ApiProperty()
  contracts!: number;

  @ApiProperty()
  kpis!: number;

  @ApiProperty()
  on_track!: number;

  @ApiProperty()
  at_risk!: number;

  @ApiProperty()
  off_track!: number;

  @ApiProperty()
  missing!: number;

  @ApiProperty()
  notifications!: number;
}

export class EvaluationChunksResponse {
  @ApiProperty()
  total!: number;

  @ApiProperty()
  completed!: number;
}

export class EvaluationRunResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: EVALUATION_RUN_STATUSES })
  status!: EvaluationRunStatus;

  @ApiProperty({ type: String, nullable: true, description: 'The period evaluated; null: every period due' })
  period!: string | null;

  @ApiProperty({ type: [String], format: 'uuid', nullable: true })
  contractIds!: string[] | null;

  @ApiProperty()
  requestedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  requestedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt!: Date | null;

  @ApiProperty({ type: String, nullable: true })
  error!: string | null;

  @ApiProperty({
    description:
      'Planned contracts, and what the chunks done so far evaluated and notified: visible while the run runs',
  })
  counts!: EvaluationCountsResponse;

  @ApiProperty()
  chunks!: EvaluationChunksResponse;
}

export const toEvaluationRunResponse = (
  run: EvaluationRun,
  counts: EvaluationCounts,
  chunks: { total: number; completed: number },
): EvaluationRunResponse => ({
  id: run.id,
  status: run.status,
  period: run.period,
  contractIds: run.contractIds,
  requestedBy: run.requestedBy,
  requestedAt: run.requestedAt,
  startedAt: run.startedAt,
  finishedAt: run.finishedAt,
  error: run.error,
  counts,
  chunks,
});
