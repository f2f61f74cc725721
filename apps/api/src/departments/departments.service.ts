import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Department } from '#database';
import { DomainError, type Actor } from '#domain';
import { DataSource, In, Repository, type FindOptionsWhere } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
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

  /** `scope` null: every department; otherwise only those ids. */
  async list(query: PaginationQuery, scope: string[] | null): Promise<[Department[], number]> {
    return this.departments.findAndCount({
      where: scopeWhere(scope),
      order: { name: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
  }

  /** Out-of-scope departments are reported as missing, so a caller cannot learn they exist. */
  async get(id: string, scope: string[] | null): Promise<Department> {
    if (scope && !scope.includes(id)) throw DomainError.notFound('Department', id);
    const department = await this.departments.findOneBy({ id });
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

const scopeWhere = (scope: string[] | null): FindOptionsWhere<Department> => (scope ? { id: In(scope) } : {});
