import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { KpiEvaluation } from '#database';
import { contractStatus, DomainError, parsePeriod, periodFirstDay, periodLastDay } from '#domain';
import { DataSource } from 'typeorm';
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
      });
      entry.status = contractStatus(entry.kpis.map((kpi) => kpi.status))!;
      periods.set(row.period, entry);
    }
    return { contractId, periods: [...periods.values()] };
  }
}
