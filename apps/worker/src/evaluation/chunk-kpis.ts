import {
  clipToContract,
  contractPeriods,
  contractPeriodTimes,
  periodFirstDay,
  periodLastDay,
  type ContractPeriod,
  type Frequency,
  type KpiDirection,
  type Language,
  type PeriodTimes,
  type ReportingPeriod,
} from '#domain';

/** An active KPI of a chunk's contract, as CHUNK_KPIS reads it. */
export type ChunkKpiRow = {
  contract_id: string;
  department_id: string;
  start_date: string;
  end_date: string;
  reporting_grace_days: number;
  escalate_after_periods: number;
  manager_email: string;
  vendor_email: string;
  vendor_language: Language;
  head_email: string;
  kpi_id: string;
  frequency: Frequency;
  direction: KpiDirection;
  target: number;
  off_track_threshold: number;
};

/** A KPI period a run looks at: the contract period (clipped to the contract), its calendar days and its times. */
export type CandidatePeriod = {
  kpi: ChunkKpiRow;
  contractPeriod: ContractPeriod;
  /** The period's own first and last days, not clipped: what an evaluation stores for the reports. */
  calendar: { firstDay: string; lastDay: string };
  times: PeriodTimes;
};

/**
 * The KPI periods a run considers: with a run period, that period for each KPI of its frequency whose contract it
 * falls within; without one, every period of each contract that has ended by `now`. Periods still running are
 * left out, since nothing about them can be judged yet. Period arithmetic is shared across the chunk's KPIs,
 * which mostly have the same dates.
 */
export function candidatePeriods(
  kpis: readonly ChunkKpiRow[],
  runPeriod: ReportingPeriod | null,
  now: Date,
  timeZone: string,
): CandidatePeriod[] {
  const times = memoize((lastDay: string, graceDays: number) => contractPeriodTimes(lastDay, graceDays, timeZone));
  const periodsOf = memoize((startDate: string, endDate: string, frequency: Frequency) => {
    const periods =
      runPeriod === null
        ? contractPeriods(startDate, endDate, frequency)
        : runPeriod.frequency === frequency
          ? [clipToContract(runPeriod, startDate, endDate)].filter((period) => period !== null)
          : [];
    return periods.map((contractPeriod) => ({
      contractPeriod,
      calendar: { firstDay: periodFirstDay(contractPeriod.period), lastDay: periodLastDay(contractPeriod.period) },
    }));
  });
  const candidates: CandidatePeriod[] = [];
  for (const kpi of kpis) {
    for (const { contractPeriod, calendar } of periodsOf(kpi.start_date, kpi.end_date, kpi.frequency)) {
      const periodTimes = times(contractPeriod.lastDay, kpi.reporting_grace_days);
      // contractPeriods() is oldest first: once one has not ended, none after it has.
      if (periodTimes.endedAt > now) break;
      candidates.push({ kpi, contractPeriod, calendar, times: periodTimes });
    }
  }
  return candidates;
}

function memoize<A extends (string | number)[], R>(compute: (...args: A) => R): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A) => {
    const key = args.join('|');
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(...args);
      cache.set(key, value);
    }
    return value;
  };
}
