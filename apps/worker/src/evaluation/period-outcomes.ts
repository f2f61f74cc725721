import { consecutiveOffTrack, periodKeysEndingWith, type ContractPeriodOutcome, type KpiStatus } from '#domain';
import type { CandidatePeriod } from './chunk-kpis.js';

/** A contract period's KPI evaluations, as CONTRACT_PERIOD_EVALUATIONS gathers them. */
export type ContractPeriodEvaluations = {
  contract_id: string;
  period: string;
  kpi_ids: string[];
  statuses: KpiStatus[];
  first_evaluated_at: Date;
};

/** An off-track KPI period and the keys of the periods its run is read from, oldest first, itself last. */
export type RunWindow = { kpiId: string; contractId: string; periodKeys: string[] };

/** The contract periods among the judged ones (one candidate of each stands for its contract and period). */
export function touchedPeriods(judged: readonly CandidatePeriod[]): CandidatePeriod[] {
  const touched = new Map<string, CandidatePeriod>();
  for (const candidate of judged)
    touched.set(`${candidate.kpi.contract_id}|${candidate.contractPeriod.key}`, candidate);
  return [...touched.values()];
}

/**
 * The off-track KPIs of the touched periods, each with the `escalateAfterPeriods` periods ending with its own:
 * the run that decides an escalation is read from those (a longer run escalates no differently).
 */
export function runWindows(
  touched: readonly CandidatePeriod[],
  evaluations: ReadonlyMap<string, ContractPeriodEvaluations>,
): RunWindow[] {
  return touched.flatMap(({ kpi: contract, contractPeriod }) => {
    const period = evaluations.get(`${contract.contract_id}|${contractPeriod.key}`);
    if (!period) return [];
    const periodKeys = periodKeysEndingWith(contractPeriod.key, contract.escalate_after_periods);
    return period.kpi_ids
      .filter((_, index) => period.statuses[index] === 'off_track')
      .map((kpiId) => ({ kpiId, contractId: contract.contract_id, periodKeys }));
  });
}

/**
 * Each touched contract period with every one of its KPI evaluations and each KPI's off-track run (from
 * `earlierStatuses`, by `kpiId|period`, the periods before it; one without an evaluation breaks a run).
 */
export function periodOutcomes(
  touched: readonly CandidatePeriod[],
  evaluations: ReadonlyMap<string, ContractPeriodEvaluations>,
  windows: readonly RunWindow[],
  earlierStatuses: ReadonlyMap<string, KpiStatus>,
): ContractPeriodOutcome[] {
  const windowOf = new Map(windows.map((window) => [`${window.kpiId}|${window.periodKeys.at(-1)}`, window]));
  return touched.flatMap(({ kpi: contract, contractPeriod, times }) => {
    const period = evaluations.get(`${contract.contract_id}|${contractPeriod.key}`);
    if (!period) return [];
    return [
      {
        contractId: contract.contract_id,
        period: contractPeriod.key,
        kpis: period.kpi_ids.map((kpiId, index) => {
          const status = period.statuses[index];
          const window = windowOf.get(`${kpiId}|${contractPeriod.key}`);
          const history = window
            ? window.periodKeys.map((key, at) =>
                at === window.periodKeys.length - 1 ? status : (earlierStatuses.get(`${kpiId}|${key}`) ?? null),
              )
            : [status];
          return { status, offTrackRun: consecutiveOffTrack(history) };
        }),
        escalateAfterPeriods: contract.escalate_after_periods,
        firstEvaluatedAt: period.first_evaluated_at,
        dueAt: times.dueAt,
        vendorEmail: contract.vendor_email,
        vendorLanguage: contract.vendor_language,
        managerEmail: contract.manager_email,
        headEmail: contract.head_email,
      },
    ];
  });
}
