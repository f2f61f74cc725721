import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Bid, Vendor } from '#database';
import { DomainError, type Actor, type Clock } from '#domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { departmentScope } from '../auth/scope.js';
import type { PaginationQuery } from '../common/pagination.js';
import { toBidResponse } from './dto/bid.response.js';
import type { CreateBidDto } from './dto/create-bid.dto.js';
import { lockSolicitation, SolicitationsService } from './solicitations.service.js';
import { CLOCK } from '#runtime';

/** Bids are recorded while a solicitation is published, or closed for late entry by an officer. */
const OPEN_FOR_BIDS = ['published', 'closed'];

@Injectable()
export class BidsService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly solicitations: SolicitationsService,
    private readonly audit: AuditService,
  ) {}

  async create(solicitationId: string, dto: CreateBidDto, actor: Actor): Promise<Bid> {
    const now = this.clock.now();
    const submittedAt = dto.submittedAt ? new Date(dto.submittedAt) : now;
    if (submittedAt > now) {
      throw new DomainError('INVALID_INPUT', 'submittedAt must not be in the future', [
        { field: 'submittedAt', message: 'submittedAt must not be in the future' },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      // The lock orders this bid against a concurrent close, award or cancel.
      const solicitation = await lockSolicitation(manager, solicitationId);
      if (!OPEN_FOR_BIDS.includes(solicitation.status)) {
        throw new DomainError(
          'CONFLICT',
          `Bids are recorded only while a solicitation is published or closed; this one is ${solicitation.status}`,
        );
      }
      if (!(await manager.existsBy(Vendor, { id: dto.vendorId }))) {
        const message = `vendor ${dto.vendorId} does not exist`;
        throw new DomainError('INVALID_INPUT', message, [{ field: 'vendorId', message }]);
      }
      if (await manager.existsBy(Bid, { solicitationId, vendorId: dto.vendorId })) {
        throw new DomainError('CONFLICT', 'This vendor has already bid on this solicitation', [
          { field: 'vendorId', message: 'vendorId already has a bid here' },
        ]);
      }
      const bid = await manager.save(
        manager.create(Bid, { solicitationId, vendorId: dto.vendorId, amount: dto.amount, submittedAt }),
      );
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'bid',
        entityId: bid.id,
        after: toBidResponse(bid),
      });
      return bid;
    });
  }

  /**
   * Officers see every bid, department heads the bids on their departments' solicitations, vendors only their
   * own bid: a solicitation they did not bid on is, to them, not there.
   */
  async list(solicitationId: string, query: PaginationQuery, principal: Principal): Promise<[Bid[], number]> {
    const vendorId = principal.role === 'vendor' ? principal.vendorId : null;
    if (!vendorId) await this.solicitations.get(solicitationId, departmentScope(principal));
    const [bids, total] = await this.dataSource.getRepository(Bid).findAndCount({
      where: { solicitationId, ...(vendorId && { vendorId }) },
      order: { amount: 'ASC', submittedAt: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    if (vendorId && total === 0) throw DomainError.notFound('Solicitation', solicitationId);
    return [bids, total];
  }
}
