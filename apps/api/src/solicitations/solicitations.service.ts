import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Department, Solicitation } from '#database';
import {
  allowedSolicitationActions,
  DomainError,
  nextSolicitationStatus,
  STATUS_TIMESTAMP,
  transitionTimeProblem,
  type Actor,
  type SolicitationAction,
  type Clock,
} from '#domain';
import { DataSource, EntityManager, In, Repository, type DeepPartial, type FindOptionsWhere } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { KpiLibraryService } from '../kpi-library/kpi-library.service.js';
import { templateDefinitions } from '../kpis/kpi-definitions.js';
import type { CreateSolicitationDto } from './dto/create-solicitation.dto.js';
import { toSolicitationResponse } from './dto/solicitation.response.js';
import type { SolicitationsQuery } from './dto/solicitations.query.js';
import type { UpdateSolicitationDto } from './dto/update-solicitation.dto.js';
import { CLOCK } from '#runtime';

export const SOLICITATION_ENTITY = 'solicitation';

/** Solicitations an awarded or cancelled one can no longer be edited into. */
const FINAL_STATUSES = ['awarded', 'cancelled'];

@Injectable()
export class SolicitationsService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Solicitation) private readonly solicitations: Repository<Solicitation>,
    private readonly audit: AuditService,
    private readonly library: KpiLibraryService,
  ) {}

  async create(dto: CreateSolicitationDto, actor: Actor): Promise<Solicitation> {
    assertNotInFuture('requisitionReceivedAt', dto.requisitionReceivedAt, this.clock.now());
    return this.dataSource.transaction(async (manager) => {
      await assertDepartmentExists(manager, dto.departmentId);
      await assertReferenceFree(manager, dto.referenceNumber);
      const solicitation = await manager.save(
        manager.create(Solicitation, { ...(await toColumns(this.library, manager, dto)), status: 'draft' }),
      );
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: SOLICITATION_ENTITY,
        entityId: solicitation.id,
        after: toSolicitationResponse(solicitation),
      });
      return solicitation;
    });
  }

  async list(query: SolicitationsQuery, scope: string[] | null): Promise<[Solicitation[], number]> {
    const where: FindOptionsWhere<Solicitation> = {
      ...(query.status && { status: query.status }),
      ...(query.departmentId && { departmentId: query.departmentId }),
      ...(query.isKeyProcurement !== undefined && { isKeyProcurement: query.isKeyProcurement }),
    };
    if (scope) {
      if (query.departmentId && !scope.includes(query.departmentId)) return [[], 0];
      where.departmentId = query.departmentId ?? In(scope);
    }
    return this.solicitations.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
  }

  /** Out-of-scope solicitations are reported as missing. */
  async get(
    id: string,
    scope: string[] | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Solicitation> {
    const solicitation = await manager.findOneBy(Solicitation, { id });
    if (!solicitation || (scope && !scope.includes(solicitation.departmentId))) {
      throw DomainError.notFound('Solicitation', id);
    }
    return solicitation;
  }

  async update(id: string, dto: UpdateSolicitationDto, actor: Actor): Promise<Solicitation> {
    assertNotInFuture('requisitionReceivedAt', dto.requisitionReceivedAt, this.clock.now());
    return this.dataSource.transaction(async (manager) => {
      const solicitation = await lockSolicitation(manager, id);
      if (FINAL_STATUSES.includes(solicitation.status)) {
        throw new DomainError('CONFLICT', `An ${solicitation.status} solicitation can no longer be edited`);
      }
      if (dto.departmentId && dto.departmentId !== solicitation.departmentId) {
        await assertDepartmentExists(manager, dto.departmentId);
      }
      if (dto.referenceNumber && dto.referenceNumber !== solicitation.referenceNumber) {
        await assertReferenceFree(manager, dto.referenceNumber);
      }
      const before = toSolicitationResponse(solicitation);
      const updated = await manager.save(
        manager.merge(Solicitation, solicitation, await toColumns(this.library, manager, dto)),
      );
      await this.audit.record(manager, actor, {
        action: 'update',
        entityType: SOLICITATION_ENTITY,
        entityId: id,
        before,
        after: toSolicitationResponse(updated),
      });
      return updated;
    });
  }

  /** Publish, close or cancel: a move of the lifecycle, recorded at `at` (default now). */
  async transition(id: string, action: Exclude<SolicitationAction, 'award'>, at: string | undefined, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      const solicitation = await lockSolicitation(manager, id);
      const before = toSolicitationResponse(solicitation);
      applyTransition(solicitation, action, at, this.clock.now());
      const updated = await manager.save(solicitation);
      await this.audit.record(manager, actor, {
        action,
        entityType: SOLICITATION_ENTITY,
        entityId: id,
        before,
        after: toSolicitationResponse(updated),
      });
      return updated;
    });
  }
}

