import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Measurement, type Contract, type Kpi } from '#database';
import { DomainError, localDateOf, measurementProblem, type Actor, type Clock, type MeasurementSource } from '#domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import type { PaginationQuery } from '../common/pagination.js';
import type { ApiEnv } from '../config/api-env.js';
import { KpisService } from '../kpis/kpis.service.js';
import { toMeasurementResponse } from './dto/measurement.response.js';
import type { RecordMeasurementDto } from './dto/record-measurement.dto.js';
import { CLOCK } from '#runtime';

export const MEASUREMENT_ENTITY = 'measurement';

/** Where a value came from: the vendor's own report, city staff, or a CSV import. */
export const sourceOf = (principal: Principal): MeasurementSource => (principal.role === 'vendor' ? 'vendor' : 'staff');

@Injectable()
export class MeasurementsService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kpis: KpisService,
    private readonly audit: AuditService,
    private readonly config: ConfigService<ApiEnv, true>,
  ) {}

  /**
   * Records the value of a KPI for a period, replacing the current one; the replaced value stays in the audit
   * trail. Sending the same value and note again changes nothing.
   */
  async record(
    kpiId: string,
    period: string,
    dto: RecordMeasurementDto,
    principal: Principal,
    actor: Actor,
  ): Promise<{ measurement: Measurement; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const { kpi, contract } = await this.kpis.get(kpiId, principal, manager);
      this.assertRecordable(kpi, contract, period);
      const existing = await manager.findOne(Measurement, {
        where: { kpiId, period },
        lock: { mode: 'pessimistic_write' },
      });
      const note = dto.note ?? null;
      if (existing && existing.value === dto.value && existing.note === note)
        return { measurement: existing, created: false };

      const before = existing ? toMeasurementResponse(existing) : null;
      const measurement = await manager.save(
        Object.assign(existing ?? manager.create(Measurement, { kpiId, period }), {
          value: dto.value,
          note,
          source: sourceOf(principal),
          recordedById: actor.id,
          recordedByName: actor.name,
          recordedAt: this.clock.now(),
        }),
      );
      await this.audit.record(manager, actor, {
        action: existing ? 'update' : 'create',
        entityType: MEASUREMENT_ENTITY,
        entityId: measurement.id,
        before,
        after: toMeasurementResponse(measurement),
      });
      return { measurement, created: !existing };
    });
  }

  /** Oldest period first. */
  async list(kpiId: string, query: PaginationQuery, principal: Principal): Promise<[Measurement[], number]> {
    await this.kpis.get(kpiId, principal);
    return this.dataSource.getRepository(Measurement).findAndCount({
      where: { kpiId },
      order: { period: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
  }

  /** An inactive KPI is a conflict; a period the KPI takes no value for is the period's fault. */
  private assertRecordable(kpi: Kpi, contract: Contract, period: string): void {
    const today = localDateOf(this.clock.now(), this.config.get('CITY_TIMEZONE'));
    const problem = measurementProblem(kpi, contract, period, today);
    if (problem?.rule === 'inactive_kpi') throw new DomainError('CONFLICT', problem.message);
    if (problem) throw DomainError.invalid('period', problem.message);
  }
}
