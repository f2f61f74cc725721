import type { Contract, Department, Kpi, Vendor } from '#database';
import {
  createApiKey,
  createContract,
  createDepartment,
  createKpi,
  createVendor,
  importCsvChunks,
  importRowCount,
  LARGE_IMPORT,
  resetDatabase,
  seedImportContracts,
} from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';

const IMPORT = '/api/v1/measurements/import';
const HEADER = 'contractNumber,kpiName,period,value,note';

type ImportOptions = { token?: string; query?: string; contentType?: string; headers?: Record<string, string> };

/** Posts a body sent in chunks without a Content-Length, as a client streaming a file does. */
async function postStreamed(url: string, token: string, chunks: Iterable<string>) {
  const response = await fetch(`${url}${IMPORT}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: (async function* () {
      for (const chunk of chunks) yield Buffer.from(chunk);
    })(),
    duplex: 'half',
  } as RequestInit);
  return { status: response.status, body: await response.json() };
}

/** Posts a form, as `curl -F file=@measurements.csv` does. */
async function postForm(url: string, token: string, form: FormData, query = '') {
  const response = await fetch(`${url}${IMPORT}${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A form of the given parts: text is a field, a Blob a file. */
function formOf(...parts: [string, string | Blob][]): FormData {
  const form = new FormData();
  for (const [name, value] of parts) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, 'measurements.csv');
  }
  return form;
}

const csvFile = (text: string) => new Blob([text], { type: 'text/csv' });

describe('measurement import', () => {
  let testApp: TestApp;
  let officer: string;
  let department: Department;
  let vendor: Vendor;
  let contract: Contract;
  let onTime: Kpi;
  let quarterly: Kpi;
  let annual: Kpi;
  let otherContract: Contract;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  beforeEach(async () => {
    const { dataSource } = testApp;
    await resetDatabase(dataSource);
    officer = await createApiKey(dataSource, 'procurement_officer');
    department = await createDepartment(dataSource);
    vendor = await createVendor(dataSource);
    contract = await createContract(dataSource, vendor, department, {
      number: 'C-1',
      startDate: '2025-02-15',
      endDate: '2099-12-31',
    });
    onTime = await createKpi(dataSource, contract, { name: 'On time', frequency: 'monthly' });
    quarterly = await createKpi(dataSource, contract, { name: 'Quarterly', frequency: 'quarterly' });
    annual = await createKpi(dataSource, contract, { name: 'Annual', frequency: 'annual' });
    await createKpi(dataSource, contract, { name: 'Retired', frequency: 'monthly', active: false });
    otherContract = await createContract(
      dataSource,
      await createVendor(dataSource),
      await createDepartment(dataSource),
      { number: 'C-2', startDate: '2025-01-01', endDate: '2026-12-31' },
    );
    await createKpi(dataSource, otherContract, { name: 'On time', frequency: 'monthly' });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const importCsv = (
    csv: string,
    { token = officer, query = '', contentType = 'text/csv', headers }: ImportOptions = {},
  ) =>
    testApp.http.post(`${IMPORT}${query}`, {
      token,
      rawBody: csv,
      headers: { 'content-type': contentType, ...headers },
    });
  const count = async (table: 'measurements' | 'audit_events') =>
    Number((await testApp.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const measurementsOf = async (kpi: Kpi) =>
    (await testApp.http.get(`/api/v1/kpis/${kpi.id}/measurements`, { token: officer })).body.data;
  const put = (kpi: Kpi, period: string, body: unknown) =>
    testApp.http.put(`/api/v1/kpis/${kpi.id}/measurements/${period}`, { token: officer, body });

  describe('a valid file', () => {
    // A spreadsheet export: byte order mark, CRLF, quoted fields.
    const file = [
      `\ufeff${HEADER}`,
      'C-1,On time,2025-03,91.5,',
      'C-1,On time,2025-04,80,',
      'C-1,On time,2025-05,70.25,"late, as ""agreed"""',
      'C-2,On time,2025-05,1,',
      'C-1,Quarterly,2025-Q2,3,',
      'C-1,Annual,2025,4.5,',
    ].join('\r\n');

    it('should create and update what differs, leave the rest alone, and audit every change', async () => {
      const first = await put(onTime, '2025-03', { value: 90, note: 'first' });
      const kept = await put(onTime, '2025-04', { value: 80 });

      const response = await importCsv(file, { headers: { 'x-request-id': 'import-42' } });

      expect(response.status).toBe(200);
      expect(response.body).toEqual({ dryRun: false, rows: 6, created: 4, updated: 1, unchanged: 1 });
      const values = await measurementsOf(onTime);
      expect(values.map((m: { period: string; value: number; note: string | null; source: string }) => m)).toEqual([
        expect.objectContaining({ id: first.body.id, period: '2025-03', value: 91.5, note: null, source: 'import' }),
        kept.body,
        expect.objectContaining({ period: '2025-05', value: 70.25, note: 'late, as "agreed"', source: 'import' }),
      ]);
      expect(values[0].recordedBy.name).toMatch(/^procurement_officer/);
      expect(await measurementsOf(quarterly)).toEqual([expect.objectContaining({ period: '2025-Q2', value: 3 })]);
      expect(await measurementsOf(annual)).toEqual([expect.objectContaining({ period: '2025', value: 4.5 })]);

      const trail = await testApp.http.get(`/api/v1/audit-events?entityType=measurement&entityId=${first.body.id}`, {
        token: officer,
      });
      expect(trail.body.data).toHaveLength(2);
      expect(trail.body.data[0]).toMatchObject({
        action: 'update',
        before: JSON.parse(JSON.stringify(first.body)),
        after: values[0],
        requestId: 'import-42',
      });
      const events: { action: string; n: number }[] = await testApp.dataSource.query(
        `SELECT action, count(*)::int AS n FROM audit_events
          WHERE entity_type = 'measurement' AND request_id = 'import-42' GROUP BY action ORDER BY action`,
      );
      expect(events).toEqual([
        { action: 'create', n: 4 },
        { action: 'update', n: 1 },
      ]);
      const created = await testApp.http.get(`/api/v1/audit-events?entityType=measurement&entityId=${values[2].id}`, {
        token: officer,
      });
      expect(created.body.data).toEqual([
        expect.objectContaining({ action: 'create', before: null, after: values[2] }),
      ]);
    });

    it('should report the same on a dry run and write nothing', async () => {
      await put(onTime, '2025-03', { value: 90 });
      await put(onTime, '2025-04', { value: 80 });
      const [measurements, events] = [await count('measurements'), await count('audit_events')];

      const dryRun = await importCsv(file, { query: '?dryRun=true' });

      expect(dryRun.status).toBe(200);
      expect(dryRun.body).toEqual({ dryRun: true, rows: 6, created: 4, updated: 1, unchanged: 1 });
      expect([await count('measurements'), await count('audit_events')]).toEqual([measurements, events]);
      expect((await importCsv(file, { query: '?dryRun=false' })).body).toEqual({ ...dryRun.body, dryRun: false });
    });

    it('should find columns by name in any order and take the note as optional', async () => {
      const response = await importCsv('period,value,kpiName,contractNumber\n2025-03,12.5,On time,C-1\n');
      expect(response.body).toEqual({ dryRun: false, rows: 1, created: 1, updated: 0, unchanged: 0 });
      expect(await measurementsOf(onTime)).toEqual([expect.objectContaining({ value: 12.5, note: null })]);
    });

    it('should import on their own contracts for vendors and department heads', async () => {
      const vendorKey = await createApiKey(testApp.dataSource, 'vendor', { vendor });
      const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [department] });
      expect((await importCsv(`${HEADER}\nC-1,On time,2025-03,1,`, { token: vendorKey })).body).toMatchObject({
        created: 1,
      });
      expect((await importCsv(`${HEADER}\nC-1,On time,2025-04,1,`, { token: head })).body).toMatchObject({
        created: 1,
      });
      expect((await measurementsOf(onTime)).map((m: { source: string }) => m.source)).toEqual(['import', 'import']);
    });

    it('should answer 200 with zeros for a header alone', async () => {
      const zeros = { dryRun: false, rows: 0, created: 0, updated: 0, unchanged: 0 };
      expect((await importCsv(`${HEADER}\n`)).body).toEqual(zeros);
      expect((await importCsv(`\n${HEADER}\r\n\r\n`)).body).toEqual(zeros);
    });

    it('should take text/csv with a charset', async () => {
      const response = await importCsv(`${HEADER}\nC-1,On time,2025-03,1,é`, {
        contentType: 'text/csv; charset=utf-8',
      });
      expect(response.status).toBe(200);
      expect((await measurementsOf(onTime))[0].note).toBe('é');
    });
  });

  describe('a file with bad rows', () => {
    // Read with a vendor key for C-1: C-2 belongs to another vendor. CRLF throughout, also inside the quoted
    // note that spans lines 15 to 17, so only physical line counting gets line 18 right.
    const file = [
      HEADER,
      'C-1,On time,2025-03,91.5,fine',
      'NOPE,On time,2025-03,1,',
      'C-2,On time,2025-03,1,',
      'C-1,Nothing,2025-03,1,',
      'C-1,Retired,2025-03,1,',
      'C-1,On time,2025-Q1,1,',
      'C-1,On time,March 2025,1,',
      'C-1,On time,2025-01,1,',
      'C-1,On time,2099-01,1,',
      'C-1,On time,2025-04,high,',
      'C-1,On time,2025-03,92,',
      'C-1,,2025-05,1,',
      'C-1,On time,2025-06',
      'C-1,On time,2025-07,1,"a note\r\nover three\r\nlines"',
      'C-1,On time,2025-08,1.23456,',
      'C-1,On time,2025-09,2,ok',
    ].join('\r\n');

    const expected = {
      statusCode: 400,
      error: 'Bad Request',
      code: 'INVALID_INPUT',
      message: '13 of 16 rows are invalid; nothing was imported',
      details: [
        { field: 'line 3: contractNumber', message: 'contract "NOPE" was not found' },
        { field: 'line 4: contractNumber', message: 'contract "C-2" was not found' },
        { field: 'line 5: kpiName', message: 'contract "C-1" has no KPI named "Nothing"' },
        { field: 'line 6: kpiName', message: 'KPI "Retired" is not active and takes no measurements' },
        { field: 'line 7: period', message: 'period must be written like 2026-03 for a monthly KPI' },
        { field: 'line 8: period', message: 'period must be written like 2026-03, 2026-Q1 or 2026' },
        { field: 'line 9: period', message: 'period 2025-01 is outside the contract (2025-02-15 to 2099-12-31)' },
        { field: 'line 10: period', message: 'period 2099-01 has not begun yet' },
        { field: 'line 11: value', message: 'value must be a number with at most 4 decimals' },
        { field: 'line 12', message: 'repeats line 2: the same contract, KPI and period' },
        { field: 'line 13: kpiName', message: 'kpiName is required' },
        { field: 'line 14', message: 'expected 5 columns as in the header, found 3' },
        { field: 'line 18: value', message: 'value must be a number with at most 4 decimals' },
      ],
    };

    it('should report every bad line by its number and reason, and write nothing', async () => {
      const vendorKey = await createApiKey(testApp.dataSource, 'vendor', { vendor });
      const response = await importCsv(file, { token: vendorKey });
      expect(response.status).toBe(400);
      expect(response.body).toEqual(expected);
      expect([await count('measurements'), await count('audit_events')]).toEqual([0, 0]);
    });

    it('should answer a dry run the same way', async () => {
      const vendorKey = await createApiKey(testApp.dataSource, 'vendor', { vendor });
      const response = await importCsv(file, { token: vendorKey, query: '?dryRun=true' });
      expect(response.status).toBe(400);
      expect(response.body).toEqual(expected);
    });

    it('should hide contracts outside a department head’s departments', async () => {
      const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [department] });
      const response = await importCsv(`${HEADER}\nC-2,On time,2025-03,1,\nC-1,On time,2025-03,1,`, { token: head });
      expect(response.body.details).toEqual([
        { field: 'line 2: contractNumber', message: 'contract "C-2" was not found' },
      ]);
    });

    it('should refuse values and notes the PUT refuses', async () => {
      const response = await importCsv(
        [
          HEADER,
          'C-1,On time,2025-03,1e400,',
          'C-1,On time,2025-04,100000000000000,',
          'C-1,On time,2025-05, 1,',
          `C-1,On time,2025-06,1,${'n'.repeat(2001)}`,
          'C-1,On time,2025-07,-0.0001,negative is fine',
        ].join('\n'),
      );
      expect(response.body.details).toEqual([
        { field: 'line 2: value', message: 'value must be a number with at most 4 decimals' },
        { field: 'line 3: value', message: 'value must have at most 14 digits before the decimal separator' },
        { field: 'line 4: value', message: 'value must be a number with at most 4 decimals' },
        { field: 'line 5: note', message: 'note must be at most 2000 characters' },
      ]);
    });

    it('should count every bad row but list the first 1000 problems, in line order', async () => {
      // Odd lines fail in Node (the value), even lines in SQL (the contract): both lists are merged by line.
      const rows = Array.from({ length: 1200 }, (_, index) =>
        index % 2 ? `NOPE,On time,2025-03,${index},` : `C-1,On time,2025-03,x${index},`,
      );
      const response = await importCsv([HEADER, ...rows].join('\n'));
      expect(response.status).toBe(400);
      expect(response.body.message).toBe(
        '1200 of 1200 rows are invalid; nothing was imported; the first 1000 problems are listed',
      );
      expect(response.body.details).toHaveLength(1000);
      expect(response.body.details.slice(0, 2)).toEqual([
        { field: 'line 2: value', message: 'value must be a number with at most 4 decimals' },
        { field: 'line 3: contractNumber', message: 'contract "NOPE" was not found' },
      ]);
      expect(response.body.details.at(-1).field).toBe('line 1001: contractNumber');
    });

    it('should stop at a line that is not CSV', async () => {
      const response = await importCsv(`${HEADER}\nC-1,On time,2025-03,1,ok\nC-1,On time,2025-04,1,"open\nC-1,x`);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        message: 'The file is not valid CSV at line 3; nothing was imported',
        details: [{ field: 'line 3', message: 'a quoted field is never closed' }],
      });
      expect(await count('measurements')).toBe(0);
    });
  });

  describe('the header', () => {
    it.each([
      [
        'an unknown and a missing column',
        'contractNumber,kpiName,period,amount\nC-1,On time,2025-03,1',
        ['unknown column "amount"', 'column "value" is missing'],
      ],
      ['a column twice', `${HEADER},value\nC-1,On time,2025-03,1,,1`, ['column "value" appears twice']],
      [
        'no header, data first',
        'C-1,On time,2025-03,1',
        [
          'unknown column "C-1"',
          'unknown column "On time"',
          'unknown column "2025-03"',
          'unknown column "1"',
          'column "contractNumber" is missing',
          'column "kpiName" is missing',
          'column "period" is missing',
          'column "value" is missing',
        ],
      ],
      ['an empty file', '', ['the file is empty']],
    ])('should answer 400 naming the header for %s', async (_case, csv, messages) => {
      const response = await importCsv(csv);
      expect(response.status).toBe(400);
      expect(response.body.message).toBe(
        'The first line must name the columns contractNumber,kpiName,period,value,note (note may be left out), ' +
          'separated by commas or semicolons; nothing was imported',
      );
      expect(response.body.details).toEqual(messages.map((message) => ({ field: 'header', message })));
      expect(await count('measurements')).toBe(0);
    });
  });

  describe('delimiters and decimal separators', () => {
    const SEMICOLONS = 'contractNumber;kpiName;period;value;note';
    const nothingStored = async () =>
      expect([await count('measurements'), await count('audit_events')]).toEqual([0, 0]);

    it('should read a semicolon file with decimal commas, as spreadsheets in es and pt locales write it', async () => {
      const file = [
        `\ufeff${SEMICOLONS}`,
        'C-1;On time;2025-03;3,5;tarde, como acordado',
        'C-1;On time;2025-04;"1,25";',
        'C-1;Quarterly;2025-Q2;-0,0001;"a; b"',
        'C-1;Annual;2025;42;',
      ].join('\r\n');
      const response = await importCsv(file);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ dryRun: false, rows: 4, created: 4, updated: 0, unchanged: 0 });
      expect(await measurementsOf(onTime)).toEqual([
        expect.objectContaining({ period: '2025-03', value: 3.5, note: 'tarde, como acordado' }),
        expect.objectContaining({ period: '2025-04', value: 1.25, note: null }),
      ]);
      expect(await measurementsOf(quarterly)).toEqual([expect.objectContaining({ value: -0.0001, note: 'a; b' })]);
      expect(await measurementsOf(annual)).toEqual([expect.objectContaining({ value: 42 })]);
    });

    it('should read decimal points in a semicolon file when told, and quoted decimal commas in a comma file', async () => {
      expect((await importCsv(`${SEMICOLONS}\nC-1;On time;2025-03;3.5;`, { query: '?decimal=.' })).status).toBe(200);
      const commas = await importCsv(`${HEADER}\nC-1,On time,2025-04,"2,75",`, { query: '?decimal=,&dryRun=false' });
      expect(commas.status).toBe(200);
      expect((await measurementsOf(onTime)).map((m: { value: number }) => m.value)).toEqual([3.5, 2.75]);
    });

    it('should refuse a decimal comma split by the commas of a comma file, on its line, storing nothing', async () => {
      const response = await importCsv(
        [HEADER, 'C-1,On time,2025-03,91.5,', 'C-1,On time,2025-04,3,5', 'C-1,On time,2025-05,3,5,'].join('\n'),
      );
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'INVALID_INPUT',
        message: '2 of 3 rows are invalid; nothing was imported',
        details: [
          {
            field: 'line 3: value',
            message:
              'value 3 and note "5" read like the decimal comma 3,5 split by the comma delimiter: write 3.5, ' +
              'or quote "3,5" and send decimal=,; to keep a note of digits, write the value with its decimals (3.0)',
          },
          {
            field: 'line 4',
            message:
              'expected 5 columns as in the header, found 6: a value with a decimal comma must be quoted ("3,5") ' +
              'in a comma-separated file',
          },
        ],
      });
      await nothingStored();
    });

    it('should refuse more fields than the header, also without a note column', async () => {
      const response = await importCsv('contractNumber,kpiName,period,value\nC-1,On time,2025-03,3,5');
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([
        {
          field: 'line 2',
          message:
            'expected 4 columns as in the header, found 5: a value with a decimal comma must be quoted ("3,5") ' +
            'in a comma-separated file',
        },
      ]);
      await nothingStored();
    });

    it('should refuse the other separator and thousands separators, saying how to send them', async () => {
      const response = await importCsv(
        [SEMICOLONS, 'C-1;On time;2025-03;3.5;', 'C-1;On time;2025-04;1.234,5;'].join('\n'),
      );
      expect(response.status).toBe(400);
      const message =
        'value must be written with a decimal comma, like 3,5, and without thousands separators; ' +
        'decimal=. reads decimal points';
      expect(response.body.details).toEqual([
        { field: 'line 2: value', message },
        { field: 'line 3: value', message },
      ]);
      const quoted = await importCsv(`${HEADER}\nC-1,On time,2025-03,"3,5",`);
      expect(quoted.body.details).toEqual([
        {
          field: 'line 2: value',
          message:
            'value must be written with a decimal point, like 3.5, and without thousands separators; ' +
            'decimal=, reads decimal commas',
        },
      ]);
      await nothingStored();
    });

    it.each(['?decimal=x', '?decimal=', '?decimal=.&decimal=,'])('should answer 400 to %s', async (query) => {
      const response = await importCsv(`${SEMICOLONS}\nC-1;On time;2025-03;3,5;`, { query });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'INVALID_INPUT',
        details: [{ field: 'decimal', message: 'decimal must be "." or ","' }],
      });
      await nothingStored();
    });
  });

  describe('a form upload', () => {
    const file = `${HEADER}\nC-1,On time,2025-03,91.5,\nC-1,Annual,2025,4.5,`;
    const refused = async (form: FormData, message: string) => {
      const response = await postForm(testApp.url, officer, form);
      expect(response).toEqual({
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', code: 'INVALID_INPUT', message, details: [] },
      });
      expect([await count('measurements'), await count('audit_events')]).toEqual([0, 0]);
    };

    it('should import the one file of a multipart/form-data form', async () => {
      const response = await postForm(testApp.url, officer, formOf(['file', csvFile(file)]));
      expect(response).toEqual({ status: 200, body: { dryRun: false, rows: 2, created: 2, updated: 0, unchanged: 0 } });
      expect(await measurementsOf(onTime)).toEqual([expect.objectContaining({ value: 91.5, source: 'import' })]);
    });

    it('should take the query as for text/csv: a dry run of a semicolon file', async () => {
      const semicolons = csvFile('contractNumber;kpiName;period;value\nC-1;On time;2025-03;3,5');
      const response = await postForm(testApp.url, officer, formOf(['upload', semicolons]), '?dryRun=true');
      expect(response).toEqual({ status: 200, body: { dryRun: true, rows: 1, created: 1, updated: 0, unchanged: 0 } });
      expect(await count('measurements')).toBe(0);
    });

    it('should report a bad row of the file as for text/csv', async () => {
      const response = await postForm(
        testApp.url,
        officer,
        formOf(['file', csvFile(`${HEADER}\nNOPE,On time,2025-03,1,`)]),
      );
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([
        { field: 'line 2: contractNumber', message: 'contract "NOPE" was not found' },
      ]);
    });

    it('should refuse a form without a file', async () => {
      await refused(
        formOf(['file', file]),
        'The form must hold exactly one part, the CSV file; this one has the field "file"',
      );
      await refused(new FormData(), 'The form must hold exactly one part, the CSV file; this one has no file');
    });

    it('should refuse a form with more than the file, even when the file is good', async () => {
      await refused(
        formOf(['file', csvFile(file)], ['other', csvFile(file)]),
        'The form must hold exactly one part, the CSV file; this one has a further file "other"',
      );
      await refused(
        formOf(['file', csvFile(file)], ['note', 'x']),
        'The form must hold exactly one part, the CSV file; this one has a further field "note"',
      );
    });

    it('should refuse a body that is not a form', async () => {
      const response = await importCsv('--x\r\nnot a form', { contentType: 'multipart/form-data' });
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^The body is not a valid multipart\/form-data form: /);
      expect(await count('measurements')).toBe(0);
    });

    it('should answer 415 to a form on routes that take JSON', async () => {
      const response = await fetch(`${testApp.url}/api/v1/departments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officer}` },
        body: formOf(['name', 'Parks'], ['code', 'PRK']),
      });
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'This route takes JSON only',
      });
    });

    it('should answer 401 without a key, reading nothing', async () => {
      const response = await fetch(`${testApp.url}${IMPORT}`, {
        method: 'POST',
        body: formOf(['file', csvFile(file)]),
      });
      expect(response.status).toBe(401);
      expect(await count('measurements')).toBe(0);
    });
  });

  describe('the request', () => {
    it('should answer 415 to anything but text/csv, and text/csv on other routes', async () => {
      const json = await testApp.http.post(IMPORT, { token: officer, body: { rows: [] } });
      expect(json.status).toBe(415);
      expect(json.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect((await importCsv(`${HEADER}\n`, { contentType: 'text/plain' })).status).toBe(415);
      expect((await testApp.http.post(IMPORT, { token: officer })).status).toBe(415);
      const elsewhere = await testApp.http.post('/api/v1/departments', {
        token: officer,
        rawBody: 'name,code\nParks,PRK',
        headers: { 'content-type': 'text/csv' },
      });
      expect(elsewhere.status).toBe(415);
    });

    it('should validate dryRun and refuse unknown query parameters', async () => {
      const bad = await importCsv(`${HEADER}\n`, { query: '?dryRun=yes' });
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([{ field: 'dryRun', message: 'dryRun must be true or false' }]);
      const unknown = await importCsv(`${HEADER}\n`, { query: '?force=true' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details).toEqual([{ field: 'force', message: 'force is not an allowed field' }]);
    });

    it('should be documented as taking text/csv and a form, with its query parameters', async () => {
      const spec = await testApp.http.get('/docs-json');
      const operation = spec.body.paths[IMPORT].post;
      expect(Object.keys(operation.requestBody.content)).toEqual(['text/csv', 'multipart/form-data']);
      expect(operation.requestBody.content['text/csv'].schema).toEqual({ type: 'string' });
      expect(operation.requestBody.content['multipart/form-data'].schema).toMatchObject({
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary' } },
      });
      expect(operation.parameters).toEqual([
        expect.objectContaining({ name: 'dryRun', in: 'query' }),
        expect.objectContaining({ name: 'decimal', in: 'query', schema: { type: 'string', enum: ['.', ','] } }),
      ]);
    });

    it('should answer 401 without a key', async () => {
      const response = await testApp.http.post(IMPORT, {
        rawBody: `${HEADER}\nC-1,On time,2025-03,1,`,
        headers: { 'content-type': 'text/csv' },
      });
      expect(response.status).toBe(401);
      expect(await count('measurements')).toBe(0);
    });
  });

  it('should stream a file of 100,000 rows through and import all of it', async () => {
    await seedImportContracts(testApp.dataSource, LARGE_IMPORT);
    const response = await postStreamed(testApp.url, officer, importCsvChunks(LARGE_IMPORT));
    const rows = importRowCount(LARGE_IMPORT);
    expect(response).toEqual({
      status: 200,
      body: { dryRun: false, rows, created: rows, updated: 0, unchanged: 0 },
    });
    expect([await count('measurements'), await count('audit_events')]).toEqual([rows, rows]);
  }, 180_000);
});

