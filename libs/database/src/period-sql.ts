/**
 * SQL for the calendar bounds of a period key (`2026-03`, `2026-Q1`, `2026`) held in `column`, so that set-based
 * statements (imports, evaluation, reports) can compare periods with contract dates without a round trip per row.
 */
export function periodFirstDaySql(column: string): string {
  return `(CASE
    WHEN ${column} ~ '^\\d{4}-\\d{2}$' THEN to_date(${column} || '-01', 'YYYY-MM-DD')
    WHEN ${column} ~ '^\\d{4}-Q[1-4]$' THEN make_date(left(${column}, 4)::int, (right(${column}, 1)::int - 1) * 3 + 1, 1)
    ELSE make_date(${column}::int, 1, 1)
  END)`;
}

/** The last calendar day of the period in `column` (see periodFirstDaySql). */
export function periodLastDaySql(column: string): string {
  return `((${periodFirstDaySql(column)} + (CASE
    WHEN ${column} ~ '^\\d{4}-\\d{2}$' THEN interval '1 month'
    WHEN ${column} ~ '^\\d{4}-Q[1-4]$' THEN interval '3 months'
    ELSE interval '1 year'
  END))::date - 1)`;
}

/** The position of the period in `column` on its own calendar, so that consecutive periods differ by one. */
export function periodIndexSql(column: string): string {
  return `(CASE
    WHEN ${column} ~ '^\\d{4}-\\d{2}$' THEN left(${column}, 4)::int * 12 + right(${column}, 2)::int
    WHEN ${column} ~ '^\\d{4}-Q[1-4]$' THEN left(${column}, 4)::int * 4 + right(${column}, 1)::int
    ELSE ${column}::int
  END)`;
}
