import { typeormOptions, type Department, type Vendor } from '#database';
import { CERTIFICATION_TYPES, type CertificationType } from '#domain';
import {
  createCertification,
  createContract,
  createDepartment,
  createSolicitation,
  createVendor,
  resetDatabase,
} from '#testing';
import { DataSource } from 'typeorm';

/*
 * The rules that reports judge in SQL (migration ReportRuleFunctions; docs/metrics.md), asked of PostgreSQL
 * directly over grids worked out by hand: the first and last days of a validity, the open end, the types that do
 * not make a vendor diverse, the edges of the 36-month window (month ends clamped, counted in UTC, an award at the
 * very instant) and the percentages' exact halves and missing denominators.
 */
describe('the SQL rule functions', () => {
  let dataSource: DataSource;
  let department: Department;

  /** The one value of `SELECT <expression>` with the parameters $1, $2, …. */
  const answer = async (expression: string, parameters: unknown[]): Promise<unknown> =>
    ((await dataSource.query(`SELECT ${expression} AS answer`, parameters)) as { answer: unknown }[])[0].answer;
  // The rules that read tables are one-row tables, asked the way the reports ask them.
  const isDiverseOn = (vendor: Vendor, day: string) =>
    answer('(SELECT is_diverse FROM vendor_is_diverse_on($1, $2))', [vendor.id, day]);
  const hasCertificationOn = (vendor: Vendor, type: CertificationType, day: string) =>
    answer('(SELECT has_certification FROM vendor_has_certification_on($1, $2, $3))', [vendor.id, type, day]);
  const isNewAt = (vendor: Vendor, at: string) =>
    answer('(SELECT is_new FROM vendor_is_new_at($1, $2))', [vendor.id, new Date(at)]);

  beforeAll(async () => {
    dataSource = new DataSource(
      typeormOptions({ url: process.env.DATABASE_URL!, applicationName: 'cpt-test', poolSize: 2 }),
    );
    await dataSource.initialize();
    await resetDatabase(dataSource);
    department = await createDepartment(dataSource);
  });

  afterAll(() => dataSource.destroy());

  it('should be inlined by the planner where the reports call them, so that no row pays for a function call', async () => {
    const plan: { 'QUERY PLAN': string }[] = await dataSource.query(`
      EXPLAIN (VERBOSE)
      SELECT percent_of(count(*) FILTER (WHERE payee.is_diverse AND small.has_certification AND payee_history.is_new
                                           AND certification_is_valid_on(p.paid_on, NULL, p.paid_on)),
                        count(*))
        FROM payments p
       CROSS JOIN LATERAL vendor_is_diverse_on(p.payee_vendor_id, p.paid_on) payee
       CROSS JOIN LATERAL vendor_has_certification_on(p.payee_vendor_id, 'small_business', p.paid_on) small
       CROSS JOIN LATERAL vendor_is_new_at(p.payee_vendor_id, p.created_at) payee_history`);
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toContain('vendor_certifications');
    const rules = [
      'percent_of',
      'certification_is_valid_on',
      'vendor_is_diverse_on',
      'vendor_has_certification_on',
      'vendor_is_new_at',
    ];
    for (const rule of rules) expect(text).not.toContain(rule);
  });

  describe('certification_is_valid_on', () => {
    it.each<[string, string, string | null, string, boolean]>([
      ['the day before validFrom', '2025-03-10', '2025-03-20', '2025-03-09', false],
      ['validFrom itself', '2025-03-10', '2025-03-20', '2025-03-10', true],
      ['a day between', '2025-03-10', '2025-03-20', '2025-03-15', true],
      ['validTo itself', '2025-03-10', '2025-03-20', '2025-03-20', true],
      ['the day after validTo', '2025-03-10', '2025-03-20', '2025-03-21', false],
      ['a one-day validity on its day', '2024-02-29', '2024-02-29', '2024-02-29', true],
      ['a one-day validity the day after', '2024-02-29', '2024-02-29', '2024-03-01', false],
      ['no validTo, on validFrom', '2025-06-01', null, '2025-06-01', true],
      ['no validTo, the day before validFrom', '2025-06-01', null, '2025-05-31', false],
      ['no validTo, the last supported day', '2025-06-01', null, '9999-12-31', true],
    ])('should answer for %s', async (_case, validFrom, validTo, day, expected) => {
      expect(await answer('certification_is_valid_on($1, $2, $3)', [validFrom, validTo, day])).toBe(expected);
    });
  });

  describe('vendor_is_diverse_on', () => {
    let mixed: Vendor;
    let smallAndLocal: Vendor;
    let uncertified: Vendor;

    beforeAll(async () => {
      mixed = await createVendor(dataSource, { legalName: 'Mixed' });
      await createCertification(dataSource, mixed, {
        type: 'women_owned',
        validFrom: '2025-03-10',
        validTo: '2025-03-20',
      });
      await createCertification(dataSource, mixed, { type: 'small_business', validFrom: '2025-01-01' });
      await createCertification(dataSource, mixed, { type: 'local_business', validFrom: '2025-01-01' });
      await createCertification(dataSource, mixed, { type: 'veteran_owned', validFrom: '2025-06-01' });
      smallAndLocal = await createVendor(dataSource, { legalName: 'Small and Local' });
      await createCertification(dataSource, smallAndLocal, { type: 'small_business', validFrom: '2020-01-01' });
      await createCertification(dataSource, smallAndLocal, { type: 'local_business', validFrom: '2020-01-01' });
      uncertified = await createVendor(dataSource, { legalName: 'Uncertified' });
    });

    it.each<[string, () => Vendor, string, boolean]>([
      ['only small and local business valid', () => mixed, '2025-01-01', false],
      ['the day before women_owned starts', () => mixed, '2025-03-09', false],
      ['women_owned on its validFrom', () => mixed, '2025-03-10', true],
      ['women_owned on its validTo', () => mixed, '2025-03-20', true],
      ['the day after women_owned ends', () => mixed, '2025-03-21', false],
      ['the day before veteran_owned starts', () => mixed, '2025-05-31', false],
      ['veteran_owned on its validFrom', () => mixed, '2025-06-01', true],
      ['veteran_owned, open-ended, years later', () => mixed, '2099-12-31', true],
      ['small and local business alone', () => smallAndLocal, '2026-01-01', false],
      ['no certification', () => uncertified, '2026-01-01', false],
    ])('should answer for %s', async (_case, vendor, day, expected) => {
      expect(await isDiverseOn(vendor(), day)).toBe(expected);
    });

    // Written out rather than derived, so that a new type cannot join either side unnoticed.
    const DIVERSE_BY_TYPE: Record<CertificationType, boolean> = {
      minority_owned: true,
      women_owned: true,
      disadvantaged: true,
      veteran_owned: true,
      service_disabled_veteran_owned: true,
      lgbtq_owned: true,
      disability_owned: true,
      small_business: false,
      local_business: false,
    };

    it.each(CERTIFICATION_TYPES)('should judge a vendor holding only %s as the design says', async (type) => {
      const vendor = await createVendor(dataSource);
      await createCertification(dataSource, vendor, { type, validFrom: '2020-01-01' });
      expect(await isDiverseOn(vendor, '2026-01-01')).toBe(DIVERSE_BY_TYPE[type]);
    });
  });

  describe('vendor_has_certification_on', () => {
    let holder: Vendor;

    beforeAll(async () => {
      holder = await createVendor(dataSource, { legalName: 'Holder' });
      await createCertification(dataSource, holder, {
        type: 'small_business',
        validFrom: '2025-01-01',
        validTo: '2025-12-31',
      });
      await createCertification(dataSource, holder, { type: 'local_business', validFrom: '2026-02-01' });
      await createCertification(dataSource, holder, { type: 'women_owned', validFrom: '2020-01-01' });
      // Another vendor's certificate says nothing about this one.
      await createCertification(dataSource, await createVendor(dataSource), { type: 'minority_owned' });
    });

    it.each<[CertificationType, string, boolean]>([
      ['small_business', '2024-12-31', false],
      ['small_business', '2025-01-01', true],
      ['small_business', '2025-06-30', true],
      ['small_business', '2025-12-31', true],
      ['small_business', '2026-01-01', false],
      ['local_business', '2026-01-31', false],
      ['local_business', '2026-02-01', true],
      ['local_business', '2099-12-31', true],
      ['women_owned', '2026-03-15', true],
      ['minority_owned', '2026-03-15', false],
    ])('should find %s on %s: %p', async (type, day, expected) => {
      expect(await hasCertificationOn(holder, type, day)).toBe(expected);
    });
  });

  describe('vendor_is_new_at', () => {
    /** A solicitation awarded at `awardedAt` with its contract to `vendor`. */
    const award = async (vendor: Vendor, awardedAt: string) => {
      const solicitation = await createSolicitation(dataSource, department, {
        status: 'awarded',
        awardedAt: new Date(awardedAt),
      });
      await createContract(dataSource, vendor, department, { solicitationId: solicitation.id });
    };

    it.each<[string, string[], string, boolean]>([
      ['no earlier award', [], '2026-03-31T14:00:00.000Z', true],
      ['an award at the very instant', ['2026-03-31T14:00:00.000Z'], '2026-03-31T14:00:00.000Z', true],
      ['an award a millisecond before', ['2026-03-31T13:59:59.999Z'], '2026-03-31T14:00:00.000Z', false],
      ['only later awards', ['2026-03-31T14:00:00.001Z', '2030-06-01T00:00:00.000Z'], '2026-03-31T14:00:00.000Z', true],
      ['an award exactly 36 months before', ['2023-03-31T14:00:00.000Z'], '2026-03-31T14:00:00.000Z', false],
      ['an award 36 months and a millisecond before', ['2023-03-31T13:59:59.999Z'], '2026-03-31T14:00:00.000Z', true],
      [
        'one old and one recent award',
        ['2010-01-01T00:00:00.000Z', '2025-07-01T00:00:00.000Z'],
        '2026-03-31T14:00:00.000Z',
        false,
      ],
      // 2024-02-29 minus 36 months clamps to 2021-02-28, at the same time of day.
      [
        'a leap day looking back to the 28th, at the start',
        ['2021-02-28T10:00:00.000Z'],
        '2024-02-29T10:00:00.000Z',
        false,
      ],
      [
        'a leap day looking back to the 28th, just after',
        ['2021-02-28T10:00:00.000Z'],
        '2024-02-29T10:00:01.000Z',
        true,
      ],
      [
        'a leap day looking back to the 28th, just before',
        ['2021-02-28T10:00:00.000Z'],
        '2024-02-29T09:59:59.000Z',
        false,
      ],
      // 2027-02-28 minus 36 months is 2024-02-28, so the leap day that follows is inside the window.
      ['a leap-day award 36 months before the 28th', ['2024-02-29T09:00:00.000Z'], '2027-02-28T09:00:00.000Z', false],
      ['an award just before the window opens', ['2024-02-28T08:59:59.999Z'], '2027-02-28T09:00:00.000Z', true],
      // 2028-02-29 minus 36 months clamps to 2025-02-28.
      ['2025-02-28 seen from a leap day', ['2025-02-28T09:00:00.000Z'], '2028-02-29T09:00:00.000Z', false],
      ['2025-02-27 seen from a leap day', ['2025-02-27T09:00:00.000Z'], '2028-02-29T09:00:00.000Z', true],
      // Months are counted in UTC: 23:30Z on 05-31 is still 05-31 there, whatever the city's zone says.
      ['a month end in UTC, at the window start', ['2025-05-31T23:30:00.000Z'], '2028-05-31T23:30:00.000Z', false],
      ['a month end in UTC, the next UTC day', ['2025-05-31T23:30:00.000Z'], '2028-06-01T00:00:00.000Z', true],
    ])('should answer for %s', async (_case, earlier, at, expected) => {
      const vendor = await createVendor(dataSource);
      for (const awardedAt of earlier) await award(vendor, awardedAt);
      expect(await isNewAt(vendor, at)).toBe(expected);
    });

    it('should count only awards to the vendor, not contracts entered directly nor other vendors’ awards', async () => {
      const vendor = await createVendor(dataSource);
      const rival = await createVendor(dataSource);
      await createContract(dataSource, vendor, department, { startDate: '2026-01-01' });
      await award(rival, '2026-01-15T12:00:00.000Z');
      expect(await isNewAt(vendor, '2026-03-01T12:00:00.000Z')).toBe(true);
      expect(await isNewAt(rival, '2026-03-01T12:00:00.000Z')).toBe(false);
    });
  });

  describe('percent_of', () => {
    it.each<[string, number | string | null, number | string | null, number | null]>([
      ['a whole share', 1, 5, 20],
      ['all of it', 5, 5, 100],
      ['a third', 1, 3, 33.3],
      ['two thirds', 2, 3, 66.7],
      ['an exact half, 6.25, up', 1, 16, 6.3],
      ['an exact half, 0.25, up', 1, 400, 0.3],
      ['an exact half, 0.75, up', 3, 400, 0.8],
      ['an exact half a binary fraction would round down, 0.15', 3, 2000, 0.2],
      ['an exact half below zero, -6.25, away from zero', -1, 16, -6.3],
      ['just under a half, 0.04998', 1, 2001, 0],
      ['money with cents', '14000.00', '22500.50', 62.2],
      ['nothing of something', 0, 4, 0],
      ['a missing part (a FILTERed sum over no rows)', null, 4, 0],
      ['a zero whole', 0, 0, null],
      ['a part of a zero whole', 3, 0, null],
      ['a missing whole (a sum over no rows)', null, null, null],
    ])('should make %s: %p of %p is %p', async (_case, part, whole, expected) => {
      expect(await answer('percent_of($1, $2)', [part, whole])).toBe(expected);
    });
  });
});
