import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { writeXlsx } from '#reporting';

type Cell = string | number | null;

/** A small table (already in memory) as CSV with a header row: RFC 4180 quoting, null as an empty field. */
export function csvOf(columns: readonly string[], rows: Record<string, Cell>[]): Readable {
  return stringify(rows, { header: true, columns: [...columns] });
}

/** A small table (already in memory) as a one-sheet workbook. */
export function xlsxOf(sheet: string, columns: readonly string[], rows: Record<string, Cell>[]): Readable {
  const output = new PassThrough();
  writeXlsx(output, sheet, columns, rows).catch((error: Error) => output.destroy(error));
  return output;
}
