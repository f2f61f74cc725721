import { consecutiveOffTrack, periodKeysEndingWith, type ContractPeriodOutcome, type KpiStatus } from '#domain';
import type { CandidatePeriod } from './chunk-kpis.js';

/** A contract period the chunk wrote evaluations for, with what telling people about it needs. */
export type TouchedPeriod = { candidate: CandidatePeriod; periodKeys: string[] };

/** A KPI evaluation as CONTRACT_PERIOD_EVALUATIONS reads it. */
export type StoredEvaluation = {
  contract_id: string;
  kpi_id: string;
  period: string;
  status: KpiStatus;
  first_evaluated_at: Date;
};

/**
 * The contract periods among the judged ones, each with the keys of the periods its off-track runs are read from:
 * the period itself and the `escalateAfterPeriods − 1` before it (a longer run escalates no differently).
 */
export function touchedPeriods(judged: readonly CandidatePeriod[]): TouchedPeriod[] {
  const touched = new Map<string, TouchedPeriod>();
  for (const candidate of judged) {
    const key = `${candidate.kpi.contract_id}|${candidate.contractPeriod.key}`;
    if (touched.has(key)) continue;
    const periodKeys = periodKeysEndingWith(candidate.contractPeriod.key, candidate.kpi.escalate_after_periods);
    touched.set(key, { candidate, periodKeys });
  }
  return [...touched.values()];
}

/**
 * Each touched contract period with every one of its KPI evaluations (not only those this chunk wrote) and each
 * KPI's off-track run, from the evaluations of its run's periods; a period without an evaluation breaks a run.
 */
export function periodOutcomes(
  touched: readonly TouchedPeriod[],
  evaluations: readonly StoredEvaluation[],
): ContractPeriodOutcome[] {
  const byContractPeriod = new Map<string, StoredEvaluation[]>();
  for (const evaluation of evaluations) {
    const key = `${evaluation.contract_id}|${evaluation.period}`;
    byContractPeriod.set(key, [...(byContractPeriod.get(key) ?? []), evaluation]);
  }
  return touched.flatMap(({ candidate, periodKeys }) => {
    const { kpi: contract, contractPeriod, times } = candidate;
    const current = byContractPeriod.get(`${contract.contract_id}|${contractPeriod.key}`) ?? [];
    if (current.length === 0) return [];
    const statusOf = (kpiId: string, period: string): KpiStatus | null =>
      byContractPeriod.get(`${contract.contract_id}|${period}`)?.find((row) => row.kpi_id === kpiId)?.status ?? null;
    return [
      {
        contractId: contract.contract_id,
        period: contractPeriod.key,
        kpis: current.map((row) => ({
          status: row.status,
          offTrackRun: consecutiveOffTrack(periodKeys.map((period) => statusOf(row.kpi_id, period))),
        })),
        escalateAfterPeriods: contract.escalate_after_periods,
        firstEvaluatedAt: new Date(Math.min(...current.map((row) => row.first_evaluated_at.getTime()))),
        dueAt: times.dueAt,
        vendorEmail: contract.vendor_email,
        vendorLanguage: contract.vendor_language,
        managerEmail: contract.manager_email,
        headEmail: contract.head_email,
      },
    ];
  });
}
