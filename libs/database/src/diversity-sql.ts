import type { CertificationType } from '#domain';
import { NEW_VENDOR_LOOKBACK_MONTHS, NON_DIVERSE_CERTIFICATION_TYPES } from '#domain';

// SQL twins of the rules in diversity.ts, for set-based reports. `vendorId`, `date` and `awardAt` are SQL
// expressions (a column, a cast literal); a test runs both sides over the same grid to hold them together.

const NON_DIVERSE = NON_DIVERSE_CERTIFICATION_TYPES.map((type) => `'${type}'`).join(', ');

/** isDiverseOn(): a certification of a diverse type, valid on the calendar date `date`, inclusive. */
export function isDiverseOnSql(vendorId: string, date: string): string {
  return `EXISTS (SELECT 1 FROM vendor_certifications diverse_cert
     WHERE diverse_cert.vendor_id = ${vendorId} AND diverse_cert.type NOT IN (${NON_DIVERSE})
       AND diverse_cert.valid_from <= ${date} AND (diverse_cert.valid_to IS NULL OR ${date} <= diverse_cert.valid_to))`;
}

/** hasValidCertificationOn(): a certification of `type` valid on the calendar date `date`. */
export function hasValidCertificationOnSql(vendorId: string, type: CertificationType, date: string): string {
  return `EXISTS (SELECT 1 FROM vendor_certifications typed_cert
     WHERE typed_cert.vendor_id = ${vendorId} AND typed_cert.type = '${type}'
       AND typed_cert.valid_from <= ${date} AND (typed_cert.valid_to IS NULL OR ${date} <= typed_cert.valid_to))`;
}

/**
 * isNewVendorAt(): no award to the vendor in [awardAt − 36 months, awardAt). An award is a solicitation awarded
 * with its contract to the vendor. The months are counted in UTC, as in TypeScript: PostgreSQL clamps a day the
 * target month lacks to its last day, as subtractCalendarMonths() does.
 */
export function isNewVendorAtSql(vendorId: string, awardAt: string): string {
  return `NOT EXISTS (SELECT 1 FROM solicitations prior_award
       JOIN contracts prior_contract ON prior_contract.solicitation_id = prior_award.id
     WHERE prior_contract.vendor_id = ${vendorId} AND prior_award.awarded_at < ${awardAt}
       AND prior_award.awarded_at >=
           ((${awardAt}) AT TIME ZONE 'UTC' - interval '${NEW_VENDOR_LOOKBACK_MONTHS} months') AT TIME ZONE 'UTC')`;
}
