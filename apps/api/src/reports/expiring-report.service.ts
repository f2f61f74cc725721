import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addCalendarDays,
  calendarDaysBetween,
  EXPIRY_NOTICES,
  localDateOf,
  type Clock,
  type NotificationStatus,
} from '#domain';
import { CLOCK } from '#runtime';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { departmentScope } from '../auth/scope.js';
import type { ApiEnv } from '../config/api-env.js';
import type { ExpiringReportQuery } from './dto/expiring-report.query.js';
import type { ExpiringContractResponse, ExpiringReportResponse } from './dto/expiring-report.response.js';
import { csvOf } from './report-files.js';
import { ReportScopeService } from './report-scope.service.js';

/** The CSV's columns: the JSON's figures, with one status column per expiry email. */
export const EXPIRING_CSV_COLUMNS = [
  'department',
  'contractNumber',
  'contractTitle',
  'vendor',
  'managerEmail',
  'value',
  'endDate',
  'daysLeft',
  ...EXPIRY_NOTICES.map((notice) => `email${notice.daysBefore}Days`),
] as const;

type Row = {
  id: string;
  number: string;
  title: string;
  department_id: string;
  department: string;
  vendor_id: string;
  vendor: string;
  manager_email: string;
  value: number;
  end_date: string;
  emails: { occasion: string; status: NotificationStatus; sentAt: string | null }[];
};

/**
 * Active contracts whose end date lies within `withinDays` of the city's today, $1 and $2 (the window's days,
 * computed in TypeScript), $3 the departments or null for all, with the expiry emails recorded for each. In the
 * CSV, text people typed goes through `spreadsheet_text()`, as in every CSV export.
 */
const expiringSql = (csv: boolean) => {
  const text = (column: string) => (csv ? `spreadsheet_text(${column})` : column);
  return `
  SELECT c.id, ${text('c.number')} AS number, ${text('c.title')} AS title, c.department_id,
         ${text('d.code')} AS department, c.vendor_id, ${text('v.legal_name')} AS vendor,
         ${text('c.manager_email')} AS manager_email, trim_scale(c.value) AS value, c.end_date,
         coalesce((SELECT json_agg(json_build_object('occasion', n.occasion, 'status', n.status, 'sentAt', n.sent_at)
                                   ORDER BY n.created_at, n.occasion)
                     FROM notifications n
                    WHERE n.record_id = c.id AND n.kind = 'contract_expiry'), '[]') AS emails
    FROM contracts c
    JOIN departments d ON d.id = c.department_id
    JOIN vendors v ON v.id = c.vendor_id
   WHERE c.status = 'active' AND c.end_date BETWEEN $1::date AND $2::date
     AND ($3::uuid[] IS NULL OR c.department_id = ANY($3::uuid[]))
   ORDER BY c.end_date, c.number, c.id`;
};

@Injectable()
export class ExpiringReportService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<ApiEnv, true>,
    private readonly scopes: ReportScopeService,
  ) {}

  async json(query: ExpiringReportQuery, principal: Principal): Promise<ExpiringReportResponse> {
    const { asOf, rows } = await this.read(query, principal, false);
    return {
      asOf,
      withinDays: query.withinDays,
      departmentId: query.departmentId ?? null,
      rows: rows.map((row): ExpiringContractResponse => ({
        contractId: row.id,
        contractNumber: row.number,
        contractTitle: row.title,
        departmentId: row.department_id,
        department: row.department,
        vendorId: row.vendor_id,
        vendor: row.vendor,
        managerEmail: row.manager_email,
        value: row.value,
        endDate: row.end_date,
        daysLeft: calendarDaysBetween(asOf, row.end_date),
        emails: row.emails.map((email) => ({
          occasion: email.occasion,
          status: email.status,
          sentAt: email.sentAt === null ? null : new Date(email.sentAt),
        })),
      })),
    };
  }

  async csv(query: ExpiringReportQuery, principal: Principal): Promise<{ asOf: string; stream: Readable }> {
    const { asOf, rows } = await this.read(query, principal, true);
    const stream = csvOf(
      EXPIRING_CSV_COLUMNS,
      rows.map((row) => ({
        department: row.department,
        contractNumber: row.number,
        contractTitle: row.title,
        vendor: row.vendor,
        managerEmail: row.manager_email,
        value: row.value,
        endDate: row.end_date,
        daysLeft: calendarDaysBetween(asOf, row.end_date),
        ...Object.fromEntries(
          EXPIRY_NOTICES.map((notice) => [
            `email${notice.daysBefore}Days`,
            row.emails.find((email) => email.occasion === notice.occasion)?.status ?? null,
          ]),
        ),
      })),
    );
    return { asOf, stream };
  }

  /** Scope first (a department head's other department is a 404), then one statement. */
  private async read(query: ExpiringReportQuery, principal: Principal, csv: boolean) {
    let departmentIds = departmentScope(principal);
    if (query.departmentId) {
      await this.scopes.requireDepartment(query.departmentId, principal);
      departmentIds = [query.departmentId];
    }
    const asOf = localDateOf(this.clock.now(), this.config.get('CITY_TIMEZONE'));
    const rows: Row[] = await this.dataSource.query(expiringSql(csv), [
      asOf,
      addCalendarDays(asOf, query.withinDays),
      departmentIds,
    ]);
    return { asOf, rows };
  }
}
