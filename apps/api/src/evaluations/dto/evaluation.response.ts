import type { KpiEvaluation } from '#database';
import { KPI_STATUSES, type KpiStatus } from '#domain';
import { ApiProperty, PickType } from '@nestjs/swagger';

export class EvaluationResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  contractId!: string;

  @ApiProperty({ format: 'uuid' })
  kpiId!: string;

  @ApiProperty({ description: 'Reporting period: `2026-11`, `2026-Q4` or `2026`', example: '2026-11' })
  period!: string;

  @ApiProperty({ type: Number, nullable: true })
  value!: number | null;

  @ApiProperty({ type: Number })
  target!: number;

  @ApiProperty({ type: Number })
  offTrackThreshold!: number;

  @ApiProperty({ enum: KPI_STATUSES })
  status!: KpiStatus;

  @ApiProperty({ type: String, format: 'date-time' })
  evaluatedAt!: Date;
}

export const toEvaluationResponse = (evaluation: KpiEvaluation): EvaluationResponse => ({
  id: evaluation.id,
  contractId: evaluation.contractId,
  kpiId: evaluation.kpiId,
  period: evaluation.period,
  value: evaluation.value,
  target: evaluation.target,
  offTrackThreshold: evaluation.offTrackThreshold,
  status: evaluation.status,
  evaluatedAt: evaluation.evaluatedAt,
});

/** The early warning (the product design §9): the KPI's trend line crosses its off-track threshold next period. */
export class KpiTrendResponse {
  @ApiProperty({ enum: ['worsening'] })
  direction!: 'worsening';

  @ApiProperty({ type: Number, description: 'The least-squares line’s value at the next period (4 decimals)' })
  projectedValue!: number;

  @ApiProperty({ example: '2026-12', description: 'The period after the latest evaluated one' })
  projectedPeriod!: string;
}

/** A KPI's line on a scorecard: its evaluation's figures, with the KPI's name and unit. */
export class ScorecardKpiResponse extends PickType(EvaluationResponse, [
  'kpiId',
  'value',
  'target',
  'offTrackThreshold',
  'status',
] as const) {
  @ApiProperty()
  name!: string;

  @ApiProperty()
  unit!: string;

  @ApiProperty({
    type: () => KpiTrendResponse,
    nullable: true,
    description:
      'Set on the KPI’s latest evaluated period when it is on track or at risk and the line through its last ' +
      'TREND_PERIODS values crosses the off-track threshold in the next period; null otherwise',
  })
  trend!: KpiTrendResponse | null;
}

export class ScorecardPeriodResponse {
  @ApiProperty({ example: '2026-11' })
  period!: string;

  @ApiProperty({ enum: KPI_STATUSES, description: 'The worst of its KPIs' })
  status!: KpiStatus;

  @ApiProperty({ type: () => [ScorecardKpiResponse] })
  kpis!: ScorecardKpiResponse[];
}

export class ScorecardResponse {
  @ApiProperty({ format: 'uuid' })
  contractId!: string;

  @ApiProperty({ type: () => [ScorecardPeriodResponse] })
  periods!: ScorecardPeriodResponse[];
}
