import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { writeXlsx, XLSX_ROWS_PER_SHEET } from './xlsx-writer.js';

const COLUMNS = ['number', 'name', 'value'];

/** Writes `count` rows with `rowsPerSheet` and reads the workbook back: each sheet's name and rows of cell values. */
async function roundTrip(count: number, rowsPerSheet?: number): Promise<{ name: string; rows: unknown[][] }[]> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const rows = Readable.from(
    Array.from({ length: count }, (_unused, index) => ({ number: index + 1, name: `row ${index + 1}`, value: null })),
  );
  await writeXlsx(output, 'Outcomes', COLUMNS, rows, rowsPerSheet);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.concat(chunks)).buffer);
  return workbook.worksheets.map((sheet) => {
    const read: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      read.push(COLUMNS.map((_column, index) => row.getCell(index + 1).value ?? null));
    });
    return { name: sheet.name, rows: read };
  });
}

const expectedRow = (number: number) => [number, `row ${number}`, null];

describe('writeXlsx', () => {
  it('should start a new sheet, with the header row, once a sheet holds rowsPerSheet rows', async () => {
    const sheets = await roundTrip(8, 3);
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Outcomes', 'Outcomes 2', 'Outcomes 3']);
    for (const sheet of sheets) expect(sheet.rows[0]).toEqual(COLUMNS);
    expect(sheets.map((sheet) => sheet.rows.length - 1)).toEqual([3, 3, 2]);
    // Every row once, in order, across the sheets.
    expect(sheets.flatMap((sheet) => sheet.rows.slice(1))).toEqual(
      Array.from({ length: 8 }, (_u, i) => expectedRow(i + 1)),
    );
  });

  it('should not add an empty sheet when the rows fill the last one exactly', async () => {
    const sheets = await roundTrip(6, 3);
    expect(sheets.map((sheet) => sheet.rows.length)).toEqual([4, 4]);
    expect(sheets[1].rows[3]).toEqual(expectedRow(6));
  });

  it('should write one sheet with the header alone when there are no rows', async () => {
    expect(await roundTrip(0, 3)).toEqual([{ name: 'Outcomes', rows: [COLUMNS] }]);
  });

  it('should keep a million rows a sheet by default', async () => {
    expect(XLSX_ROWS_PER_SHEET).toBe(1_000_000);
    const sheets = await roundTrip(5);
    expect(sheets).toHaveLength(1);
    expect(sheets[0].rows).toHaveLength(6);
  });

  it('should stop reading rows while nobody reads the workbook, and give up when the reader goes away', async () => {
    const total = 500_000;
    let pulled = 0;
    const rows = Readable.from(
      (function* () {
        for (; pulled < total;) yield { number: ++pulled, name: `row ${pulled}`, value: null };
      })(),
    );
    const output = new PassThrough(); // never read, as a client that has stopped downloading
    const writing = writeXlsx(output, 'Outcomes', COLUMNS, rows);
    const outcome = writing.then(
      () => 'finished',
      (error: Error) => error.message,
    );
    // Wait until the writer has stopped pulling rows (no progress over three 100 ms looks).
    let seen = -1;
    for (let still = 0; still < 3;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      still = pulled === seen ? still + 1 : 0;
      seen = pulled;
    }
    expect(pulled).toBeLessThan(total / 10);
    output.destroy();
    expect(await outcome).toBe('The report was abandoned by its reader');
  });
});
