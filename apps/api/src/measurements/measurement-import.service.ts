import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { CsvError } from 'csv-parse';
import {
  DomainError,
  localDateOf,
  measurementProblem,
  type Actor,
  type Clock,
  type DecimalSeparator,
  type Frequency,
} from '#domain';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import { DataSource, type QueryRunner } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { departmentScope, vendorScope } from '../auth/scope.js';
import type { ApiEnv } from '../config/api-env.js';
import {
  CsvLineReader,
  IMPORT_TABLE_COLUMNS,
  importFormat,
  ImportRowEncoder,
  peekHeaderLine,
  toErrorDetail,
  type LineProblem,
} from './measurement-csv.js';
import { MEASUREMENT_ENTITY } from './measurements.service.js';
import { CLOCK } from '#runtime';

/** How to import: for real or as a dry run, and the values' decimal separator when the caller names it. */
export type ImportOptions = { dryRun: boolean; decimal?: DecimalSeparator };

/** What an import did, or (dry run) would do. */
export type ImportReport = { dryRun: boolean; rows: number; created: number; updated: number; unchanged: number };

/** The error answer lists at most this many problems; the message still counts every invalid row. */
export const MAX_REPORTED_PROBLEMS = 1000;

/**
 * A row of the file with what the database holds for it: `startDate` and `endDate` are null when no contract of
 * that number is visible to the caller, `active` and `frequency` when that contract has no KPI of that name.
 */
type ImportedRow = {
  line: number;
  contractNumber: string;
  kpiName: string;
  period: string;
  /** The first line with the same contract, KPI and period. */
  firstLine: number;
  startDate: string | null;
  endDate: string | null;
  active: boolean | null;
  frequency: Frequency | null;
};

/**
 * Every row of the file, in line order, with its contract (as the caller may see it) and that contract's KPI of
 * the row's name. SQL only looks up; the rules are judged in Node, row by row, as the rows arrive.
 */
const IMPORTED_ROWS_SQL = `
  SELECT t.line, t.contract_number AS "contractNumber", t.kpi_name AS "kpiName", t.period, t.first_line AS "firstLine",
         c.start_date AS "startDate", c.end_date AS "endDate", k.active, k.frequency
    FROM (SELECT line, contract_number, kpi_name, period,
                 min(line) OVER (PARTITION BY contract_number, kpi_name, period) AS first_line
            FROM measurement_import) t
    LEFT JOIN contracts c
      ON c.number = t.contract_number
     AND ($1::uuid[] IS NULL OR c.department_id = ANY ($1))
     AND ($2::uuid[] IS NULL OR c.vendor_id = ANY ($2))
    LEFT JOIN kpis k ON k.contract_id = c.id AND k.name = t.kpi_name
   ORDER BY t.line`;

// Rows a cursor fetches at a time: memory stays flat whatever the file's size.
const CURSOR_BATCH_ROWS = 1000;

