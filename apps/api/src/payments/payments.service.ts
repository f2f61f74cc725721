import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Payment, Vendor, type Contract } from '#database';
import { DomainError, type Actor } from '#domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import type { PaginationQuery } from '../common/pagination.js';
import { assertReferenceExists } from '../common/references.js';
import { ContractsService } from '../contracts/contracts.service.js';
import type { CreatePaymentDto } from './dto/create-payment.dto.js';
import { toPaymentResponse } from './dto/payment.response.js';

@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contracts: ContractsService,
    private readonly audit: AuditService,
  ) {}

  async create(contractId: string, dto: CreatePaymentDto, principal: Principal, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      const contract = await this.contracts.get(contractId, principal, manager);
      await assertReferenceExists(manager, Vendor, dto.payeeVendorId, 'payeeVendorId', 'vendor');
      const duplicate = { contractId, payeeVendorId: dto.payeeVendorId, invoiceNumber: dto.invoiceNumber };
      if (await manager.existsBy(Payment, duplicate)) {
        throw DomainError.taken(
          'invoiceNumber',
          `Invoice ${dto.invoiceNumber} of this payee is already paid on this contract`,
        );
      }
      const payment = await manager.save(manager.create(Payment, { ...dto, contractId }));
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'payment',
        entityId: payment.id,
        after: toPaymentResponse(payment, contract.vendorId),
      });
      return { payment, contract };
    });
  }

  /** Newest payment first. */
  async list(
    contractId: string,
    query: PaginationQuery,
    principal: Principal,
  ): Promise<{ contract: Contract; payments: Payment[]; total: number }> {
    const contract = await this.contracts.get(contractId, principal);
    const [payments, total] = await this.dataSource.getRepository(Payment).findAndCount({
      where: { contractId },
      order: { paidOn: 'DESC', createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { contract, payments, total };
  }
}
