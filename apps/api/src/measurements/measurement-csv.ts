import { Readable, Transform, type TransformCallback } from 'node:stream';
import { CsvError, parse, type Options, type Parser } from 'csv-parse';
import { DomainError, parsePeriod, readMeasurementValue, type DecimalSeparator, type ErrorDetail } from '#domain';
import { MAX_NOTE_LENGTH } from './measurement-rules.js';

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

/** The character between the fields of a line. */
export type CsvDelimiter = ',' | ';';

/** How a file is written: its delimiter (from its header) and its values' decimal separator. */
export type ImportFormat = { delimiter: CsvDelimiter; decimal: DecimalSeparator };

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

const unquoted = (name: string): string => name.trim().replace(/^"(.*)"$/, '$1');

/**
 * The delimiter of a file, told by its header: the one of `,` and `;` that splits the header into more of the
 * known column names (no column name holds either). A header that names no column either way is read as
 * comma-separated, and its header error lists what it does name.
 */
export function delimiterOf(headerLine: string): CsvDelimiter {
  const known = (delimiter: CsvDelimiter) =>
    headerLine.split(delimiter).filter((name) => (IMPORT_COLUMNS as readonly string[]).includes(unquoted(name))).length;
  return known(';') > known(',') ? ';' : ',';
}

/** The file's format: the delimiter its header tells, and the decimal separator asked for or usual with it. */
export function importFormat(headerLine: string, decimal: DecimalSeparator | undefined): ImportFormat {
  const delimiter = delimiterOf(headerLine);
  // Spreadsheets separate by semicolons exactly where the comma is the decimal separator.
  return { delimiter, decimal: decimal ?? (delimiter === ';' ? ',' : '.') };
}

/** The first line of `text` that is not empty, if a line break (or the end of the file) has completed it. */
function firstLine(text: string, ended: boolean): string | null {
  const lines = text.replace(/^\ufeff/, '').split('\n');
  const complete = ended ? lines : lines.slice(0, -1);
  return complete.map((line) => line.replace(/\r$/, '')).find((line) => line !== '') ?? null;
}

/**
 * Reads the file up to the end of its header line (at most a record's size), for the delimiter to be told before
 * csv-parse starts, and gives back the whole file as a stream again. Errors of the file (too large, the client
 * gone) reach whoever reads either.
 */
export async function peekHeaderLine(file: Readable): Promise<{ headerLine: string; file: Readable }> {
  const source = file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let bytes = 0;
  let ended = false;
  let headerLine: string | null = null;
  while (headerLine === null && !ended && bytes < MAX_RECORD_BYTES) {
    const next = await source.next();
    if (next.done) ended = true;
    else {
      head.push(next.value);
      bytes += next.value.length;
    }
    headerLine = firstLine(Buffer.concat(head).toString('utf8'), ended);
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* head;
    if (ended) return;
    try {
      for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
    } finally {
      // A reader that stops early (a header error) must not leave the upload half read and undestroyed.
      await source.return?.();
    }
  }
  return { headerLine: headerLine ?? '', file: Readable.from(replay(), { objectMode: false }) };
}

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

  constructor(private readonly delimiter: CsvDelimiter) {
    const options: Options<CsvRecord, string[]> = {
      bom: true,
      delimiter,
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
    const message = csvErrors(this.delimiter)[error.code] ?? error.message;
    return { line: this.lineAfter(Number(error.empty_lines ?? 0)), message };
  }

  private lineAfter(emptyLines: number): number {
    return 1 + this.linesBefore + emptyLines;
  }
}

const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ',': 'a comma', ';': 'a semicolon' };

const csvErrors = (delimiter: CsvDelimiter): Partial<Record<string, string>> => {
  const afterQuote = `a closing quote must be followed by ${DELIMITER_NAMES[delimiter]} or the end of the line`;
  return {
    CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
    CSV_INVALID_CLOSING_QUOTE: afterQuote,
    CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: afterQuote,
    INVALID_OPENING_QUOTE: 'a quote inside an unquoted field: quote the whole field and double the quote ("")',
    CSV_MAX_RECORD_SIZE: `the row is longer than ${MAX_RECORD_BYTES} bytes`,
  };
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
    `The first line must name the columns ${IMPORT_COLUMNS.join(',')} (note may be left out), separated by ` +
      'commas or semicolons; nothing was imported',
    details,
  );

/**
 * A comma-separated row whose whole-number value is followed by a note of 1 to 4 digits: what a decimal comma such
 * as `3,5` turns into once the comma splits it, so the row is refused rather than guessed at. Whether the fields
 * were quoted is not asked: csv-parse tells it only through a hook per field that triples the time it takes.
 */
function splitDecimalProblem({ line, fields }: CsvRecord, columns: Columns, format: ImportFormat) {
  const value = columns.index.value;
  if (format.delimiter !== ',' || value === undefined || columns.index.note !== value + 1) return null;
  const [whole, decimals] = [fields[value], fields[value + 1]];
  if (!/^[+-]?\d+$/.test(whole) || !/^\d{1,4}$/.test(decimals)) return null;
  return {
    line,
    column: 'value' as const,
    message:
      `value ${whole} and note "${decimals}" read like the decimal comma ${whole},${decimals} split by the comma ` +
      `delimiter: write ${whole}.${decimals}, or quote "${whole},${decimals}" and send decimal=,; ` +
      `to keep a note of digits, write the value with its decimals (${whole}.0)`,
  };
}

/** Checks one row's syntax: as many fields as the header, required fields, the value, the period, the note. */
export function readRow(record: CsvRecord, columns: Columns, format: ImportFormat): ImportRow | LineProblem[] {
  const { line, fields } = record;
  if (fields.length !== columns.count) {
    // Splitting a decimal comma is the likely reason for one field too many in a comma-separated file.
    const hint =
      fields.length > columns.count && format.delimiter === ','
        ? ': a value with a decimal comma must be quoted ("3,5") in a comma-separated file'
        : '';
    return [{ line, message: `expected ${columns.count} columns as in the header, found ${fields.length}${hint}` }];
  }
  const splitDecimal = splitDecimalProblem(record, columns, format);
  if (splitDecimal) return [splitDecimal];
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
  const value = valueText === '' ? null : readValue(valueText, format.decimal);
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

/** The value fixed to 4 decimals, or what is wrong with it and, for the other separator, how to send it. */
function readValue(text: string, decimal: DecimalSeparator): { fixed: string } | { problem: string } {
  const reading = readMeasurementValue(text, decimal);
  if ('fixed' in reading) return reading;
  if (reading.rule !== 'other_separator') return { problem: reading.message };
  const other = decimal === '.' ? ',' : '.';
  return { problem: `${reading.message}; decimal=${other} reads decimal ${other === ',' ? 'commas' : 'points'}` };
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

  constructor(
    private readonly format: ImportFormat,
    private readonly maxProblems: number,
  ) {
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
    const row = readRow(record, this.columns, this.format);
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
