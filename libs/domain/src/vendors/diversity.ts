import type { CertificationType } from './vendor-vocabulary.js';

/** A certification as far as validity on a calendar date is concerned; dates are 'YYYY-MM-DD', inclusive. */
export type CertificationValidity = {
  type: CertificationType;
  validFrom: string;
  /** Null: does not expire. */
  validTo: string | null;
};

/** Certification types that are tracked and reported on their own and do not make a vendor diverse (§2). */
export const NON_DIVERSE_CERTIFICATION_TYPES: readonly CertificationType[] = ['small_business', 'local_business'];

/** How far back an earlier award keeps a vendor from counting as new (§2). */
export const NEW_VENDOR_LOOKBACK_MONTHS = 36;

/** True when the certification is valid on the calendar date 'YYYY-MM-DD'. */
export function isValidOn(certification: CertificationValidity, date: string): boolean {
  // 'YYYY-MM-DD' strings sort as the dates they name.
  return certification.validFrom <= date && (certification.validTo === null || date <= certification.validTo);
}

/** True when some certification valid on `date` has a type that counts as diverse. */
export function isDiverseOn(certifications: readonly CertificationValidity[], date: string): boolean {
  return certifications.some(
    (certification) => !NON_DIVERSE_CERTIFICATION_TYPES.includes(certification.type) && isValidOn(certification, date),
  );
}

/** True when a certification of `type` is valid on `date`. */
export function hasValidCertificationOn(
  certifications: readonly CertificationValidity[],
  type: CertificationType,
  date: string,
): boolean {
  return certifications.some((certification) => certification.type === type && isValidOn(certification, date));
}

/**
 * `instant` moved back by whole calendar months in UTC, keeping the time of day; a day the target month lacks
 * clamps to its last day (2024-02-29 minus 12 months is 2023-02-28).
 */
export function subtractCalendarMonths(instant: Date, months: number): Date {
  const monthIndex = instant.getUTCFullYear() * 12 + instant.getUTCMonth() - months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(instant.getUTCDate(), lastDay),
      instant.getUTCHours(),
      instant.getUTCMinutes(),
      instant.getUTCSeconds(),
      instant.getUTCMilliseconds(),
    ),
  );
}

/**
 * True when the vendor is new at an award at `awardAt`: none of its earlier awards falls in the 36 calendar
 * months before, i.e. in [awardAt - 36 months, awardAt). Awards at or after `awardAt` do not count.
 */
export function isNewVendorAt(previousAwardDates: readonly Date[], awardAt: Date): boolean {
  const windowStart = subtractCalendarMonths(awardAt, NEW_VENDOR_LOOKBACK_MONTHS).getTime();
  const end = awardAt.getTime();
  return !previousAwardDates.some((date) => date.getTime() >= windowStart && date.getTime() < end);
}
