import type { Measurement } from '#database';
import type { MeasurementSource } from '#domain';

export type MeasurementResponse = {
  id: string;
  kpiId: string;
  period: string;
  value: number;
  note: string | null;
  source: MeasurementSource;
  recordedBy: { id: string | null; name: string };
  recordedAt: Date;
};

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
