import { PassThrough, Readable, Transform } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import {
  OFF_TRACK_PDF_LIMIT,
  renderOutcomePdf,
  type OffTrackOutcome,
  type OutcomePeriodCounts,
} from './outcome-report-pdf.js';
import { streamFromConnection } from './report-connection.js';
import { describeDepartments } from './report-departments.js';
import type { ReportScope } from './report-scope.service.js';
import { writeXlsx } from '#reporting';

/** The outcome report's columns, in the order of the product design (§4). */
export const OUTCOME_COLUMNS = [
  'department',
  'contractNumber',
  'contractTitle',
  'vendor',
  'kpi',
  'unit',
  'period',
  'value',
  'target',
  'offTrackThreshold',
  'status',
] as const;

export type OutcomeRow = Record<(typeof OUTCOME_COLUMNS)[number], string | number | null>;

/** The columns holding text people typed (names, titles, codes, units), as opposed to numbers, periods, statuses. */
const TYPED_TEXT_COLUMNS = new Set<string>(['department', 'contractNumber', 'contractTitle', 'vendor', 'kpi', 'unit']);

const CSV_COLUMNS = OUTCOME_COLUMNS.map((column) =>
  TYPED_TEXT_COLUMNS.has(column) ? `spreadsheet_text(r."${column}") AS "${column}"` : `r."${column}"`,
).join(', ');

/**
 * One row per KPI and evaluated period whose calendar days lie wholly within the range: a quarter or a year
 * counts only when all its months are in it. Ordered by department code, contract number, KPI name, then period
 * (earlier first; a month before the quarter that starts with it). Numbers lose trailing zeros (99.5, not
 * 99.5000). The values are validated (dates, UUIDs) and written in as literals, since COPY takes no parameters.
 */
export function outcomeReportSql(client: Pick<pg.ClientBase, 'escapeLiteral'>, scope: ReportScope): string {
  const literal = (value: string) => client.escapeLiteral(value);
  const departments = scope.departmentIds
    ? `AND c.department_id = ANY(ARRAY[${scope.departmentIds.map(literal).join(', ')}]::uuid[])`
    : '';
  return `SELECT d.code AS department, c.number AS "contractNumber", c.title AS "contractTitle",
            v.legal_name AS vendor, k.name AS kpi, k.unit, e.period, trim_scale(e.value) AS value,
            trim_scale(e.target) AS target, trim_scale(e.off_track_threshold) AS "offTrackThreshold", e.status
       FROM kpi_evaluations e
       JOIN contracts c ON c.id = e.contract_id
       JOIN departments d ON d.id = c.department_id
       JOIN vendors v ON v.id = c.vendor_id
       JOIN kpis k ON k.id = e.kpi_id
      WHERE period_in_range(e.period_first_day, e.period_last_day, ${literal(scope.firstDay)}, ${literal(scope.lastDay)})
        ${departments}
      ORDER BY d.code, c.number, k.name, e.period_first_day, e.period_last_day`;
}

/** $1 first day, $2 last day (inclusive), $3 departments (uuid[], null for all): the outcome rows' conditions. */
const OUTCOMES_IN_SCOPE = `period_in_range(e.period_first_day, e.period_last_day, $1, $2)
     AND ($3::uuid[] IS NULL OR c.department_id = ANY($3::uuid[]))`;

// Counts per period, in the report's period order, then the range's totals (the empty grouping set, period null).
const PERIOD_COUNTS_SQL = `
  SELECT e.period,
         count(*) FILTER (WHERE e.status = 'on_track')::int AS on_track,
         count(*) FILTER (WHERE e.status = 'at_risk')::int AS at_risk,
         count(*) FILTER (WHERE e.status = 'missing')::int AS missing,
         count(*) FILTER (WHERE e.status = 'off_track')::int AS off_track,
         count(*)::int AS total,
         count(DISTINCT e.contract_id)::int AS contracts,
         percent_of(count(*) FILTER (WHERE e.status = 'on_track'), count(*)) AS "onTrackPercent"
    FROM kpi_evaluations e JOIN contracts c ON c.id = e.contract_id
   WHERE ${OUTCOMES_IN_SCOPE}
   GROUP BY GROUPING SETS ((e.period, e.period_first_day, e.period_last_day), ())
   ORDER BY GROUPING(e.period), e.period_first_day, e.period_last_day`;

