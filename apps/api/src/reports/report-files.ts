import { PassThrough, Readable } from 'node:stream';
import { writeXlsx } from '#reporting';

type Cell = string | number | null;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; null is an empty field. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A small table (already in memory) as CSV with a header row. */
export function csvOf(columns: readonly string[], rows: Record<string, Cell>[]): Readable {
  const lines = [columns.join(','), ...rows.map((row) => columns.map((column) => csvField(row[column])).join(','))];
  return Readable.from([`${lines.join('\n')}\n`]);
}

/** A small table (already in memory) as a one-sheet workbook. */
export function xlsxOf(sheet: string, columns: readonly string[], rows: Record<string, Cell>[]): Readable {
  const output = new PassThrough();
  writeXlsx(output, sheet, columns, rows).catch((error: Error) => output.destroy(error));
  return output;
}