/** Moves a locked solicitation by `action`, or throws 409 (illegal move) or 400 (bad time). */
export function applyTransition(
  solicitation: Solicitation,
  action: SolicitationAction,
  at: string | undefined,
  now: Date,
): void {
  const next = nextSolicitationStatus(solicitation.status, action);
  if (!next) {
    const allowed = allowedSolicitationActions(solicitation.status);
    throw new DomainError(
      'CONFLICT',
      `Cannot ${action} a ${solicitation.status} solicitation` +
        (allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (it is final)'),
    );
  }
  const moment = at ? new Date(at) : now;
  const problem = transitionTimeProblem(
    moment,
    [solicitation.publishedAt, solicitation.closedAt, solicitation.awardedAt, solicitation.cancelledAt],
    now,
  );
  if (problem) throw new DomainError('INVALID_INPUT', problem, [{ field: 'at', message: problem }]);
  solicitation.status = next;
  solicitation[STATUS_TIMESTAMP[next as keyof typeof STATUS_TIMESTAMP]] = moment;
}

/** Reads a solicitation FOR UPDATE, so that moves, bids and awards on it happen one at a time. */
export async function lockSolicitation(manager: EntityManager, id: string): Promise<Solicitation> {
  const solicitation = await manager.findOne(Solicitation, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!solicitation) throw DomainError.notFound('Solicitation', id);
  return solicitation;
}

async function toColumns(
  library: KpiLibraryService,
  manager: EntityManager,
  dto: UpdateSolicitationDto,
): Promise<DeepPartial<Solicitation>> {
  const { dueAt, requisitionReceivedAt, kpiTemplates, ...rest } = dto;
  return {
    ...rest,
    ...(dueAt !== undefined && { dueAt: new Date(dueAt) }),
    ...(requisitionReceivedAt !== undefined && { requisitionReceivedAt: new Date(requisitionReceivedAt) }),
    ...(kpiTemplates !== undefined && { kpiTemplates: await templateDefinitions(library, manager, kpiTemplates) }),
  };
}

function assertNotInFuture(field: string, value: string | undefined, now: Date): void {
  if (value !== undefined && Date.parse(value) > now.getTime()) {
    throw new DomainError('INVALID_INPUT', `${field} must not be in the future`, [
      { field, message: `${field} must not be in the future` },
    ]);
  }
}

async function assertDepartmentExists(manager: EntityManager, departmentId: string): Promise<void> {
  if (!(await manager.existsBy(Department, { id: departmentId }))) {
    const message = `department ${departmentId} does not exist`;
    throw new DomainError('INVALID_INPUT', message, [{ field: 'departmentId', message }]);
  }
}

async function assertReferenceFree(manager: EntityManager, referenceNumber: string): Promise<void> {
  if (await manager.existsBy(Solicitation, { referenceNumber })) {
    throw new DomainError('CONFLICT', `A solicitation with reference number ${referenceNumber} already exists`, [
      { field: 'referenceNumber', message: 'referenceNumber is already taken' },
    ]);
  }
}
