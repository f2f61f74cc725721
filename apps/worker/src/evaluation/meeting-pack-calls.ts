import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  coveredKpiPeriods,
  meetingPackStatus,
  parsePackMonth,
  periodFirstDay,
  periodLastDay,
  type CoveredKpiPeriod,
  type Frequency,
  type PackKpi,
} from '#domain';
import type { EntityManager } from 'typeorm';
import type { WorkerEnv } from '../config/worker-env.js';
import { DEPARTMENT_KPIS, FIRST_EVALUATIONS, INSERT_MEETING_PACKS, RUN_DEPARTMENT_MONTHS } from './evaluation-sql.js';

type DepartmentKpiRow = {
  department_id: string;
  kpi_id: string;
  frequency: Frequency;
  start_date: string;
  end_date: string;
  reporting_grace_days: number;
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
    const departmentIds = [...new Set(months.map((row) => row.department_id))];
    const monthPeriods = months.map((row) => parsePackMonth(row.month)!);
    const [firstDay] = monthPeriods.map(periodFirstDay).sort();
    const lastDay = monthPeriods.map(periodLastDay).sort().at(-1)!;
    const rows: DepartmentKpiRow[] = await manager.query(DEPARTMENT_KPIS, [departmentIds, firstDay, lastDay]);

    const kpisByDepartment = new Map<string, PackKpi[]>();
    for (const row of rows) {
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
    const calls = months.map(({ department_id, month }) => ({
      departmentId: department_id,
      month,
      covered: coveredKpiPeriods(month, kpisByDepartment.get(department_id) ?? [], timeZone),
    }));
    const firstEvaluations = await this.firstEvaluations(
      manager,
      calls.flatMap((call) => call.covered),
    );

    const notifyWithinDays = this.config.get('NOTIFY_WITHIN_DAYS');
    const packs = calls.flatMap(({ departmentId, month, covered }) => {
      const status = meetingPackStatus(
        covered.map((entry) => ({
          dueAt: entry.dueAt,
          firstEvaluatedAt: firstEvaluations.get(`${entry.kpiId}|${entry.period}`) ?? null,
        })),
        notifyWithinDays,
      );
      const language = this.config.get('ESCALATION_LANGUAGE');
      return status === null ? [] : [{ department_id: departmentId, month, status, language }];
    });
    if (packs.length === 0) return [];
    return manager.query(INSERT_MEETING_PACKS, [JSON.stringify(packs)]);
  }

  private async firstEvaluations(manager: EntityManager, covered: CoveredKpiPeriod[]): Promise<Map<string, Date>> {
    if (covered.length === 0) return new Map();
    const rows: { kpi_id: string; period: string; first_evaluated_at: Date | null }[] = await manager.query(
      FIRST_EVALUATIONS,
      [covered.map((entry) => entry.kpiId), covered.map((entry) => entry.period)],
    );
    return new Map(
      rows.flatMap((row) => (row.first_evaluated_at ? [[`${row.kpi_id}|${row.period}`, row.first_evaluated_at]] : [])),
    );
  }
}