// The most recent off-track results (latest period end first), with how many there are in all.
const OFF_TRACK_SQL = `
  SELECT d.code AS department, c.number AS "contractNumber", c.title AS "contractTitle", v.legal_name AS vendor,
         k.name AS kpi, k.unit, e.period, e.value, e.target, e.off_track_threshold AS "offTrackThreshold",
         count(*) OVER ()::int AS "offTrackTotal"
    FROM kpi_evaluations e
    JOIN contracts c ON c.id = e.contract_id
    JOIN departments d ON d.id = c.department_id
    JOIN vendors v ON v.id = c.vendor_id
    JOIN kpis k ON k.id = e.kpi_id
   WHERE e.status = 'off_track' AND ${OUTCOMES_IN_SCOPE}
   ORDER BY e.period_last_day DESC, e.period_first_day DESC, d.code, c.number, k.name
   LIMIT ${OFF_TRACK_PDF_LIMIT}`;

@Injectable()
export class OutcomeReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * CSV by PostgreSQL's own writer (COPY ... TO STDOUT): RFC 4180 quoting, a missing value an empty field, and
   * typed text that a spreadsheet would run as a formula made inert (`spreadsheet_text()`); numbers stay numbers.
   * The text is made inert above the sort (OFFSET 0 keeps the ordered rows a subquery), so that the sort carries
   * each value once rather than both forms: a third more time over a million rows.
   */
  csv(scope: ReportScope): Promise<Readable> {
    return streamFromConnection(this.dataSource, (client) =>
      client.query(
        copyTo(
          `COPY (SELECT ${CSV_COLUMNS} FROM (${outcomeReportSql(client, scope)} OFFSET 0) r)
             TO STDOUT (FORMAT csv, HEADER true)`,
        ),
      ),
    );
  }

  /** `{ from, to, departmentId, rows: [...] }`, written a row at a time as a cursor reads them. */
  async json(scope: ReportScope): Promise<Readable> {
    const rows = await this.rows(scope);
    const head = JSON.stringify({ from: scope.from, to: scope.to, departmentId: scope.departmentId }).slice(0, -1);
    let first = true;
    const toJson = new Transform({
      writableObjectMode: true,
      transform(row: OutcomeRow, _encoding, callback) {
        const text = `${first ? `${head},"rows":[` : ','}${JSON.stringify(row)}`;
        first = false;
        callback(null, text);
      },
      flush(callback) {
        callback(null, first ? `${head},"rows":[]}` : ']}');
      },
    });
    rows.on('error', (error) => toJson.destroy(error));
    toJson.on('close', () => rows.destroy());
    return rows.pipe(toJson);
  }

  /** A workbook written as the cursor reads, with a new sheet every million rows (Excel's limit is 1,048,576). */
  async xlsx(scope: ReportScope): Promise<Readable> {
    const rows = await this.rows(scope);
    const output = new PassThrough();
    void writeXlsx(output, 'Outcomes', OUTCOME_COLUMNS, rows).catch((error: Error) => {
      rows.destroy();
      output.destroy(error);
    });
    return output;
  }

  /**
   * A PDF of bounded size whatever the data: counts aggregated per period by PostgreSQL, and only the most recent
   * off-track results (`OFF_TRACK_PDF_LIMIT`), the rest left to the other formats.
   */
  async pdf(scope: ReportScope): Promise<Readable> {
    const parameters = [scope.firstDay, scope.lastDay, scope.departmentIds];
    const [departments, counts, offTrack] = await Promise.all([
      describeDepartments(this.dataSource, scope),
      this.dataSource.query(PERIOD_COUNTS_SQL, parameters) as Promise<OutcomePeriodCounts[]>,
      this.dataSource.query(OFF_TRACK_SQL, parameters) as Promise<(OffTrackOutcome & { offTrackTotal: number })[]>,
    ]);
    return renderOutcomePdf({
      from: scope.from,
      to: scope.to,
      departments,
      periods: counts.slice(0, -1),
      totals: counts[counts.length - 1],
      offTrack,
      offTrackTotal: offTrack[0]?.offTrackTotal ?? 0,
    });
  }

  private rows(scope: ReportScope): Promise<Readable> {
    return streamFromConnection(this.dataSource, (client) =>
      client.query(new QueryStream(outcomeReportSql(client, scope), [], { batchSize: 1000 })),
    );
  }
}
