import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError } from 'csv-parse';
import {
  CsvLineReader,
  delimiterOf,
  importFormat,
  ImportRowEncoder,
  peekHeaderLine,
  readHeader,
  readRow,
  type CsvDelimiter,
  type CsvRecord,
  type ImportFormat,
} from './measurement-csv.js';

/** Parses `text` fed in small pieces (so records straddle chunks) and returns each record's first field and line. */
async function linesOf(text: string, delimiter: CsvDelimiter = ','): Promise<string[]> {
  const reader = new CsvLineReader(delimiter);
  const seen: string[] = [];
  const pieces =
    Buffer.from(text)
      .toString('latin1')
      .match(/[\s\S]{1,3}/g) ?? [];
  try {
    await pipeline(
      Readable.from(pieces.map((piece) => Buffer.from(piece, 'latin1'))),
      reader.parser,
      async (records: AsyncIterable<CsvRecord>) => {
        for await (const { line, fields } of records) seen.push(`${fields[0]}@${line}`);
      },
    );
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const problem = reader.problemOf(error);
    seen.push(`${problem.message}@${problem.line}`);
  }
  return seen;
}

describe('CsvLineReader', () => {
  const rows = ['h,n', 'A,"x', 'y', 'z"', '', 'B,1', 'C,"p', 'q"', 'D,2'];
  const expected = ['h@1', 'A@2', 'B@6', 'C@7', 'D@9'];

  it.each([
    ['LF', rows.join('\n') + '\n'],
    ['CRLF, also inside quotes', rows.join('\r\n') + '\r\n'],
    ['CRLF between rows and LF inside cells', rows.join('\r\n').replace(/"x\r\ny\r\nz"/, '"x\ny\nz"')],
    ['no line break at the end', rows.join('\n')],
  ])('should give each record the physical line it starts on: %s', async (_case, text) => {
    expect(await linesOf(text)).toEqual(expected);
  });

  it('should skip a byte order mark and blank lines, counting them', async () => {
    expect(await linesOf('\ufeff\n\r\nh,n\nA,1\n\n\nB,2\n\n')).toEqual(['h@3', 'A@4', 'B@7']);
  });

  it.each([
    ['a quote never closed', 'h,n\nA,1\n\nB,"x\ny\nC,2\n', 'a quoted field is never closed@4'],
    [
      'text after a closing quote',
      'h,n\nA,"x\ny"z\nC,2\n',
      'a closing quote must be followed by a comma or the end of the line@2',
    ],
    [
      'a quote inside an unquoted field',
      'h,n\nA,1\nB,x"y\n',
      'a quote inside an unquoted field: quote the whole field and double the quote ("")@3',
    ],
    [
      'a row too long to be a measurement',
      `h,n\nA,1\nB,"${'x'.repeat(70_000)}"\n`,
      'the row is longer than 65536 bytes@3',
    ],
  ])('should place %s on the line where its record starts', async (_case, text, problem) => {
    expect((await linesOf(text)).at(-1)).toBe(problem);
  });

  it('should split on the delimiter it is given and name it in its problems', async () => {
    expect(await linesOf('h;n\nA,1;2\n', ';')).toEqual(['h@1', 'A,1@2']);
    expect((await linesOf('h;n\nA;"x"y\n', ';')).at(-1)).toBe(
      'a closing quote must be followed by a semicolon or the end of the line@2',
    );
  });
});

describe('delimiterOf', () => {
  it.each<[string, string, CsvDelimiter]>([
    ['commas', 'contractNumber,kpiName,period,value,note', ','],
    ['semicolons', 'contractNumber;kpiName;period;value;note', ';'],
    ['semicolons, quoted names', '"contractNumber";"kpiName";"period";"value"', ';'],
    ['semicolons, one name unknown', 'contractNumber;kpi;period;value', ';'],
    ['a single known column', 'value', ','],
    ['no known column either way', 'a;b,c', ','],
  ])('should read a header separated by %s', (_case, header, delimiter) => {
    expect(delimiterOf(header)).toBe(delimiter);
  });
});

describe('importFormat', () => {
  it('should take the decimal comma with semicolons and the point with commas, unless told', () => {
    expect(importFormat('contractNumber;kpiName;period;value', undefined)).toEqual({ delimiter: ';', decimal: ',' });
    expect(importFormat('contractNumber,kpiName,period,value', undefined)).toEqual({ delimiter: ',', decimal: '.' });
    expect(importFormat('contractNumber;kpiName;period;value', '.')).toEqual({ delimiter: ';', decimal: '.' });
    expect(importFormat('contractNumber,kpiName,period,value', ',')).toEqual({ delimiter: ',', decimal: ',' });
  });
});

