import { Transform, type TransformCallback } from 'node:stream';
import { CsvError, parse, type Options, type Parser } from 'csv-parse';
import { DomainError, parsePeriod, type ErrorDetail } from '#domain';
import { MAX_NOTE_LENGTH, measurementProblems } from './measurement-rules.js';

// The syntax of a measurement import file (the product design (§4)): reading it as a stream, line by line,
// and checking what can be checked without the database.

export const IMPORT_COLUMNS = ['contractNumber', 'kpiName', 'period', 'value', 'note'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const OPTIONAL_COLUMNS: readonly ImportColumn[] = ['note'];

/** A problem with one line of the file; `column` when it is one field's. */
export type LineProblem = { line: number; column?: ImportColumn; message: string };

export const toErrorDetail = ({ line, column, message }: LineProblem): ErrorDetail => ({
  field: column ? `line ${line}: ${column}` : `line ${line}`,
  message,
});

/** A record of the file with the physical line it starts on (the header is line 1, unless blank lines precede it). */
export type CsvRecord = { line: number; fields: string[] };

/** A row whose syntax is right, as the import table holds it. */
export type ImportRow = {
  line: number;
  contractNumber: string;
  kpiName: string;
  /** Written like a period of some frequency; whether it is the KPI's is judged with the KPI. */
  period: string;
  /** Fixed to 4 decimals, as the measurements table stores it. */
  value: string;
  note: string | null;
};

// Far more than a row with the longest note needs; an unclosed quote cannot swallow the file into memory.
const MAX_RECORD_BYTES = 64 * 1024;
// numeric(18,4): 14 digits before the point.
const VALUE_LIMIT = 1e14;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const lineBreaks = (text: string): number => {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
};

/**
 * csv-parse in streaming mode, each record tagged with the physical line it starts on. Lines are counted here
 * rather than taken from csv-parse, which counts a CRLF inside a quoted field as two lines: one line per record
 * delimiter, per skipped blank line and per line break inside a field.
 */
export class CsvLineReader {
  readonly parser: Parser;
  private linesBefore = 0;

  constructor() {
    const options: Options<CsvRecord, string[]> = {
      bom: true,
      // Spreadsheets write CRLF between rows and LF inside cells; both end a row outside quotes.
      record_delimiter: ['\r\n', '\n'],
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_BYTES,
      on_record: (fields, context) => {
        const line = this.lineAfter(context.empty_lines);
        this.linesBefore += 1 + fields.reduce((count, field) => count + lineBreaks(field), 0);
        return { line, fields };
      },
    };
    // csv-parse's typings let only its `columns` mode change the record type; on_record does so too.
    this.parser = parse(options as unknown as Options);
  }

  /** The line on which the record that broke the parser starts, and what is wrong with it. */
  problemOf(error: CsvError): LineProblem {
    return { line: this.lineAfter(Number(error.empty_lines ?? 0)), message: CSV_ERRORS[error.code] ?? error.message };
  }

  private lineAfter(emptyLines: number): number {
    return 1 + this.linesBefore + emptyLines;
  }
}

const CSV_ERRORS: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote must be followed by a comma or the end of the line',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a closing quote must be followed by a comma or the end of the line',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field: quote the whole field and double the quote ("")',
  CSV_MAX_RECORD_SIZE: `the row is longer than ${MAX_RECORD_BYTES} bytes`,
};

type Columns = { count: number; index: Partial<Record<ImportColumn, number>> };

/** The header's columns, by name in any order; `note` may be left out. */
export function readHeader(fields: string[]): Columns | ErrorDetail[] {
  const index: Columns['index'] = {};
  const problems: string[] = [];
  fields.forEach((name, position) => {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) problems.push(`unknown column "${name}"`);
    else if (index[name as ImportColumn] !== undefined) problems.push(`column "${name}" appears twice`);
    else index[name as ImportColumn] = position;
  });
  for (const column of IMPORT_COLUMNS) {
    if (index[column] === undefined && !OPTIONAL_COLUMNS.includes(column))
      problems.push(`column "${column}" is missing`);
  }
  if (problems.length) return problems.map((message) => ({ field: 'header', message }));
  return { count: fields.length, index };
}

export const headerError = (details: ErrorDetail[]): DomainError =>
  new DomainError(
    'INVALID_INPUT',
    `The first line must name the columns ${IMPORT_COLUMNS.join(',')} (note may be left out); nothing was imported`,
    details,
  );

