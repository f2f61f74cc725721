import type { CertificationType } from './vendor-vocabulary.js';
import {
  hasValidCertificationOn,
  isDiverseOn,
  isNewVendorAt,
  subtractCalendarMonths,
  type CertificationValidity,
} from './diversity.js';

const certification = (
  type: CertificationType,
  validFrom: string,
  validTo: string | null = null,
): CertificationValidity => ({ type, validFrom, validTo });

describe('isDiverseOn', () => {
  it.each<[string, CertificationValidity[], string, boolean]>([
    ['no certifications', [], '2026-03-15', false],
    ['a diverse type valid that day', [certification('women_owned', '2025-01-01', '2026-12-31')], '2026-03-15', true],
    ['a diverse type with no expiry', [certification('minority_owned', '2020-01-01')], '2026-03-15', true],
    ['on the first day of validity', [certification('veteran_owned', '2026-03-15', '2026-12-31')], '2026-03-15', true],
    ['on the last day of validity', [certification('veteran_owned', '2025-01-01', '2026-03-15')], '2026-03-15', true],
    ['the day before validity starts', [certification('disadvantaged', '2026-03-16')], '2026-03-15', false],
    ['the day after it expired', [certification('lgbtq_owned', '2025-01-01', '2026-03-14')], '2026-03-15', false],
    ['small business only', [certification('small_business', '2020-01-01')], '2026-03-15', false],
    ['local business only', [certification('local_business', '2020-01-01')], '2026-03-15', false],
    [
      'small and local business besides an expired diverse one',
      [
        certification('small_business', '2020-01-01'),
        certification('local_business', '2020-01-01'),
        certification('disability_owned', '2020-01-01', '2025-12-31'),
      ],
      '2026-03-15',
      false,
    ],
    [
      'one valid diverse type among others',
      [
        certification('small_business', '2020-01-01'),
        certification('women_owned', '2019-01-01', '2020-01-01'),
        certification('service_disabled_veteran_owned', '2026-01-01', '2026-06-30'),
      ],
      '2026-03-15',
      true,
    ],
    ['across a year end', [certification('minority_owned', '2025-12-31', '2026-01-01')], '2026-01-01', true],
    ['on a leap day', [certification('minority_owned', '2024-02-29', '2024-02-29')], '2024-02-29', true],
  ])('should answer for %s', (_case, certifications, date, expected) => {
    expect(isDiverseOn(certifications, date)).toBe(expected);
  });
});

describe('hasValidCertificationOn', () => {
  const held = [
    certification('small_business', '2025-01-01', '2025-12-31'),
    certification('local_business', '2026-02-01'),
    certification('women_owned', '2020-01-01'),
  ];

  it.each<[CertificationType, string, boolean]>([
    ['small_business', '2025-06-30', true],
    ['small_business', '2025-12-31', true],
    ['small_business', '2026-01-01', false],
    ['small_business', '2024-12-31', false],
    ['local_business', '2026-01-31', false],
    ['local_business', '2026-02-01', true],
    ['local_business', '2099-12-31', true],
    ['women_owned', '2026-03-15', true],
    ['minority_owned', '2026-03-15', false],
  ])('should find %s on %s: %p', (type, date, expected) => {
    expect(hasValidCertificationOn(held, type, date)).toBe(expected);
  });

  it('should find nothing in an empty list', () => {
    expect(hasValidCertificationOn([], 'small_business', '2026-03-15')).toBe(false);
  });
});

describe('subtractCalendarMonths', () => {
  it.each([
    ['2026-03-31T00:00:00.000Z', 36, '2023-03-31T00:00:00.000Z'],
    ['2024-02-29T12:30:00.000Z', 12, '2023-02-28T12:30:00.000Z'],
    ['2024-02-29T12:30:00.000Z', 48, '2020-02-29T12:30:00.000Z'],
    ['2026-05-31T23:59:59.999Z', 3, '2026-02-28T23:59:59.999Z'],
    ['2028-05-31T08:00:00.000Z', 3, '2028-02-29T08:00:00.000Z'],
    ['2026-01-15T00:00:00.000Z', 1, '2025-12-15T00:00:00.000Z'],
    ['2026-01-15T00:00:00.000Z', 0, '2026-01-15T00:00:00.000Z'],
  ])('should take %s back %d months to %s', (from, months, expected) => {
    expect(subtractCalendarMonths(new Date(from), months).toISOString()).toBe(expected);
  });
});

describe('isNewVendorAt', () => {
  const at = (iso: string) => new Date(iso);
  const award = '2026-03-31T14:00:00.000Z';

  it.each<[string, string[], string, boolean]>([
    ['no earlier award', [], award, true],
    ['an award exactly 36 months before', ['2023-03-31T14:00:00.000Z'], award, false],
    ['an award one millisecond more than 36 months before', ['2023-03-31T13:59:59.999Z'], award, true],
    ['an award one day more than 36 months before', ['2023-03-30T14:00:00.000Z'], award, true],
    ['an award a day before', ['2026-03-30T14:00:00.000Z'], award, false],
    ['an award at the same instant', [award], award, true],
    ['an award later the same day', ['2026-03-31T15:00:00.000Z'], award, true],
    ['only later awards', ['2027-01-01T00:00:00.000Z', '2030-06-01T00:00:00.000Z'], award, true],
    ['one old and one recent award', ['2010-01-01T00:00:00.000Z', '2025-07-01T00:00:00.000Z'], award, false],
    // 2027-02-28 minus 36 months is 2024-02-28: a leap-day award is inside the window.
    ['a leap-day award 36 months before the 28th', ['2024-02-29T09:00:00.000Z'], '2027-02-28T09:00:00.000Z', false],
    ['an award on the 27th then', ['2024-02-27T09:00:00.000Z'], '2027-02-28T09:00:00.000Z', true],
    // 2027-02-28 minus 36 months starts on 2024-02-28 at the same time of day.
    ['an award on the 28th just before that time', ['2024-02-28T08:59:59.999Z'], '2027-02-28T09:00:00.000Z', true],
    // 2028-02-29 minus 36 months clamps to 2025-02-28.
    ['an award on 2025-02-28 before a leap-day award', ['2025-02-28T09:00:00.000Z'], '2028-02-29T09:00:00.000Z', false],
    ['an award on 2025-02-27 before a leap-day award', ['2025-02-27T09:00:00.000Z'], '2028-02-29T09:00:00.000Z', true],
  ])('should answer for %s', (_case, previous, awardAt, expected) => {
    expect(isNewVendorAt(previous.map(at), at(awardAt))).toBe(expected);
  });
});