describe('the import size limit', () => {
  let testApp: TestApp;
  let officer: string;

  beforeAll(async () => {
    testApp = await createTestApp({ IMPORT_LIMIT_BYTES: 2048 });
  });

  beforeEach(async () => {
    await resetDatabase(testApp.dataSource);
    officer = await createApiKey(testApp.dataSource, 'procurement_officer');
    const contract = await createContract(
      testApp.dataSource,
      await createVendor(testApp.dataSource),
      await createDepartment(testApp.dataSource),
      { number: 'C-1', startDate: '2025-01-01', endDate: '2025-12-31' },
    );
    await createKpi(testApp.dataSource, contract, { name: 'On time', frequency: 'monthly' });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const rows = (count: number) =>
    Array.from({ length: count }, (_, index) => `C-1,On time,2025-${String((index % 12) + 1).padStart(2, '0')},1,`);
  const expected413 = {
    statusCode: 413,
    error: 'Payload Too Large',
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The file is larger than the import limit of 2048 bytes',
    details: [],
  };

  it('should answer 413 when the declared length is over the limit', async () => {
    const response = await testApp.http.post(IMPORT, {
      token: officer,
      rawBody: [HEADER, ...rows(200)].join('\n'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(response.status).toBe(413);
    expect(response.body).toEqual(expected413);
  });

  it('should answer 413 when a streamed body passes the limit, write nothing, and keep working', async () => {
    const chunks = [HEADER + '\n', ...Array.from({ length: 20 }, () => rows(12).join('\n') + '\n')];
    expect(await postStreamed(testApp.url, officer, chunks)).toEqual({ status: 413, body: expected413 });
    expect(Number((await testApp.dataSource.query('SELECT count(*) AS n FROM measurements'))[0].n)).toBe(0);

    const small = await postStreamed(testApp.url, officer, [HEADER + '\n', rows(12).join('\n')]);
    expect(small).toEqual({ status: 200, body: { dryRun: false, rows: 12, created: 12, updated: 0, unchanged: 0 } });
  });

  it('should answer 413 to a form whose file passes the limit, write nothing, and keep working', async () => {
    // One that busboy cuts within its first chunk, and one it cuts while the file is being read.
    for (const count of [200, 20_000]) {
      const large = formOf(['file', csvFile([HEADER, ...rows(count)].join('\n'))]);
      expect(await postForm(testApp.url, officer, large)).toEqual({ status: 413, body: expected413 });
    }
    expect(Number((await testApp.dataSource.query('SELECT count(*) AS n FROM measurements'))[0].n)).toBe(0);

    const small = formOf(['file', csvFile([HEADER, ...rows(12)].join('\n'))]);
    expect(await postForm(testApp.url, officer, small)).toEqual({
      status: 200,
      body: { dryRun: false, rows: 12, created: 12, updated: 0, unchanged: 0 },
    });
  });
});