/** Checks one row's syntax: required fields, the value, the period's form, the note's length. */
export function readRow({ line, fields }: CsvRecord, columns: Columns): ImportRow | LineProblem[] {
  if (fields.length !== columns.count) {
    return [{ line, message: `expected ${columns.count} columns, found ${fields.length}` }];
  }
  const problems: LineProblem[] = [];
  const text = (column: ImportColumn): string => {
    const position = columns.index[column];
    const value = position === undefined ? '' : fields[position];
    // PostgreSQL text cannot hold NUL.
    if (value.includes('\0')) {
      problems.push({ line, column, message: `${column} must not contain NUL characters` });
      return '';
    }
    return value;
  };
  const required = (column: ImportColumn): string => {
    const value = text(column);
    if (value === '' && !problems.some((problem) => problem.column === column)) {
      problems.push({ line, column, message: `${column} is required` });
    }
    return value;
  };

  const contractNumber = required('contractNumber');
  const kpiName = required('kpiName');
  const periodText = required('period');
  const period = periodText === '' ? null : parsePeriod(periodText);
  if (periodText !== '' && !period) {
    problems.push({ line, column: 'period', message: 'period must be written like 2026-03, 2026-Q1 or 2026' });
  }
  const valueText = required('value');
  const value = valueText === '' ? null : readValue(valueText);
  if (value && 'problem' in value) problems.push({ line, column: 'value', message: value.problem });
  const note = text('note');
  if (note.length > MAX_NOTE_LENGTH) {
    problems.push({ line, column: 'note', message: `note must be at most ${MAX_NOTE_LENGTH} characters` });
  }

  if (problems.length || !period || !value || 'problem' in value) return problems;
  return {
    line,
    contractNumber,
    kpiName,
    period: periodText,
    value: value.fixed,
    note: note || null,
  };
}

/** The value fixed to 4 decimals, or what is wrong with it. */
function readValue(text: string): { fixed: string } | { problem: string } {
  const value = Number(text);
  if (!NUMBER.test(text) || !Number.isFinite(value) || Number(value.toFixed(4)) !== value) {
    return { problem: measurementProblems.value };
  }
  if (Math.abs(value) >= VALUE_LIMIT) return { problem: 'value must have at most 14 digits before the decimal point' };
  return { fixed: value.toFixed(4) };
}

/** Columns of the import table that `ImportRowEncoder` writes, in its order. */
export const IMPORT_TABLE_COLUMNS = 'line, contract_number, kpi_name, period, value, note';

// COPY's text format: tab-separated, backslash escapes, \N for null.
const copyText = (text: string): string => text.replace(/[\\\t\n\r]/g, (character) => COPY_ESCAPES[character]);
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const copyLine = (row: ImportRow): string =>
  [
    row.line,
    copyText(row.contractNumber),
    copyText(row.kpiName),
    row.period,
    row.value,
    row.note === null ? '\\N' : copyText(row.note),
  ].join('\t') + '\n';

// Rows are handed to COPY in chunks of about this many characters rather than one write per row.
const CHUNK_CHARS = 64 * 1024;

/**
 * Reads the header, then checks each row's syntax as it passes and writes the good ones in COPY's text format.
 * Rows with problems are counted and left out; the first `maxProblems` problems are kept for the answer.
 */
export class ImportRowEncoder extends Transform {
  rows = 0;
  invalidRows = 0;
  /** Every problem found, kept or not. */
  problemCount = 0;
  readonly problems: LineProblem[] = [];
  private columns: Columns | null = null;
  private pending = '';

  constructor(private readonly maxProblems: number) {
    super({ writableObjectMode: true });
  }

  override _transform(record: CsvRecord, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.columns) {
      const header = readHeader(record.fields);
      if (Array.isArray(header)) return callback(headerError(header));
      this.columns = header;
      return callback();
    }
    this.rows++;
    const row = readRow(record, this.columns);
    if (Array.isArray(row)) {
      this.invalidRows++;
      this.problemCount += row.length;
      this.problems.push(...row.slice(0, this.maxProblems - this.problems.length));
      return callback();
    }
    this.pending += copyLine(row);
    if (this.pending.length < CHUNK_CHARS) return callback();
    const chunk = this.pending;
    this.pending = '';
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (!this.columns) return callback(headerError([{ field: 'header', message: 'the file is empty' }]));
    callback(null, this.pending || undefined);
  }
}
