import type { DataSource } from 'typeorm';
import type { ReportScope } from './report-scope.service.js';

/** The departments a report covers in words: "All departments", or their names and codes ("Parks (PRK), …"). */
export async function describeDepartments(dataSource: DataSource, scope: ReportScope): Promise<string> {
  if (!scope.departmentIds) return 'All departments';
  const departments: { code: string; name: string }[] = await dataSource.query(
    'SELECT code, name FROM departments WHERE id = ANY($1::uuid[]) ORDER BY code',
    [scope.departmentIds],
  );
  return departments.map((department) => `${department.name} (${department.code})`).join(', ');
}
