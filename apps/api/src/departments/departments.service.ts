import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Department } from '#database';
import { DomainError, type Actor } from '#domain';
import { And, DataSource, Equal, In, Raw, Repository, type FindOperator } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { departmentScope, vendorScope } from '../auth/scope.js';
import { PaginationQuery } from '../common/pagination.js';
import type { CreateDepartmentDto } from './dto/create-department.dto.js';
import { toDepartmentResponse } from './dto/department.response.js';
import type { UpdateDepartmentDto } from './dto/update-department.dto.js';

const ENTITY = 'department';

@Injectable()
export class DepartmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Department) private readonly departments: Repository<Department>,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateDepartmentDto, actor: Actor): Promise<Department> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertCodeFree(manager.getRepository(Department), dto.code);
      const department = await manager.save(manager.create(Department, dto));
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: ENTITY,
        entityId: department.id,
        after: toDepartmentResponse(department),
      });
      return department;
    });
  }

  async list(query: PaginationQuery, principal: Principal): Promise<[Department[], number]> {
    return this.departments.findAndCount({
      where: visibleTo(principal),
      order: { name: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
  }

  /** Out-of-scope departments are reported as missing, so a caller cannot learn they exist. */
  async get(id: string, principal: Principal): Promise<Department> {
    const visible = visibleTo(principal).id;
    const department = await this.departments.findOneBy({ id: visible ? And(Equal(id), visible) : id });
    if (!department) throw DomainError.notFound('Department', id);
    return department;
  }

  async update(id: string, dto: UpdateDepartmentDto, actor: Actor): Promise<Department> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Department);
      const department = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!department) throw DomainError.notFound('Department', id);
      if (dto.code !== undefined && dto.code !== department.code) await this.assertCodeFree(repository, dto.code);
      const before = toDepartmentResponse(department);
      const updated = await repository.save(repository.merge(department, dto));
      await this.audit.record(manager, actor, {
        action: 'update',
        entityType: ENTITY,
        entityId: id,
        before,
        after: toDepartmentResponse(updated),
      });
      return updated;
    });
  }

  private async assertCodeFree(repository: Repository<Department>, code: string): Promise<void> {
    if (await repository.existsBy({ code })) {
      throw new DomainError('CONFLICT', `A department with code ${code} already exists`, [
        { field: 'code', message: 'code is already taken' },
      ]);
    }
  }
}

/** Heads see their departments, vendors the departments of their contracts (any status), officers every one. */
function visibleTo(principal: Principal): { id?: FindOperator<string> } {
  const departmentIds = departmentScope(principal);
  if (departmentIds) return { id: In(departmentIds) };
  const vendorIds = vendorScope(principal);
  if (!vendorIds) return {};
  const ofTheirContracts = (id: string) =>
    `${id} IN (SELECT department_id FROM contracts WHERE vendor_id = ANY(:vendorIds::uuid[]))`;
  return { id: Raw(ofTheirContracts, { vendorIds }) };
}
