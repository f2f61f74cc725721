import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  coveredKpiPeriods,
  meetingPackStatus,
  packPeriodKeys,
  parsePackMonth,
  periodFirstDay,
  periodLastDay,
  type CoveredEvaluations,
  type CoveredKpiPeriod,
  type Frequency,
  type PackKpi,
} from '#domain';
import type { EntityManager } from 'typeorm';
import type { WorkerEnv } from '../config/worker-env.js';
import {
  DEPARTMENT_KPIS,
  INSERT_MEETING_PACKS,
  READ_BY_KEY_SETTINGS,
  RUN_DEPARTMENT_MONTHS,
} from './evaluation-sql.js';

type DepartmentKpiRow = {
  department_id: string;
  kpi_id: string;
  frequency: Frequency;
  start_date: string;
  end_date: string;
  reporting_grace_days: number;
  period: string | null;
  first_evaluated_at: Date | null;
};

/**
 * The meeting packs a completed run calls for: one per department and month its chunks evaluated, once every
 * KPI period the month's pack covers has been evaluated (meetingPackStatus() in #domain), recorded in the
 * transaction that completes the run.
 */
@Injectable()
export class MeetingPackCalls {
  constructor(private readonly config: ConfigService<WorkerEnv, true>) {}

  /** Inserts the run's packs that are due (at most one per department and month, ever); returns the new rows. */
  async record(manager: EntityManager, runId: string): Promise<{ id: string; status: string }[]> {
    const months: { department_id: string; month: string }[] = await manager.query(RUN_DEPARTMENT_MONTHS, [runId]);
    if (months.length === 0) return [];
    await manager.query(READ_BY_KEY_SETTINGS);
    const monthPeriods = months.map((row) => parsePackMonth(row.month)!);
    const rows: DepartmentKpiRow[] = await manager.query(DEPARTMENT_KPIS, [
      [...new Set(months.map((row) => row.department_id))],
      monthPeriods.map(periodFirstDay).sort()[0],
      monthPeriods.map(periodLastDay).sort().at(-1)!,
      [...new Set(months.flatMap((row) => packPeriodKeys(row.month)))],
    ]);

    const kpisByDepartment = new Map<string, PackKpi[]>();
    const firstEvaluations = new Map<string, Date>();
    const seen = new Set<string>();
    for (const row of rows) {
      if (row.period !== null) firstEvaluations.set(`${row.kpi_id}|${row.period}`, row.first_evaluated_at!);
      // A KPI with evaluations of several of the months asked about comes once for each.
      if (seen.has(row.kpi_id)) continue;
      seen.add(row.kpi_id);
      const kpis = kpisByDepartment.get(row.department_id) ?? [];
      kpis.push({
        kpiId: row.kpi_id,
        frequency: row.frequency,
        startDate: row.start_date,
        endDate: row.end_date,
        graceDays: row.reporting_grace_days,
      });
      kpisByDepartment.set(row.department_id, kpis);
    }

    const timeZone = this.config.get('CITY_TIMEZONE');
    const notifyWithinDays = this.config.get('NOTIFY_WITHIN_DAYS');
    const language = this.config.get('ESCALATION_LANGUAGE');
    const packs = months.flatMap(({ department_id, month }) => {
      const covered = coveredKpiPeriods(month, kpisByDepartment.get(department_id) ?? [], timeZone);
      const status = meetingPackStatus(covered, coveredEvaluations(covered, firstEvaluations), notifyWithinDays);
      return status === null ? [] : [{ department_id, month, status, language }];
    });
    if (packs.length === 0) return [];
    return manager.query(INSERT_MEETING_PACKS, [JSON.stringify(packs)]);
  }
}

/** How many of the covered periods have an evaluation, and the first of those evaluations. */
function coveredEvaluations(
  covered: readonly CoveredKpiPeriod[],
  firstEvaluations: ReadonlyMap<string, Date>,
): CoveredEvaluations {
  let evaluated = 0;
  let firstEvaluatedAt: Date | null = null;
  for (const { kpiId, period } of covered) {
    const first = firstEvaluations.get(`${kpiId}|${period}`);
    if (first === undefined) continue;
    evaluated++;
    if (firstEvaluatedAt === null || first < firstEvaluatedAt) firstEvaluatedAt = first;
  }
  return { evaluated, firstEvaluatedAt };
}
