/** Languages of emails and pages: US English, Latin-American Spanish, Brazilian Portuguese. */
export const LANGUAGES = ['en', 'es', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Diversity certification types (the product design (§2)). */
export const CERTIFICATION_TYPES = [
  'minority_owned',
  'women_owned',
  'disadvantaged',
  'small_business',
  'veteran_owned',
  'service_disabled_veteran_owned',
  'lgbtq_owned',
  'disability_owned',
  'local_business',
] as const;
export type CertificationType = (typeof CERTIFICATION_TYPES)[number];
