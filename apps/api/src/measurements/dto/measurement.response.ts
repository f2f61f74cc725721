import type { Measurement } from '#database';
import { MEASUREMENT_SOURCES, type MeasurementSource } from '#domain';
import { ApiProperty } from '@nestjs/swagger';

export class MeasurementRecorderResponse {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The API key; null for the CLI or an import without one',
  })
  id!: string | null;

  @ApiProperty()
  name!: string;
}

export class MeasurementResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  kpiId!: string;

  @ApiProperty({ description: 'Reporting period: `2026-11`, `2026-Q4` or `2026`', example: '2026-11' })
  period!: string;

  @ApiProperty({ type: Number })
  value!: number;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiProperty({ enum: MEASUREMENT_SOURCES })
  source!: MeasurementSource;

  @ApiProperty()
  recordedBy!: MeasurementRecorderResponse;

  @ApiProperty({ type: String, format: 'date-time' })
  recordedAt!: Date;
}

export const toMeasurementResponse = (measurement: Measurement): MeasurementResponse => ({
  id: measurement.id,
  kpiId: measurement.kpiId,
  period: measurement.period,
  value: measurement.value,
  note: measurement.note,
  source: measurement.source,
  recordedBy: { id: measurement.recordedById, name: measurement.recordedByName },
  recordedAt: measurement.recordedAt,
});
