import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Engagement, type Contract } from '#database';
import { DomainError, engagementDateProblem, localDateOf, type Actor, type Clock } from '#domain';
import { CLOCK } from '#runtime';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import type { PaginationQuery } from '../common/pagination.js';
import type { ApiEnv } from '../config/api-env.js';
import { ContractsService } from '../contracts/contracts.service.js';
import type { CreateEngagementDto } from './dto/create-engagement.dto.js';
import { toEngagementResponse } from './dto/engagement.response.js';

export const ENGAGEMENT_ENTITY = 'engagement';

/**
 * The record of a contract's active management. Engagements are minutes: recorded once and never edited (a
 * correction is a further engagement), so the trail reads as it was written.
 */
@Injectable()
export class EngagementsService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<ApiEnv, true>,
    private readonly contracts: ContractsService,
    private readonly audit: AuditService,
  ) {}

  async create(contractId: string, dto: CreateEngagementDto, principal: Principal, actor: Actor) {
    const today = localDateOf(this.clock.now(), this.config.get('CITY_TIMEZONE', { infer: true }));
    const problem = engagementDateProblem(dto.date, today);
    if (problem) throw DomainError.invalid('date', problem);
    return this.dataSource.transaction(async (manager) => {
      await this.contracts.get(contractId, principal, manager);
      const engagement = await manager.save(
        manager.create(Engagement, {
          contractId,
          date: dto.date,
          kind: dto.kind,
          attendees: dto.attendees.map((attendee) => attendee.trim()),
          notes: dto.notes ?? null,
          actions: (dto.actions ?? []).map((action) => ({
            description: action.description,
            owner: action.owner ?? null,
            dueDate: action.dueDate ?? null,
          })),
          recordedBy: actor.name,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: ENGAGEMENT_ENTITY,
        entityId: engagement.id,
        after: toEngagementResponse(engagement),
      });
      return engagement;
    });
  }

  /** Latest first: by the day it took place, then by when it was recorded. */
  async list(
    contractId: string,
    query: PaginationQuery,
    principal: Principal,
  ): Promise<{ contract: Contract; engagements: Engagement[]; total: number }> {
    const contract = await this.contracts.get(contractId, principal);
    const [engagements, total] = await this.dataSource.getRepository(Engagement).findAndCount({
      where: { contractId },
      order: { date: 'DESC', createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { contract, engagements, total };
  }
}