describe('peekHeaderLine', () => {
  const peek = async (chunks: string[]) => {
    const { headerLine, file } = await peekHeaderLine(Readable.from(chunks.map((chunk) => Buffer.from(chunk))));
    let text = '';
    for await (const chunk of file) text += (chunk as Buffer).toString();
    return { headerLine, text };
  };

  it('should find the first line that is not empty, and give back every byte', async () => {
    const chunks = ['\ufeff\r\n\ncon', 'tractNumber;va', 'lue\r\nC-1;1\n', 'C-2;2'];
    expect(await peek(chunks)).toEqual({ headerLine: 'contractNumber;value', text: chunks.join('') });
  });

  it('should read a file that is its header alone, or nothing', async () => {
    expect(await peek(['value;period'])).toEqual({ headerLine: 'value;period', text: 'value;period' });
    expect(await peek([])).toEqual({ headerLine: '', text: '' });
  });

  it('should pass on an error of the file that arrives after the header', async () => {
    const failing = Readable.from(
      (async function* () {
        yield Buffer.from('value\n1\n');
        throw new Error('the client went away');
      })(),
    );
    const { file } = await peekHeaderLine(failing);
    await expect(file.toArray()).rejects.toThrow('the client went away');
  });
});

describe('readHeader', () => {
  it('should find the columns by name and leave the note optional', () => {
    expect(readHeader(['value', 'period', 'kpiName', 'contractNumber'])).toEqual({
      count: 4,
      index: { value: 0, period: 1, kpiName: 2, contractNumber: 3 },
    });
  });

  it('should name every unknown, repeated and missing column', () => {
    expect(readHeader(['contractNumber', 'Period', 'value', 'value', 'note'])).toEqual([
      { field: 'header', message: 'unknown column "Period"' },
      { field: 'header', message: 'column "value" appears twice' },
      { field: 'header', message: 'column "kpiName" is missing' },
      { field: 'header', message: 'column "period" is missing' },
    ]);
  });
});

const COMMAS: ImportFormat = { delimiter: ',', decimal: '.' };
const record = (line: number, fields: string[]): CsvRecord => ({ line, fields });

