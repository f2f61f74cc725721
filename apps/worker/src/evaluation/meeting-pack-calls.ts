import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  coveredPeriods,
  meetingPackStatus,
  packPeriodKeys,
  parsePackMonth,
  periodFirstDay,
  periodLastDay,
  type CoveredEvaluations,
  type CoveredPeriod,
  type Frequency,
  type PackKpiGroup,
} from '#domain';
import type { EntityManager } from 'typeorm';
import type { WorkerEnv } from '../config/worker-env.js';
import {
  DEPARTMENT_KPI_GROUPS,
  INSERT_MEETING_PACKS,
  READ_BY_KEY_SETTINGS,
  RUN_DEPARTMENT_MONTHS,
} from './evaluation-sql.js';

type KpiGroupRow = {
  department_id: string;
  frequency: Frequency;
  start_date: string;
  end_date: string;
  reporting_grace_days: number;
  kpis: number;
  period: string | null;
  evaluated: number | null;
  first_evaluated_at: Date | null;
};

/** A department's group of KPIs, with its evaluations of each period asked about. */
type KpiGroup = PackKpiGroup & { evaluations: Map<string, CoveredEvaluations> };

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
    const rows: KpiGroupRow[] = await manager.query(DEPARTMENT_KPI_GROUPS, [
      [...new Set(months.map((row) => row.department_id))],
      monthPeriods.map(periodFirstDay).sort()[0],
      monthPeriods.map(periodLastDay).sort().at(-1)!,
      [...new Set(months.flatMap((row) => packPeriodKeys(row.month)))],
    ]);
    const groupsByDepartment = kpiGroups(rows);

    const timeZone = this.config.get('CITY_TIMEZONE');
    const notifyWithinDays = this.config.get('NOTIFY_WITHIN_DAYS');
    const language = this.config.get('ESCALATION_LANGUAGE');
    const packs = months.flatMap(({ department_id, month }) => {
      const covered = coveredPeriods(month, groupsByDepartment.get(department_id) ?? [], timeZone);
      const status = meetingPackStatus(covered, coveredEvaluations(covered), notifyWithinDays);
      return status === null ? [] : [{ department_id, month, status, language }];
    });
    if (packs.length === 0) return [];
    return manager.query(INSERT_MEETING_PACKS, [JSON.stringify(packs)]);
  }
}

/** The rows' groups by department, each with its evaluations by period (a group comes once per period). */
function kpiGroups(rows: readonly KpiGroupRow[]): Map<string, KpiGroup[]> {
  const groups = new Map<string, KpiGroup>();
  const byDepartment = new Map<string, KpiGroup[]>();
  for (const row of rows) {
    const key = [row.department_id, row.frequency, row.start_date, row.end_date, row.reporting_grace_days].join('|');
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        frequency: row.frequency,
        startDate: row.start_date,
        endDate: row.end_date,
        graceDays: row.reporting_grace_days,
        kpis: row.kpis,
        evaluations: new Map(),
      };
      groups.set(key, group);
      const department = byDepartment.get(row.department_id);
      if (department) department.push(group);
      else byDepartment.set(row.department_id, [group]);
    }
    if (row.period !== null) {
      group.evaluations.set(row.period, { evaluated: row.evaluated!, firstEvaluatedAt: row.first_evaluated_at });
    }
  }
  return byDepartment;
}

/** How many of the covered KPI periods have an evaluation, and the first of those evaluations. */
function coveredEvaluations(covered: readonly CoveredPeriod<KpiGroup>[]): CoveredEvaluations {
  let evaluated = 0;
  let firstEvaluatedAt: Date | null = null;
  for (const { group, period } of covered) {
    const found = group.evaluations.get(period);
    if (found === undefined) continue;
    evaluated += found.evaluated;
    if (firstEvaluatedAt === null || found.firstEvaluatedAt! < firstEvaluatedAt) {
      firstEvaluatedAt = found.firstEvaluatedAt;
    }
  }
  return { evaluated, firstEvaluatedAt };
}
