import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Contract, Kpi, Measurement } from '#database';
import { DomainError, kpiRuleProblems, LIBRARY_DEFINED_FIELDS, type Actor } from '#domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { canSeeContract } from '../auth/scope.js';
import type { PaginationQuery } from '../common/pagination.js';
import { ContractsService } from '../contracts/contracts.service.js';
import { KpiLibraryService } from '../kpi-library/kpi-library.service.js';
import type { KpiDefinitionDto } from './dto/kpi-definition.dto.js';
import { toKpiResponse } from './dto/kpi.response.js';
import type { UpdateKpiDto } from './dto/update-kpi.dto.js';
import { kpiDefinitionOf } from './kpi-definitions.js';

const ENTITY = 'kpi';

/** A KPI with the contract it belongs to, which decides who may see it. */
export type KpiWithContract = { kpi: Kpi; contract: Contract };

@Injectable()
export class KpisService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contracts: ContractsService,
    private readonly audit: AuditService,
    private readonly library: KpiLibraryService,
  ) {}

  async create(contractId: string, dto: KpiDefinitionDto, principal: Principal, actor: Actor): Promise<Kpi> {
    return this.dataSource.transaction(async (manager) => {
      await this.contracts.get(contractId, principal, manager);
      const { libraryKpiId, ...definition } = await kpiDefinitionOf(this.library, manager, dto);
      await assertNameFree(manager, contractId, definition.name);
      const kpi = await manager.save(
        manager.create(Kpi, { ...definition, libraryKpiId: libraryKpiId ?? null, contractId, active: true }),
      );
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: ENTITY,
        entityId: kpi.id,
        after: toKpiResponse(kpi),
      });
      return kpi;
    });
  }

  async list(contractId: string, query: PaginationQuery, principal: Principal): Promise<[Kpi[], number]> {
    await this.contracts.get(contractId, principal);
    return this.dataSource.getRepository(Kpi).findAndCount({
      where: { contractId },
      order: { name: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
  }

  /** A KPI the caller may see, with its contract; anything else is reported as missing. */
  async get(
    id: string,
    principal: Principal,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<KpiWithContract> {
    const kpi = await manager.findOne(Kpi, { where: { id }, relations: { contract: true } });
    if (!kpi || !canSeeContract(principal, kpi.contract)) throw DomainError.notFound('KPI', id);
    return { kpi, contract: kpi.contract };
  }

  async update(id: string, dto: UpdateKpiDto, principal: Principal, actor: Actor): Promise<Kpi> {
    return this.dataSource.transaction(async (manager) => {
      const { kpi } = await this.get(id, principal, manager);
      const changes = await this.changesOf(manager, kpi, dto);
      const merged = { ...kpi, ...changes };
      const problems = kpiRuleProblems(merged);
      if (problems.length) throw new DomainError('INVALID_INPUT', problems[0].message, problems);
      if (changes.name && changes.name !== kpi.name) await assertNameFree(manager, kpi.contractId, changes.name);
      if (dto.frequency && dto.frequency !== kpi.frequency && (await manager.existsBy(Measurement, { kpiId: id }))) {
        throw new DomainError(
          'CONFLICT',
          'The frequency of a KPI with measurements cannot change: their periods would no longer fit',
        );
      }
      const before = toKpiResponse(kpi);
      const updated = await manager.save(manager.merge<Kpi>(Kpi, kpi, changes));
      await this.audit.record(manager, actor, {
        action: 'update',
        entityType: ENTITY,
        entityId: id,
        before,
        after: toKpiResponse(updated),
      });
      return updated;
    });
  }

  /**
   * What a change sets. A pinned KPI's name, description, unit and direction are its library version's: they
   * change only by pinning another version (`libraryKpiId`), which keeps the KPI's target and threshold unless
   * the change gives new ones.
   */
  private async changesOf(manager: EntityManager, kpi: Kpi, dto: UpdateKpiDto): Promise<Partial<Kpi>> {
    if (dto.libraryKpiId !== undefined) {
      const pinned = await this.library.pinnedDefinition(manager, {
        libraryKpiId: dto.libraryKpiId,
        target: dto.target ?? kpi.target,
        offTrackThreshold: dto.offTrackThreshold ?? kpi.offTrackThreshold,
      });
      return { ...dto, ...pinned };
    }
    if (kpi.libraryKpiId) {
      const fixed = LIBRARY_DEFINED_FIELDS.filter((field) => dto[field] !== undefined);
      if (fixed.length) {
        const details = fixed.map((field) => ({
          field,
          message: `${field} comes from library KPI ${kpi.libraryKpiId}; pin another version with libraryKpiId to change it`,
        }));
        throw new DomainError('INVALID_INPUT', details[0].message, details);
      }
    }
    return { ...dto, ...(dto.description !== undefined && { description: dto.description ?? null }) };
  }
}

async function assertNameFree(manager: EntityManager, contractId: string, name: string): Promise<void> {
  if (await manager.existsBy(Kpi, { contractId, name })) {
    throw DomainError.taken('name', `This contract already has a KPI named "${name}"`);
  }
}