describe('readRow', () => {
  const columns = readHeader(['contractNumber', 'kpiName', 'period', 'value', 'note']);
  if (Array.isArray(columns)) throw new Error('the header is valid');
  const read = (...fields: string[]) => readRow(record(7, fields), columns, COMMAS);

  it('should keep the period as written and the value to 4 decimals', () => {
    expect(read('C-1', 'On time', '2026-Q1', '96.5', '')).toEqual({
      line: 7,
      contractNumber: 'C-1',
      kpiName: 'On time',
      period: '2026-Q1',
      value: '96.5000',
      note: null,
    });
    expect(read('C-1', 'K', '2026', '-1.2500', 'n')).toMatchObject({ period: '2026', value: '-1.2500', note: 'n' });
    expect(read('C-1', 'K', '2026-03', '1e3', '')).toMatchObject({ period: '2026-03', value: '1000.0000' });
  });

  it.each([['abc'], [' 1'], ['1.00001'], ['0x10'], ['Infinity'], ['1e-7'], ['1e400']])(
    'should refuse the value %p',
    (value) => {
      expect(read('C-1', 'K', '2026-03', value, '')).toEqual([
        { line: 7, column: 'value', message: 'value must be a number with at most 4 decimals' },
      ]);
    },
  );

  it('should report every problem of a row', () => {
    expect(read('', 'K\0', '2026-13', '', 'x'.repeat(2001))).toEqual([
      { line: 7, column: 'contractNumber', message: 'contractNumber is required' },
      { line: 7, column: 'kpiName', message: 'kpiName must not contain NUL characters' },
      { line: 7, column: 'period', message: 'period must be written like 2026-03, 2026-Q1 or 2026' },
      { line: 7, column: 'value', message: 'value is required' },
      { line: 7, column: 'note', message: 'note must be at most 2000 characters' },
    ]);
  });

  it('should read the value with the decimal separator of the format', () => {
    const semicolons: ImportFormat = { delimiter: ';', decimal: ',' };
    expect(readRow(record(7, ['C-1', 'K', '2026-03', '3,5', '']), columns, semicolons)).toMatchObject({
      value: '3.5000',
    });
    expect(readRow(record(7, ['C-1', 'K', '2026-03', '3.5', '']), columns, semicolons)).toEqual([
      {
        line: 7,
        column: 'value',
        message:
          'value must be written with a decimal comma, like 3,5, and without thousands separators; ' +
          'decimal=. reads decimal points',
      },
    ]);
    expect(read('C-1', 'K', '2026-03', '1,5', '')).toEqual([
      {
        line: 7,
        column: 'value',
        message:
          'value must be written with a decimal point, like 3.5, and without thousands separators; ' +
          'decimal=, reads decimal commas',
      },
    ]);
  });

  it('should refuse a decimal comma split in two by the comma delimiter', () => {
    const split = [
      {
        line: 7,
        column: 'value',
        message:
          'value 3 and note "5" read like the decimal comma 3,5 split by the comma delimiter: write 3.5, ' +
          'or quote "3,5" and send decimal=,; to keep a note of digits, write the value with its decimals (3.0)',
      },
    ];
    expect(read('C-1', 'K', '2026-03', '3', '5')).toEqual(split);
    expect(readRow(record(7, ['C-1', 'K', '2026-03', '3', '5']), columns, { ...COMMAS, decimal: ',' })).toEqual(split);
    // A value with decimals, a note of more than 4 digits, or one of words, is what it says.
    expect(read('C-1', 'K', '2026-03', '3.0', '5')).toMatchObject({ value: '3.0000', note: '5' });
    expect(read('C-1', 'K', '2026-03', '3', '12345')).toMatchObject({ value: '3.0000', note: '12345' });
    expect(read('C-1', 'K', '2026-03', '3.5', '5')).toMatchObject({ value: '3.5000', note: '5' });
    expect(
      readRow(record(7, ['C-1', 'K', '2026-03', '3', '5']), columns, { delimiter: ';', decimal: '.' }),
    ).toMatchObject({ value: '3.0000', note: '5' });
  });

  it('should refuse a row with too few or too many columns as a whole', () => {
    expect(read('C-1', 'K', '2026-03')).toEqual([{ line: 7, message: 'expected 5 columns as in the header, found 3' }]);
    expect(read('C-1', 'K', '2026-03', '3', '5', '')).toEqual([
      {
        line: 7,
        message:
          'expected 5 columns as in the header, found 6: a value with a decimal comma must be quoted ("3,5") ' +
          'in a comma-separated file',
      },
    ]);
    expect(readRow(record(7, ['C-1', 'K', '2026-03', '3', '', '']), columns, { delimiter: ';', decimal: ',' })).toEqual(
      [{ line: 7, message: 'expected 5 columns as in the header, found 6' }],
    );
  });
});

describe('ImportRowEncoder', () => {
  const encode = async (records: CsvRecord[], maxProblems = 10) => {
    const encoder = new ImportRowEncoder(COMMAS, maxProblems);
    let output = '';
    await pipeline(Readable.from(records), encoder, async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) output += chunk.toString();
    });
    return { output, encoder };
  };
  const header = record(1, ['contractNumber', 'kpiName', 'period', 'value', 'note']);

  it('should write good rows in COPY text format, escaping what COPY reads as syntax', async () => {
    const { output } = await encode([
      header,
      record(2, ['C\\1', 'On\ttime', '2026-03', '1', 'two\r\nlines']),
      record(3, ['C-1', 'K', '2026', '2', '']),
    ]);
    expect(output.split('\n')).toEqual([
      '2\tC\\\\1\tOn\\ttime\t2026-03\t1.0000\ttwo\\r\\nlines',
      '3\tC-1\tK\t2026\t2.0000\t\\N',
      '',
    ]);
  });

  it('should count every row and keep only the first problems', async () => {
    const bad = (line: number) => record(line, ['C-1', 'K', 'soon', '1', '']);
    const { output, encoder } = await encode([header, bad(2), bad(3), bad(4), bad(5)], 2);
    expect(output).toBe('');
    expect([encoder.rows, encoder.invalidRows, encoder.problemCount]).toEqual([4, 4, 4]);
    expect(encoder.problems.map((problem) => problem.line)).toEqual([2, 3]);
  });
});
