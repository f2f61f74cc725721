import type { Readable, Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/** Data rows per sheet: a round number below Excel's limit of 1,048,576 rows, header included. */
export const XLSX_ROWS_PER_SHEET = 1_000_000;

/** Every this many rows the writer waits for the zip stage and the output to drain, so memory stays flat. */
const DRAIN_EVERY_ROWS = 1000;

/**
 * exceljs writes a sheet's XML into the zip entry's stream without heeding `write()`'s answer, so when rows are
 * produced faster than they are deflated the XML piles up in memory (200 MB for 400,000 rows). The sheet's stream
 * keeps its consumers in `pipes`; waiting for those to drain is the back-pressure exceljs leaves out.
 */
type SheetWithStream = ExcelJS.Worksheet & { stream?: { pipes?: Writable[] } };

/**
 * Writes `rows` (objects with the `columns` as keys) into a workbook streamed to `output`: each row is committed
 * as it is read and strings are written inline rather than shared, so memory does not grow with the row count.
 * Sheets are `name`, `name 2`, … each with the header row and at most `rowsPerSheet` rows below it.
 */
export async function writeXlsx(
  output: Writable,
  name: string,
  columns: readonly string[],
  rows: Readable | Iterable<Record<string, unknown>>,
  rowsPerSheet = XLSX_ROWS_PER_SHEET,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: false,
    useSharedStrings: false,
  });
  let sheet: ExcelJS.Worksheet | null = null;
  let sheets = 0;
  let inSheet = 0;
  let written = 0;
  for await (const row of rows as AsyncIterable<Record<string, unknown>>) {
    if (!sheet || inSheet === rowsPerSheet) {
      sheet?.commit();
      sheets += 1;
      sheet = workbook.addWorksheet(sheets === 1 ? name : `${name} ${sheets}`);
      sheet.addRow([...columns]).commit();
      inSheet = 0;
    }
    sheet.addRow(columns.map((column) => row[column] ?? null)).commit();
    inSheet += 1;
    written += 1;
    if (written % DRAIN_EVERY_ROWS === 0) {
      for (const entry of (sheet as SheetWithStream).stream?.pipes ?? []) await drained(entry, output);
      await drained(output, output);
    }
  }
  if (!sheet)
    workbook
      .addWorksheet(name)
      .addRow([...columns])
      .commit();
  else sheet.commit();
  await workbook.commit();
}

/** Resolves once `stream` can take more (at once if it can now); fails when `output`'s reader has gone away. */
function drained(stream: Writable, output: Writable): Promise<void> {
  if (output.destroyed) return Promise.reject(new Error('The report was abandoned by its reader'));
  if (!needsDrain(stream)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      output.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      stream.off('drain', onDrain);
      reject(new Error('The report was abandoned by its reader'));
    };
    stream.once('drain', onDrain);
    output.once('close', onClose);
  });
}

/** The zip entries are readable-stream 2 streams, which predate `writableNeedDrain` but keep the same flag. */
function needsDrain(stream: Writable): boolean {
  const legacy = stream as Writable & { _writableState?: { needDrain?: boolean } };
  return stream.writableNeedDrain ?? legacy._writableState?.needDrain ?? false;
}
