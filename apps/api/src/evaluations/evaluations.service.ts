import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { KpiEvaluation } from '#database';
import {
  contractStatus,
  DomainError,
  kpiTrend,
  parsePeriod,
  periodFirstDay,
  periodLastDay,
  type KpiDirection,
  type KpiStatus,
  type KpiTrend,
} from '#domain';
import { DataSource } from 'typeorm';
import type { ApiEnv } from '../config/api-env.js';
import type { Principal } from '../auth/principal.js';
import { ContractsService } from '../contracts/contracts.service.js';
import type { ScorecardResponse } from './dto/evaluation.response.js';
import type { EvaluationsQuery } from './dto/evaluations.query.js';
import type { ScorecardQuery } from './dto/scorecard.query.js';

@Injectable()
export class EvaluationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contracts: ContractsService,
    private readonly config: ConfigService<ApiEnv, true>,
  ) {}

  /** Newest period first; vendors see their contracts' results, department heads their departments'. */
  async list(query: EvaluationsQuery, principal: Principal): Promise<[KpiEvaluation[], number]> {
    const builder = this.dataSource
      .getRepository(KpiEvaluation)
      .createQueryBuilder('evaluation')
      .innerJoin('evaluation.contract', 'contract')
      .orderBy('evaluation.period', 'DESC')
      .addOrderBy('evaluation.contractId')
      .addOrderBy('evaluation.kpiId')
      .take(query.limit)
      .skip(query.offset);
    if (query.period) builder.andWhere('evaluation.period = :period', { period: query.period });
    if (query.status) builder.andWhere('evaluation.status = :status', { status: query.status });
    if (query.contractId) builder.andWhere('evaluation.contractId = :contractId', { contractId: query.contractId });
    if (query.departmentId)
      builder.andWhere('contract.departmentId = :departmentId', { departmentId: query.departmentId });
    if (principal.role === 'vendor')
      builder.andWhere('contract.vendorId = :vendorId', { vendorId: principal.vendorId });
    if (principal.role === 'department_head') {
      builder.andWhere('contract.departmentId = ANY(:departmentIds)', { departmentIds: principal.departmentIds });
    }
    return builder.getManyAndCount();
  }

  /** A contract's results period by period, oldest first, each with the worst of its KPIs' statuses. */
  async scorecard(contractId: string, query: ScorecardQuery, principal: Principal): Promise<ScorecardResponse> {
    await this.contracts.get(contractId, principal);
    const from = query.from ? periodFirstDay(parsePeriod(query.from)!) : null;
    const to = query.to ? periodLastDay(parsePeriod(query.to)!) : null;
    if (from && to && from > to) throw DomainError.invalid('from', 'from must not be after to');
    const rows: {
      period: string;
      kpi_id: string;
      name: string;
      unit: string;
      value: number | null;
      target: number;
      off_track_threshold: number;
      status: ScorecardResponse['periods'][number]['status'];
    }[] = await this.dataSource.query(
      `SELECT e.period, e.kpi_id, k.name, k.unit, e.value, e.target, e.off_track_threshold, e.status
         FROM kpi_evaluations e JOIN kpis k ON k.id = e.kpi_id
        WHERE e.contract_id = $1
          AND period_in_range(e.period_first_day, e.period_last_day, coalesce($2::date, '-infinity'),
                              coalesce($3::date, 'infinity'))
        ORDER BY e.period_first_day, e.period_last_day, k.name`,
      [contractId, from, to],
    );
    const trends = await this.trends(contractId, to);
    const periods = new Map<string, ScorecardResponse['periods'][number]>();
    for (const row of rows) {
      const entry = periods.get(row.period) ?? { period: row.period, status: row.status, kpis: [] };
      entry.kpis.push({
        kpiId: row.kpi_id,
        name: row.name,
        unit: row.unit,
        value: row.value,
        target: row.target,
        offTrackThreshold: row.off_track_threshold,
        status: row.status,
        trend: trends.get(`${row.kpi_id} ${row.period}`) ?? null,
      });
      entry.status = contractStatus(entry.kpis.map((kpi) => kpi.status))!;
      periods.set(row.period, entry);
    }
    return { contractId, periods: [...periods.values()] };
  }

  /**
   * The early warning of each KPI whose latest evaluated period up to `to` carries one, keyed by KPI and that
   * period: drawn through the evaluations before `from` too, so that a short range still shows it.
   */
  private async trends(contractId: string, to: string | null): Promise<Map<string, KpiTrend>> {
    const history: {
      kpi_id: string;
      direction: KpiDirection;
      period: string;
      value: number | null;
      target: number;
      off_track_threshold: number;
      status: KpiStatus;
    }[] = await this.dataSource.query(
      `SELECT e.kpi_id, k.direction, e.period, e.value, e.target, e.off_track_threshold, e.status
         FROM kpi_evaluations e JOIN kpis k ON k.id = e.kpi_id
        WHERE e.contract_id = $1 AND e.period_last_day <= coalesce($2::date, 'infinity')
        ORDER BY e.kpi_id, e.period_first_day, e.period_last_day`,
      [contractId, to],
    );
    const byKpi = new Map<string, typeof history>();
    for (const row of history) byKpi.set(row.kpi_id, [...(byKpi.get(row.kpi_id) ?? []), row]);
    const trends = new Map<string, KpiTrend>();
    for (const [kpiId, rows] of byKpi) {
      const latest = rows.at(-1)!;
      const rule = {
        direction: latest.direction,
        target: latest.target,
        offTrackThreshold: latest.off_track_threshold,
      };
      const trend = kpiTrend(rule, rows, this.config.get('TREND_PERIODS'));
      if (trend) trends.set(`${kpiId} ${latest.period}`, trend);
    }
    return trends;
  }
}
