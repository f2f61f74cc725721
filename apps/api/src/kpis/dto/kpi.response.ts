import type { Kpi } from '#database';
import { FREQUENCIES, KPI_DIRECTIONS, type Frequency, type KpiDirection } from '#domain';
import { ApiProperty } from '@nestjs/swagger';

export class KpiResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  contractId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty()
  unit!: string;

  @ApiProperty({ enum: KPI_DIRECTIONS })
  direction!: KpiDirection;

  @ApiProperty({ type: Number })
  target!: number;

  @ApiProperty({ type: Number })
  offTrackThreshold!: number;

  @ApiProperty({ enum: FREQUENCIES })
  frequency!: Frequency;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The KPI library version it pins' })
  libraryKpiId!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}

export const toKpiResponse = (kpi: Kpi): KpiResponse => ({
  id: kpi.id,
  contractId: kpi.contractId,
  name: kpi.name,
  description: kpi.description,
  unit: kpi.unit,
  direction: kpi.direction,
  target: kpi.target,
  offTrackThreshold: kpi.offTrackThreshold,
  frequency: kpi.frequency,
  active: kpi.active,
  libraryKpiId: kpi.libraryKpiId,
  createdAt: kpi.createdAt,
  updatedAt: kpi.updatedAt,
});
