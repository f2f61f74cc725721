import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Contract, ContractRenewal, PerformanceEvaluation } from '#database';
import { DomainError, RENEWAL_EVALUATION_MONTHS, supportsRenewal, type Actor, type Clock } from '#domain';
import { CLOCK } from '#runtime';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import type { PaginationQuery } from '../common/pagination.js';
import { toContractResponse } from '../contracts/dto/contract.response.js';
import { CONTRACT_ENTITY, ContractsService } from '../contracts/contracts.service.js';
import type { CreateRenewalDto } from './dto/create-renewal.dto.js';
import { toRenewalResponse } from './dto/renewal.response.js';

@Injectable()
export class RenewalsService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contracts: ContractsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Moves an active contract's end date later, on the strength of its latest final performance evaluation when that
   * became final less than 12 months ago, or else of the officer's override; without either, 409
   * `NO_RECENT_EVALUATION`. The renewal, the contract's change and the override are all in the audit trail.
   */
  async renew(contractId: string, dto: CreateRenewalDto, actor: Actor): Promise<ContractRenewal> {
    return this.dataSource.transaction(async (manager) => {
      const contract = await manager.findOne(Contract, {
        where: { id: contractId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!contract) throw DomainError.notFound('Contract', contractId);
      if (contract.status !== 'active') {
        throw new DomainError('CONFLICT', `A ${contract.status} contract cannot be renewed (only an active one can)`);
      }
      if (dto.newEndDate <= contract.endDate) {
        throw DomainError.invalid('newEndDate', `newEndDate must be after the current endDate, ${contract.endDate}`);
      }
      const now = this.clock.now();
      const latestFinal = await manager.findOne(PerformanceEvaluation, {
        where: { contractId, status: 'final' },
        order: { finalizedAt: 'DESC', id: 'ASC' },
      });
      const evaluation = latestFinal && supportsRenewal(latestFinal.finalizedAt!, now) ? latestFinal : null;
      if (!evaluation && !dto.override) {
        throw new DomainError(
          'NO_RECENT_EVALUATION',
          `Contract ${contract.number} has no final performance evaluation of the last ${RENEWAL_EVALUATION_MONTHS} ` +
            'months; finalize one first, or renew with override: { reason }',
        );
      }
      const before = toContractResponse(contract);
      const renewal = await manager.save(
        manager.create(ContractRenewal, {
          contractId,
          previousEndDate: contract.endDate,
          newEndDate: dto.newEndDate,
          performanceEvaluationId: evaluation?.id ?? null,
          overrideReason: dto.override?.reason ?? null,
          renewedById: actor.id,
          renewedByName: actor.name,
          renewedAt: now,
        }),
      );
      contract.endDate = dto.newEndDate;
      const renewed = await manager.save(contract);
      await this.audit.record(manager, actor, {
        action: 'renew',
        entityType: CONTRACT_ENTITY,
        entityId: contractId,
        before,
        after: toContractResponse(renewed),
      });
      await this.audit.record(manager, actor, {
        action: evaluation ? 'create' : 'override',
        entityType: 'contract_renewal',
        entityId: renewal.id,
        after: toRenewalResponse(renewal),
      });
      return renewal;
    });
  }

  /** Newest first, scoped like the contract. */
  async list(contractId: string, query: PaginationQuery, principal: Principal): Promise<[ContractRenewal[], number]> {
    await this.contracts.get(contractId, principal);
    return this.dataSource.getRepository(ContractRenewal).findAndCount({
      where: { contractId },
      order: { renewedAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
  }
}
