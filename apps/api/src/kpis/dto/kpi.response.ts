import type { Kpi } from '#database';
import type { Frequency, KpiDirection } from '#domain';

export type KpiResponse = {
  id: string;
  contractId: string;
  name: string;
  description: string | null;
  unit: string;
  direction: KpiDirection;
  target: number;
  offTrackThreshold: number;
  frequency: Frequency;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
};

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
  createdAt: kpi.createdAt,
  updatedAt: kpi.updatedAt,
});
