import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createApiKey, resetDatabase, startAppProcess } from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';
import { ocdsDir } from './support/ocds-schema.js';

const IMPORT = '/api/v1/imports/ocds';
const KINDS = ['departments', 'vendors', 'solicitations', 'bids', 'contracts', 'payments'] as const;

/** Every .json file under a folder, in a stable order. */
function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : [];
    });
}

describe('POST /api/v1/imports/ocds', () => {
  let testApp: TestApp;
  let officer: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = ocdsDir('OCDS_DATA_DIR', '../shared/ocds/data');
    testApp = await createTestApp();
  });

  beforeEach(async () => {
    await resetDatabase(testApp.dataSource);
    officer = await createApiKey(testApp.dataSource, 'procurement_officer');
  });

  afterAll(async () => {
    await testApp.close();
  });

  const tableCounts = async () =>
    Object.fromEntries(
      await Promise.all(
        KINDS.map(async (table) => [
          table,
          Number((await testApp.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n),
        ]),
      ),
    );

  const importFile = (file: string) =>
    testApp.http.post(IMPORT, {
      token: officer,
      rawBody: readFileSync(file, 'utf8'),
      headers: { 'content-type': 'application/json' },
    });

  const sum = (reports: any[], outcome: string) =>
    Object.fromEntries(
      KINDS.map((kind) => [kind, reports.reduce((total, report) => total + report[outcome][kind], 0)]),
    );

  // Observed once and checked against the files: see the datasets' SOURCE.md for their quirks.
  const EXPECTED: Record<string, { created: Record<string, number>; notes: RegExp[] }> = {
    'mexico-city-cdmx': {
      created: { departments: 5, vendors: 10, solicitations: 8, bids: 4, contracts: 8, payments: 70 },
      notes: [
        /a bare release/,
        /receiverOrganization read as payee/,
        /OCDS 1\.0 amount read as value/,
        /tenderer without a bid amount/,
      ],
    },
    'mexico-gacm': {
      created: { departments: 1, vendors: 410, solicitations: 292, bids: 0, contracts: 290, payments: 102 },
      notes: [
        /award without id/,
        /no awardID/,
        /contract without a supplier/,
        /transaction without date: dated \d{4}-\d{2}-\d{2}, the contract.s end/,
      ],
    },
    'mexico-jalisco': {
      created: { departments: 4, vendors: 37, solicitations: 10, bids: 20, contracts: 20, payments: 24 },
      notes: [/amount rounded to cents/, /bid amount taken from the award/],
    },
  };

  it.each(Object.keys(EXPECTED))(
    'should import every file of %s, then find nothing new on importing each again',
    async (dataset) => {
      const files = jsonFiles(join(dataDir, dataset));
      const first: any[] = [];
      const again: any[] = [];
      for (const file of files) {
        const response = await importFile(file);
        expect({ file: relative(dataDir, file), status: response.status }).toEqual({
          file: relative(dataDir, file),
          status: 200,
        });
        first.push(response.body);
        again.push((await importFile(file)).body);
      }
      expect(sum(first, 'created')).toEqual(EXPECTED[dataset]!.created);
      expect(await tableCounts()).toEqual(EXPECTED[dataset]!.created);
      expect(sum(again, 'created')).toEqual(Object.fromEntries(KINDS.map((kind) => [kind, 0])));
      expect(sum(again, 'updated')).toEqual(Object.fromEntries(KINDS.map((kind) => [kind, 0])));
      const notes = first.flatMap((report) => [...report.repaired, ...report.skipped]);
      for (const pattern of EXPECTED[dataset]!.notes) {
        expect(notes).toEqual(
          expect.arrayContaining([{ path: expect.stringMatching(/^\$/), message: expect.stringMatching(pattern) }]),
        );
      }
    },
    120_000,
  );

  it('should find the imported awards in the procurement metrics', async () => {
    for (const file of jsonFiles(join(dataDir, 'mexico-jalisco'))) expect((await importFile(file)).status).toBe(200);
    const [expected] = await testApp.dataSource.query(
      `SELECT count(*)::int AS awards, coalesce(sum(c.value), 0)::float AS value,
              to_char(min(s.awarded_at), 'YYYY-MM') AS first, to_char(max(s.awarded_at), 'YYYY-MM') AS last
         FROM solicitations s JOIN contracts c ON c.solicitation_id = s.id WHERE s.status = 'awarded'`,
    );
    expect(expected.awards).toBeGreaterThan(0);
    // A wide range in the city's months: every imported award falls inside it.
    const metrics = await testApp.http.get(
      `/api/v1/reports/procurement-metrics?from=${expected.first.slice(0, 4)}-01&to=${expected.last.slice(0, 4)}-12&format=json`,
      { token: officer },
    );
    expect(metrics.status).toBe(200);
    expect(metrics.body.solicitations.awarded).toBe(
      Number((await testApp.dataSource.query(`SELECT count(*) AS n FROM solicitations WHERE status = 'awarded'`))[0].n),
    );
    // Jalisco awards several contracts in some processes: awards count contracts, solicitations count processes.
    expect(metrics.body.awards.count).toBe(expected.awards);
    expect(metrics.body.awards.value).toBeCloseTo(expected.value, 2);
  });

  it('should report quirks by JSON path and write audit events', async () => {
    const response = await testApp.http.post(IMPORT, {
      token: officer,
      body: {
        ocid: 'ocds-abc123-1',
        date: '2020-01-01T00:00:00',
        buyer: { name: 'Parks', identifier: { scheme: 'X', id: 'PRK' } },
        tender: {
          id: 't',
          title: 'Mowing',
          procurementMethod: 'open',
          tenderers: [{ name: 'Green Co', identifier: { scheme: 'X', id: 'G1' } }],
        },
        awards: [
          {
            id: 'a1',
            date: '2020-02-01',
            value: { amount: '1200.50', currency: 'USD' },
            suppliers: [{ name: 'Green Co', identifier: { scheme: 'X', id: 'G1' } }],
          },
        ],
        contracts: [
          {
            awardID: 'a1',
            implementation: {
              transactions: [
                {
                  id: 'T1',
                  date: '2020-03-01T00:00:00Z',
                  value: { amount: 100 },
                  payee: { name: 'Green Co', identifier: { scheme: 'X', id: 'G1' } },
                },
              ],
            },
          },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(response.body.created).toEqual({
      departments: 1,
      vendors: 1,
      solicitations: 1,
      bids: 1,
      contracts: 1,
      payments: 1,
    });
    expect(response.body.repaired).toEqual(
      expect.arrayContaining([
        { path: '$.awards[0].value.amount', message: 'amount given as a string: read as a number' },
        { path: '$.awards[0].date', message: 'date without a time zone: read as UTC' },
        { path: '$.contracts[0].id', message: 'contract without id: numbered 1' },
        { path: '$.contracts[0].period.startDate', message: 'no start date: derived 2020-02-01' },
      ]),
    );
    const [{ n }] = await testApp.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'create'`,
    );
    expect(n).toBe(6);
  });

  describe('a process published one stage per release', () => {
    const ocid = 'ocds-xs1qbl-PARKS-0042-2024';
    const buyer = {
      id: 'MX-RFC-PAR900101AB1',
      name: 'Parks Department',
      identifier: { scheme: 'MX-RFC', id: 'PAR900101AB1' },
      contactPoint: { email: 'parks@city.example' },
      roles: ['buyer', 'procuringEntity'],
    };
    const supplier = {
      id: 'MX-RFC-GRE010101XY2',
      name: 'Green Co',
      identifier: { scheme: 'MX-RFC', id: 'GRE010101XY2' },
      contactPoint: { email: 'bids@green.example' },
      roles: ['tenderer', 'supplier'],
    };
    const stage = (tag: string, date: string, fields: Record<string, unknown>) => ({
      ocid,
      id: `${ocid}-${date.replace(/[-:]/g, '')}-${tag}`,
      date,
      tag: [tag],
      initiationType: 'tender',
      buyer: { id: buyer.id, name: buyer.name },
      ...fields,
    });
    const releases = [
      stage('planning', '2024-01-10T09:00:00Z', {
        parties: [buyer],
        planning: { budget: { amount: { amount: 150000, currency: 'MXN' } } },
        tender: { id: 'T-42', title: 'Park mowing 2024', status: 'planning' },
      }),
      stage('tender', '2024-02-01T09:00:00Z', {
        parties: [buyer, { ...supplier, roles: ['tenderer'] }],
        tender: {
          id: 'T-42',
          title: 'Park mowing 2024',
          status: 'active',
          procurementMethod: 'open',
          mainProcurementCategory: 'services',
          value: { amount: 150000, currency: 'MXN' },
          tenderPeriod: { startDate: '2024-02-01T09:00:00Z', endDate: '2024-02-20T17:00:00Z' },
          tenderers: [{ id: supplier.id, name: supplier.name }],
        },
      }),
      stage('award', '2024-03-01T09:00:00Z', {
        parties: [buyer, supplier],
        tender: { id: 'T-42', status: 'complete' },
        awards: [
          {
            id: 'A-42',
            status: 'active',
            date: '2024-03-01T09:00:00Z',
            value: { amount: 142000, currency: 'MXN' },
            suppliers: [{ id: supplier.id, name: supplier.name }],
          },
        ],
      }),
      stage('contract', '2024-03-15T09:00:00Z', {
        parties: [buyer, supplier],
        contracts: [
          {
            id: 'CT-42',
            awardID: 'A-42',
            title: 'Park mowing 2024',
            status: 'active',
            value: { amount: 142000, currency: 'MXN' },
            period: { startDate: '2024-04-01T00:00:00Z', endDate: '2024-12-31T23:59:59Z' },
            dateSigned: '2024-03-15T09:00:00Z',
          },
        ],
      }),
    ];
    const packageOf = (items: unknown[]) => ({
      uri: 'https://example.org/ocds',
      version: '1.1',
      publishedDate: '2024-03-16T00:00:00Z',
      publisher: { name: 'City' },
      releases: items,
    });
    const post = (body: unknown) => testApp.http.post(IMPORT, { token: officer, body });
    const nothing = Object.fromEntries(KINDS.map((kind) => [kind, 0]));

    /** What the process became: one row per table, read as an officer would compare them. */
    const imported = async () => {
      expect(await tableCounts()).toEqual({
        departments: 1,
        vendors: 1,
        solicitations: 1,
        bids: 1,
        contracts: 1,
        payments: 0,
      });
      const [row] = await testApp.dataSource.query(
        `SELECT c.number, c.title, c.value, c.start_date::text AS start, c.end_date::text AS "end", c.status,
                v.tax_id, v.legal_name, v.email, d.code, d.head_email, s.reference_number, s.status AS tender,
                s.estimated_value, b.amount AS bid, c.bid_id = b.id AS from_bid
           FROM contracts c JOIN vendors v ON v.id = c.vendor_id JOIN departments d ON d.id = c.department_id
           JOIN solicitations s ON s.id = c.solicitation_id JOIN bids b ON b.solicitation_id = s.id`,
      );
      return row;
    };
    const expected = {
      number: 'CT-42',
      title: 'Park mowing 2024',
      value: 142000,
      start: '2024-04-01',
      end: '2024-12-31',
      status: 'active',
      tax_id: 'MX-RFC-GRE010101XY2',
      legal_name: 'Green Co',
      email: 'bids@green.example',
      code: 'MX-RFC-PAR900101AB1',
      head_email: 'parks@city.example',
      reference_number: ocid,
      tender: 'awarded',
      estimated_value: 150000,
      bid: 142000,
      from_bid: true,
    };

    it('should import one package of the four stages as one contract with its award and supplier', async () => {
      const response = await post(packageOf(releases));
      expect(response.status).toBe(200);
      expect(response.body.releases).toEqual({ created: 4, updated: 0, unchanged: 0 });
      expect(await imported()).toEqual(expected);
    });

    it.each([
      ['in order', releases],
      ['in reverse order', [...releases].reverse()],
    ])('should import the four stages sent as four files %s as the same one contract', async (_name, files) => {
      for (const release of files) expect((await post(packageOf([release]))).status).toBe(200);
      expect(await imported()).toEqual(expected);
      const [{ n }] = await testApp.dataSource.query(`SELECT count(*)::int AS n FROM ocds_releases WHERE ocid = $1`, [
        ocid,
      ]);
      expect(n).toBe(4);
    });

    it('should report no change on importing the package and each file again', async () => {
      expect((await post(packageOf(releases))).status).toBe(200);
      for (const body of [packageOf(releases), ...releases.map((release) => packageOf([release]))]) {
        const again = await post(body);
        expect(again.status).toBe(200);
        expect(again.body.releases).toMatchObject({ created: 0, updated: 0 });
        expect(again.body.created).toEqual(nothing);
        expect(again.body.updated).toEqual(nothing);
      }
      expect(await imported()).toEqual(expected);
    });

    it('should never let an older release put its values back', async () => {
      expect((await post(packageOf(releases))).status).toBe(200);
      const older = stage('tender', '2024-01-20T09:00:00Z', {
        tender: { id: 'T-42', title: 'Old draft title', status: 'active' },
      });
      const response = await post(packageOf([older]));
      expect(response.status).toBe(200);
      expect(response.body.releases).toEqual({ created: 1, updated: 0, unchanged: 0 });
      expect(response.body.updated).toEqual(nothing);
      const [{ title }] = await testApp.dataSource.query(`SELECT title FROM solicitations`);
      expect(title).toBe('Park mowing 2024');
    });

    it('should replace a placeholder contact once a later release names the address', async () => {
      const withoutEmails = (release: Record<string, any>) => ({
        ...release,
        parties: release.parties.map(({ contactPoint: _, ...party }: Record<string, unknown>) => party),
      });
      expect((await post(packageOf(releases.slice(0, 3).map(withoutEmails)))).status).toBe(200);
      const [placeholder] = await testApp.dataSource.query(`SELECT email FROM vendors`);
      expect(placeholder.email).toMatch(/@ocds-import\.invalid$/);
      const response = await post(packageOf([releases[3]]));
      expect(response.status).toBe(200);
      expect(response.body.updated).toMatchObject({ departments: 1, vendors: 1 });
      expect(await imported()).toEqual(expected);
    });

    it('should keep the later-dated version of a release published twice under one id, in either order', async () => {
      const contract = releases[3] as Record<string, any>;
      const amended = {
        ...contract,
        date: '2024-05-01T09:00:00Z',
        contracts: [{ ...contract.contracts[0], value: { amount: 150000, currency: 'MXN' } }],
      };
      for (const [first, second] of [
        [contract, amended],
        [amended, contract],
      ]) {
        await resetDatabase(testApp.dataSource);
        officer = await createApiKey(testApp.dataSource, 'procurement_officer');
        expect((await post(packageOf(releases.slice(0, 3)))).status).toBe(200);
        expect((await post(packageOf([first]))).status).toBe(200);
        const response = await post(packageOf([second]));
        expect(response.status).toBe(200);
        const [{ value }] = await testApp.dataSource.query(`SELECT value FROM contracts`);
        expect(value).toBe(150000);
        const [{ n }] = await testApp.dataSource.query(`SELECT count(*)::int AS n FROM ocds_releases`);
        expect(n).toBe(4);
        expect([...response.body.repaired, ...response.body.skipped]).toEqual(
          expect.arrayContaining([
            {
              path: '$.releases[0]',
              message: expect.stringMatching(
                second === amended
                  ? /^release \S+-contract replaces the version kept before \(dated 2024-03-15T09:00:00Z\)$/
                  : /^another version of release \S+-contract is kept \(dated 2024-05-01T09:00:00Z\): this one .* is ignored$/,
              ),
            },
          ]),
        );
      }
    });
  });

  it('should store only what the API would take, and report each value it did not store', async () => {
    const response = await testApp.http.post(IMPORT, {
      token: officer,
      body: {
        releases: [
          {
            ocid: 'ocds-abc123-2',
            id: 'r1',
            date: '2024-01-01T00:00:00Z',
            buyer: { id: 'B' },
            parties: [
              {
                id: 'B',
                name: 'Parks',
                identifier: { scheme: 'X', id: 'PRK' },
                contactPoint: { email: '"x,y@evil.example"@city.example' },
                roles: ['buyer'],
              },
              {
                id: 'S',
                name: 'Green Co',
                identifier: { scheme: 'X', id: 'G1' },
                contactPoint: { email: 'a@b.example,c' },
                roles: ['supplier'],
              },
            ],
            tender: { id: 't', title: `Mowing ${'x'.repeat(400)}`, procurementMethod: 'open' },
            awards: [{ id: 'a1', value: { amount: 100 }, suppliers: [{ id: 'S', name: 'Green Co' }] }],
            contracts: [
              { id: 'Contrato No. 12/2014', awardID: 'a1', period: { startDate: '2024-02-30', endDate: '2024-03-31' } },
            ],
          },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(response.body.repaired).toEqual(
      expect.arrayContaining([
        {
          path: '$.releases[0].parties[1].contactPoint.email',
          message: 'not a plain email address (a@b.example,c): not stored',
        },
        {
          path: '$.releases[0].parties[0].contactPoint.email',
          message: 'not a plain email address ("x,y@evil.example"@city.example): not stored',
        },
        { path: '$.releases[0].tender.title', message: 'longer than 300 characters: shortened' },
        {
          path: '$.releases[0].contracts[0].id',
          message: 'not a valid reference number: recorded as Contrato-No.-12/2014',
        },
      ]),
    );
    expect(response.body.skipped).toEqual(
      expect.arrayContaining([{ path: '$.releases[0].contracts[0].period.startDate', message: 'not a date' }]),
    );
    const [vendor] = await testApp.dataSource.query(`SELECT email FROM vendors`);
    expect(vendor.email).toMatch(/^unknown-[0-9a-f]{12}@ocds-import\.invalid$/);
    const [department] = await testApp.dataSource.query(`SELECT head_email FROM departments`);
    expect(department.head_email).toMatch(/@ocds-import\.invalid$/);
    const [contract] = await testApp.dataSource.query(`SELECT number, start_date::text AS start FROM contracts`);
    expect(contract).toEqual({ number: 'Contrato-No.-12/2014', start: expect.not.stringMatching('2024-02-30') });
    const [{ length }] = await testApp.dataSource.query(`SELECT length(title)::int AS length FROM solicitations`);
    expect(length).toBe(300);
  });

  it.each([
    ['not a package', '[1, 2]', '$'],
    ['releases of the wrong type', '{"releases": {"ocid": "x"}}', '$.releases'],
    [
      'an item of the wrong type',
      '{"releases": [{"ocid": "x", "awards": [{"suppliers": "Acme"}]}, 3]}',
      '$.releases[0].awards[0].suppliers',
    ],
  ])('should answer 400 for %s and write nothing', async (_name, rawBody, field) => {
    const response = await testApp.http.post(IMPORT, {
      token: officer,
      rawBody,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await tableCounts()).toEqual(Object.fromEntries(KINDS.map((kind) => [kind, 0])));
  });

  it('should answer 400 for a body that is not JSON and write nothing', async () => {
    const response = await testApp.http.post(IMPORT, {
      token: officer,
      rawBody: '{"releases": [',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: '$', message: expect.stringContaining('JSON') }]);
    expect(await tableCounts()).toEqual(Object.fromEntries(KINDS.map((kind) => [kind, 0])));
  });

  it('should refuse department heads and vendors', async () => {
    const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [] });
    expect((await testApp.http.post(IMPORT, { token: head, body: { releases: [] } })).status).toBe(403);
    expect((await testApp.http.post(IMPORT, { body: { releases: [] } })).status).toBe(401);
  });

  it('should import a file from the command line', async () => {
    const file = jsonFiles(join(dataDir, 'mexico-jalisco', 'record-packages'))[0]!;
    const cli = startAppProcess('cli', { DATABASE_URL: process.env.DATABASE_URL!, LOG_LEVEL: 'error' }, [
      'import:ocds',
      file,
    ]);
    expect(await cli.waitForExit(30_000)).toEqual({ code: 0, signal: null });
    const report = JSON.parse(cli.output().trim().split('\n').at(-1)!);
    expect(report.created.solicitations).toBe(1);
    expect((await tableCounts()).solicitations).toBe(1);
    const [{ n }] = await testApp.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE actor_name = 'cli'`,
    );
    expect(n).toBeGreaterThan(0);
  });
});
