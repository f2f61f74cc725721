import type { KpiEvaluation } from '#database';
import type { KpiStatus } from '#domain';

export type EvaluationResponse = {
  id: string;
  contractId: string;
  kpiId: string;
  period: string;
  value: number | null;
  target: number;
  offTrackThreshold: number;
  status: KpiStatus;
  evaluatedAt: Date;
};

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

export type ScorecardResponse = {
  contractId: string;
  periods: {
    period: string;
    status: KpiStatus;
    kpis: {
      kpiId: string;
      name: string;
      unit: string;
      value: number | null;
      target: number;
      offTrackThreshold: number;
      status: KpiStatus;
    }[];
  }[];
};
