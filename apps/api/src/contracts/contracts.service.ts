import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Contract, Department, Solicitation, Vendor } from '#database';
import {
  comparePeriods,
  DomainError,
  formatPeriod,
  isPeriodWithin,
  parsePeriod,
  type Actor,
  type ContractStatus,
} from '#domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { canSeeContract } from '../auth/scope.js';
import { preparedQuery } from '../common/prepared-query.js';
import { assertReferenceExists } from '../common/references.js';
import { toContractResponse } from './dto/contract.response.js';
import type { ContractsQuery } from './dto/contracts.query.js';
import type { CreateContractDto } from './dto/create-contract.dto.js';
import type { UpdateContractDto } from './dto/update-contract.dto.js';

export const CONTRACT_ENTITY = 'contract';

/** Active contracts may be completed or terminated; those two are final. */
const NEXT_STATUSES: Record<ContractStatus, ContractStatus[]> = {
  active: ['completed', 'terminated'],
  completed: [],
  terminated: [],
};

@Injectable()
export class ContractsService {
  /** The list's select list, made once from the entity's mapping. */
  private selectList?: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateContractDto, actor: Actor): Promise<Contract> {
    return this.dataSource.transaction(async (manager) => {
      await assertReferenceExists(manager, Vendor, dto.vendorId, 'vendorId', 'vendor');
      await assertReferenceExists(manager, Department, dto.departmentId, 'departmentId', 'department');
      if (dto.solicitationId) {
        await assertReferenceExists(manager, Solicitation, dto.solicitationId, 'solicitationId', 'solicitation');
      }
      await assertNumberFree(manager, dto.number);
      const contract = await manager.save(manager.create(Contract, { ...dto, status: dto.status ?? 'active' }));
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: CONTRACT_ENTITY,
        entityId: contract.id,
        after: toContractResponse(contract),
      });
      return contract;
    });
  }

  /**
   * Vendors see their own contracts, department heads their departments', everyone else all. Plain SQL rather than
   * findAndCount: the busiest list of the API skips the ORM's query building and hydration, and counts with
   * `count(*)` instead of `COUNT(DISTINCT id)`. The count and the page travel in one statement (the page joined
   * laterally to the count's single row), so a request costs one round trip to PostgreSQL instead of two; a
   * `count(*) OVER ()` on the page would do the same but makes PostgreSQL read every match instead of one page of
   * the index. An empty page comes back as the count's row alone, with a null id. The statement is prepared: its
   * text varies only with which filters are set.
   */
  async list(query: ContractsQuery, principal: Principal): Promise<[Contract[], number]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const where = (column: string, operator: string, value: unknown) => {
      parameters.push(value);
      conditions.push(`${column} ${operator.replace('?', `$${parameters.length}`)}`);
    };
    if (query.vendorId) where('vendor_id', '= ?', query.vendorId);
    if (query.departmentId) where('department_id', '= ?', query.departmentId);
    if (query.status) where('status', '= ?', query.status);
    if (query.isKeyProcurement !== undefined) where('is_key_procurement', '= ?', query.isKeyProcurement);
    if (principal.role === 'vendor') {
      if (query.vendorId && query.vendorId !== principal.vendorId) return [[], 0];
      where('vendor_id', '= ?', principal.vendorId);
    }
    if (principal.role === 'department_head') {
      if (query.departmentId && !principal.departmentIds.includes(query.departmentId)) return [[], 0];
      where('department_id', '= ANY(?::uuid[])', principal.departmentIds);
    }
    const filter = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows = await preparedQuery<Partial<Contract> & { total: number }>(
      this.dataSource,
      `SELECT page.*, counted.total
         FROM (SELECT count(*) AS total FROM contracts ${filter}) counted
         LEFT JOIN LATERAL (
           SELECT ${this.columns()} FROM contracts ${filter}
            ORDER BY number, id LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}
         ) page ON true
        ORDER BY page.number, page.id`,
      [...parameters, query.limit, query.offset],
    );
    const total = rows[0]?.total ?? 0;
    const contracts = rows
      .filter((row) => row.id !== null)
      .map(({ total: _total, ...row }) => Object.assign(new Contract(), row));
    return [contracts, total];
  }

  /** Every column of the entity under its property's name, read from the mapping so that new columns come along. */
  private columns(): string {
    return (this.selectList ??= this.dataSource
      .getMetadata(Contract)
      .columns.map((column) => `${column.databaseName} AS "${column.propertyName}"`)
      .join(', '));
  }

  /** A contract the caller may see; anything else is reported as missing. */
  async get(id: string, principal: Principal, manager: EntityManager = this.dataSource.manager): Promise<Contract> {
    const contract = await manager.findOneBy(Contract, { id });
    if (!contract || !canSeeContract(principal, contract)) throw DomainError.notFound('Contract', id);
    return contract;
  }

  async update(id: string, dto: UpdateContractDto, actor: Actor): Promise<Contract> {
    return this.dataSource.transaction(async (manager) => {
      const contract = await manager.findOne(Contract, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!contract) throw DomainError.notFound('Contract', id);
      if (dto.status && dto.status !== contract.status && !NEXT_STATUSES[contract.status].includes(dto.status)) {
        throw new DomainError('CONFLICT', `A ${contract.status} contract cannot become ${dto.status}`);
      }
      if (dto.number && dto.number !== contract.number) await assertNumberFree(manager, dto.number);
      const startDate = dto.startDate ?? contract.startDate;
      const endDate = dto.endDate ?? contract.endDate;
      if (endDate < startDate) throw DomainError.invalid('endDate', 'endDate must not be before startDate');
      if (startDate !== contract.startDate || endDate !== contract.endDate) {
        await assertMeasurementsWithin(manager, id, startDate, endDate);
      }
      const before = toContractResponse(contract);
      const updated = await manager.save(manager.merge(Contract, contract, dto));
      await this.audit.record(manager, actor, {
        action: 'update',
        entityType: CONTRACT_ENTITY,
        entityId: id,
        before,
        after: toContractResponse(updated),
      });
      return updated;
    });
  }
}

async function assertNumberFree(manager: EntityManager, number: string): Promise<void> {
  if (await manager.existsBy(Contract, { number })) {
    throw DomainError.taken('number', `A contract with number ${number} already exists`);
  }
}

/** New dates must not strand recorded measurements outside the contract. */
async function assertMeasurementsWithin(
  manager: EntityManager,
  contractId: string,
  startDate: string,
  endDate: string,
) {
  const rows: { period: string }[] = await manager.query(
    `SELECT m.period FROM measurements m JOIN kpis k ON k.id = m.kpi_id WHERE k.contract_id = $1`,
    [contractId],
  );
  const outside = rows
    .map((row) => parsePeriod(row.period)!)
    .filter((period) => !isPeriodWithin(period, startDate, endDate))
    .sort(comparePeriods);
  if (outside.length > 0) {
    throw new DomainError(
      'CONFLICT',
      `${outside.length} measurement(s), the first for ${formatPeriod(outside[0])}, would fall outside ${startDate} – ${endDate}`,
    );
  }
}