/** A measurement as the API shows it (toMeasurementResponse), for the audit trail. */
const measurementJson = (alias: string) => `jsonb_build_object(
    'id', ${alias}.id, 'kpiId', ${alias}.kpi_id, 'period', ${alias}.period, 'value', ${alias}.value,
    'note', ${alias}.note, 'source', ${alias}.source,
    'recordedBy', jsonb_build_object('id', ${alias}.recorded_by_id, 'name', ${alias}.recorded_by_name),
    'recordedAt', to_char(${alias}.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

/**
 * Upserts the rows whose value or note differ from the current ones (unchanged rows keep their recordedAt, so
 * they are not evaluated again) and writes their audit events, in one statement. The current rows are locked
 * first, so the "before" of each event is the value this import replaced.
 */
const WRITE_SQL = `
  WITH incoming AS (
         SELECT k.id AS kpi_id, t.period, t.value, t.note
           FROM measurement_import t
           JOIN contracts c ON c.number = t.contract_number
           JOIN kpis k ON k.contract_id = c.id AND k.name = t.kpi_name),
       current AS (
         SELECT m.* FROM measurements m JOIN incoming i ON i.kpi_id = m.kpi_id AND i.period = m.period
            FOR UPDATE OF m),
       changed AS (
         SELECT i.* FROM incoming i LEFT JOIN current m ON m.kpi_id = i.kpi_id AND m.period = i.period
          WHERE m.id IS NULL OR m.value <> i.value OR m.note IS DISTINCT FROM i.note),
       written AS (
         INSERT INTO measurements AS m (kpi_id, period, value, note, source, recorded_by_id, recorded_by_name, recorded_at)
         SELECT kpi_id, period, value, note, 'import', $1, $2, now() FROM changed
             ON CONFLICT ON CONSTRAINT uq_measurements_kpi_period DO UPDATE
            SET value = excluded.value, note = excluded.note, source = excluded.source,
                recorded_by_id = excluded.recorded_by_id, recorded_by_name = excluded.recorded_by_name,
                recorded_at = excluded.recorded_at
         RETURNING m.*),
       audited AS (
         INSERT INTO audit_events (actor_type, actor_id, actor_name, request_id, action, entity_type, entity_id, before, after)
         SELECT $3, $1, $2, $4, CASE WHEN c.id IS NULL THEN 'create' ELSE 'update' END, $5, w.id::text,
                CASE WHEN c.id IS NULL THEN NULL ELSE ${measurementJson('c')} END, ${measurementJson('w')}
           FROM written w LEFT JOIN current c ON c.id = w.id
         RETURNING action)
  SELECT count(*) FILTER (WHERE action = 'create') AS created, count(*) FILTER (WHERE action = 'update') AS updated
    FROM audited`;

/**
 * `POST /measurements/import`: a CSV file of measurements, all rows or none (the product design (§4)).
 *
 * The body is streamed: its header line tells the delimiter, then csv-parse reads it, each row's syntax is checked as it passes, and good rows are copied
 * (COPY FROM STDIN) into a temporary table on the transaction's connection. The rows then come back through a
 * cursor with their contracts and KPIs, each held to measurementProblem(), the PUT's own rule, and the file is
 * written set-based in SQL: a handful of statements, never one per row.
 */
@Injectable()
export class MeasurementImportService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<ApiEnv, true>,
  ) {}

  async import(file: Readable, options: ImportOptions, principal: Principal, actor: Actor): Promise<ImportReport> {
    const { dryRun } = options;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const report = await this.load(runner, file, principal, actor, options);
      // A dry run makes the very same changes and takes them back, so its report cannot differ from the real one.
      await (dryRun ? runner.rollbackTransaction() : runner.commitTransaction());
      return report;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async load(
    runner: QueryRunner,
    file: Readable,
    principal: Principal,
    actor: Actor,
    { dryRun, decimal }: ImportOptions,
  ): Promise<ImportReport> {
    const { headerLine, file: body } = await peekHeaderLine(file);
    const format = importFormat(headerLine, decimal);
    await runner.query(`
      CREATE TEMP TABLE measurement_import (
        line integer NOT NULL, contract_number text NOT NULL, kpi_name text NOT NULL, period text NOT NULL,
        value numeric(18, 4) NOT NULL, note text
      ) ON COMMIT DROP`);
    const reader = new CsvLineReader(format.delimiter);
    const encoder = new ImportRowEncoder(format, MAX_REPORTED_PROBLEMS);
    const client = (await runner.connect()) as PoolClient;
    try {
      await pipeline(
        body,
        reader.parser,
        encoder,
        client.query(copyFrom(`COPY measurement_import (${IMPORT_TABLE_COLUMNS}) FROM STDIN`)),
      );
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      // The parser cannot go on past a break in the CSV itself, so the break is the answer.
      const problem = reader.problemOf(error);
      throw new DomainError(
        'INVALID_INPUT',
        `The file is not valid CSV at line ${problem.line}; nothing was imported`,
        [toErrorDetail(problem)],
      );
    }

    const today = localDateOf(this.clock.now(), this.config.get('CITY_TIMEZONE'));
    const rows = client.query(
      new QueryStream(IMPORTED_ROWS_SQL, [departmentScope(principal), vendorScope(principal)], {
        batchSize: CURSOR_BATCH_ROWS,
      }),
    );
    // Rows come in line order, so the first problems found are the first by line: only those are kept.
    let invalidInDatabase = 0;
    const problems: LineProblem[] = [];
    for await (const row of rows as AsyncIterable<ImportedRow>) {
      const problem = importedRowProblem(row, today);
      if (problem === null) continue;
      invalidInDatabase++;
      if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(problem);
    }
    // Rows with syntax problems never reached the table, and each row in it has at most one problem here.
    if (encoder.invalidRows + invalidInDatabase > 0) {
      throw invalidRows(
        encoder.invalidRows + invalidInDatabase,
        encoder.rows,
        [...encoder.problems, ...problems],
        encoder.problemCount + invalidInDatabase,
      );
    }

    const [{ created, updated }]: { created: number; updated: number }[] = await runner.query(WRITE_SQL, [
      actor.id,
      actor.name,
      actor.type,
      actor.requestId,
      MEASUREMENT_ENTITY,
    ]);
    return { dryRun, rows: encoder.rows, created, updated, unchanged: encoder.rows - created - updated };
  }
}

function invalidRows(invalid: number, rows: number, problems: LineProblem[], problemCount: number): DomainError {
  const listed = problems.sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED_PROBLEMS);
  const rowsWord = rows === 1 ? 'row is' : 'rows are';
  const truncated = problemCount > listed.length ? `; the first ${listed.length} problems are listed` : '';
  return new DomainError(
    'INVALID_INPUT',
    `${invalid} of ${rows} ${rowsWord} invalid; nothing was imported${truncated}`,
    listed.map(toErrorDetail),
  );
}

/**
 * The first rule the row breaks, in the order of the PUT: a contract visible to the caller, a KPI of that name,
 * then measurementProblem(); a repeat of an earlier line's contract, KPI and period comes last.
 */
function importedRowProblem(row: ImportedRow, today: string): LineProblem | null {
  const { line, contractNumber, kpiName, startDate, endDate, active, frequency } = row;
  if (startDate === null || endDate === null) {
    return { line, column: 'contractNumber', message: `contract "${contractNumber}" was not found` };
  }
  if (active === null || frequency === null) {
    return { line, column: 'kpiName', message: `contract "${contractNumber}" has no KPI named "${kpiName}"` };
  }
  const problem = measurementProblem({ name: kpiName, active, frequency }, { startDate, endDate }, row.period, today);
  if (problem) {
    return { line, column: problem.rule === 'inactive_kpi' ? 'kpiName' : 'period', message: problem.message };
  }
  if (line !== row.firstLine) {
    return { line, message: `repeats line ${row.firstLine}: the same contract, KPI and period` };
  }
  return null;
}
