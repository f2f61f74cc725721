import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Department } from '#database';
import { DomainError, parsePeriod, periodFirstDay, periodLastDay } from '#domain';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { departmentScope } from '../auth/scope.js';
import type { ReportQuery } from './dto/report.query.js';

/** What a report covers: calendar days `firstDay` to `lastDay` (inclusive) and the departments, null for all. */
export type ReportScope = {
  from: string;
  to: string;
  firstDay: string;
  lastDay: string;
  departmentId: string | null;
  departmentIds: string[] | null;
};

@Injectable()
export class ReportScopeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Checked before any byte of a report is sent, so that every refusal is a proper error answer. A department
   * outside a department head's scope reads exactly like one that does not exist (404).
   */
  async resolve(query: Pick<ReportQuery, 'from' | 'to' | 'departmentId'>, principal: Principal): Promise<ReportScope> {
    if (query.from > query.to) throw DomainError.invalid('from', 'from must not be after to');
    let departmentIds = departmentScope(principal);
    if (query.departmentId) {
      await this.requireDepartment(query.departmentId, principal);
      departmentIds = [query.departmentId];
    }
    return {
      from: query.from,
      to: query.to,
      // 'YYYY-MM' strings are validated months, so parsing cannot fail.
      firstDay: periodFirstDay(parsePeriod(query.from)!),
      lastDay: periodLastDay(parsePeriod(query.to)!),
      departmentId: query.departmentId ?? null,
      departmentIds,
    };
  }

  /** A department the caller may report on; another department head's reads exactly like one that does not exist. */
  async requireDepartment(departmentId: string, principal: Principal): Promise<void> {
    const scope = departmentScope(principal);
    const visible = !scope || scope.includes(departmentId);
    if (!visible || !(await this.dataSource.getRepository(Department).existsBy({ id: departmentId })))
      throw DomainError.notFound('Department', departmentId);
  }
}
