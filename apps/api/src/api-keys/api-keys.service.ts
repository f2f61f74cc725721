import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { ApiKey, Department, Vendor } from '#database';
import {
  displayPrefix,
  DomainError,
  generateToken,
  hashToken,
  type Actor,
  type ErrorDetail,
  type Role,
  type Clock,
} from '#domain';
import { DataSource, In, Repository, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { PaginationQuery } from '../common/pagination.js';
import { toApiKeyResponse } from './dto/api-key.response.js';
import { CLOCK } from '#runtime';

const ENTITY = 'api_key';

export type NewApiKey = { name: string; role: Role; departmentIds?: string[]; vendorId?: string };

@Injectable()
export class ApiKeysService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    private readonly audit: AuditService,
  ) {}

  /** Creates a key and returns it with its token, which is not stored and cannot be shown again. */
  async create(input: NewApiKey, actor: Actor): Promise<{ key: ApiKey; token: string }> {
    const departmentIds = [...new Set(input.departmentIds ?? [])];
    assertScopeFitsRole(input.role, departmentIds, input.vendorId);
    return this.dataSource.transaction(async (manager) => {
      const departments = await findDepartments(manager, departmentIds);
      if (input.vendorId && !(await manager.existsBy(Vendor, { id: input.vendorId }))) {
        throw invalid('vendorId', `vendor ${input.vendorId} does not exist`);
      }
      const token = generateToken();
      const key = await manager.save(
        manager.create(ApiKey, {
          name: input.name,
          role: input.role,
          tokenHash: hashToken(token),
          tokenPrefix: displayPrefix(token),
          vendorId: input.vendorId ?? null,
          departments,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: ENTITY,
        entityId: key.id,
        after: toApiKeyResponse(key),
      });
      return { key, token };
    });
  }

  /** For the CLI, which names departments by code and vendors by tax id. */
  async resolveScope(
    departmentCodes: string[],
    vendorTaxId?: string,
  ): Promise<{ departmentIds: string[]; vendorId?: string }> {
    const departments = await this.dataSource.getRepository(Department).findBy({ code: In(departmentCodes) });
    const unknown = departmentCodes.filter((code) => !departments.some((department) => department.code === code));
    if (unknown.length) throw invalid('department', `no department has the code ${unknown.join(', ')}`);
    let vendorId: string | undefined;
    if (vendorTaxId !== undefined) {
      const vendor = await this.dataSource.getRepository(Vendor).findOneBy({ taxId: vendorTaxId });
      if (!vendor) throw invalid('vendor', `no vendor has the tax id ${vendorTaxId}`);
      vendorId = vendor.id;
    }
    return { departmentIds: departments.map((department) => department.id), vendorId };
  }

  async list(query: PaginationQuery): Promise<[ApiKey[], number]> {
    return this.keys.findAndCount({
      relations: { departments: true },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
  }

  /** Revoking takes effect on the next request; revoking a revoked key changes nothing. */
  async revoke(id: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const key = await manager.findOne(ApiKey, {
        where: { id },
        relations: { departments: true },
        lock: { mode: 'pessimistic_write', tables: ['api_keys'] },
      });
      if (!key) throw DomainError.notFound('API key', id);
      if (key.revokedAt) return;
      const before = toApiKeyResponse(key);
      key.revokedAt = this.clock.now();
      await manager.update(ApiKey, { id }, { revokedAt: key.revokedAt });
      await this.audit.record(manager, actor, {
        action: 'revoke',
        entityType: ENTITY,
        entityId: id,
        before,
        after: toApiKeyResponse(key),
      });
    });
  }
}

function assertScopeFitsRole(role: Role, departmentIds: string[], vendorId: string | undefined): void {
  const problems: ErrorDetail[] = [];
  if (role === 'department_head' && departmentIds.length === 0) {
    problems.push({ field: 'departmentIds', message: 'a department_head key needs at least one department' });
  }
  if (role !== 'department_head' && departmentIds.length > 0) {
    problems.push({ field: 'departmentIds', message: `a ${role} key is not scoped to departments` });
  }
  if (role === 'vendor' && !vendorId) problems.push({ field: 'vendorId', message: 'a vendor key needs a vendorId' });
  if (role !== 'vendor' && vendorId)
    problems.push({ field: 'vendorId', message: `a ${role} key is not scoped to a vendor` });
  if (problems.length)
    throw new DomainError('INVALID_INPUT', problems.map((problem) => problem.message).join('; '), problems);
}

async function findDepartments(manager: EntityManager, ids: string[]): Promise<Department[]> {
  if (ids.length === 0) return [];
  const departments = await manager.findBy(Department, { id: In(ids) });
  const missing = ids.filter((id) => !departments.some((department) => department.id === id));
  if (missing.length) throw invalid('departmentIds', `department ${missing.join(', ')} does not exist`);
  return departments;
}

const invalid = (field: string, message: string) => new DomainError('INVALID_INPUT', message, [{ field, message }]);
