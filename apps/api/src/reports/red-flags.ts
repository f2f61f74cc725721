// The red flags of the product design (§10) as the Open Contracting Partnership names them: "Red Flags for
// Integrity: Giving the green light to open data solutions" (2016) and its 2024 update, with the definitions and
// default thresholds of its Cardinal library (cardinal-rs) where it implements the flag. docs/metrics.md defines
// each one as this city's data computes it; any change to a definition raises RED_FLAGS_DEFINITIONS_VERSION.

export const RED_FLAGS_DEFINITIONS_VERSION = 1;

export const RED_FLAG_IDS = ['R003', 'R013', 'R018', 'R024', 'R028', 'R030', 'R058', 'R068'] as const;
export type RedFlagId = (typeof RED_FLAG_IDS)[number];

/** The title and one-line definition of each flag, as the report states them beside its thresholds. */
export const RED_FLAG_DEFINITIONS: Record<RedFlagId, { title: string; definition: string }> = {
  R003: {
    title: 'Short submission period',
    definition: 'Whole days from publication to the submission deadline (dueAt) are fewer than minDays.',
  },
  R013: {
    title: 'Non-competitive method',
    definition:
      'A direct method (sole_source, emergency) was used for a purchase whose value (the award, or before it the ' +
      'estimate) is at least minValue.',
  },
  R018: {
    title: 'Single bid received',
    definition: 'A competitive solicitation (rfp, ifb, cooperative), closed or awarded, received exactly one bid.',
  },
  R024: {
    title: 'Price close to the winning bid',
    definition:
      '(second-lowest bid − winning bid) / winning bid is at most the threshold (by default the lower fence ' +
      'Q1 − 1.5 × IQR of those differences in the report).',
  },
  R028: {
    title: 'Identical bid prices',
    definition: 'Different vendors bid exactly the same amount.',
  },
  R030: {
    title: 'Late bid won',
    definition: 'A winning bid was submitted after the submission deadline (dueAt).',
  },
  R058: {
    title: 'Heavily discounted bid',
    definition:
      '(second-lowest bid − winning bid) / winning bid is at least the threshold (by default the upper fence ' +
      'Q3 + 1.5 × IQR of those differences in the report).',
  },
  R068: {
    title: 'Payments above the contract value',
    definition: 'Payments recorded under a contract add up to more than its value plus tolerancePercent.',
  },
};

/** The figures that raised a flag, by name: amounts, days, instants. */
export type RedFlagFigures = Record<string, unknown>;

export type RedFlagSummary = {
  id: RedFlagId;
  title: string;
  definition: string;
  /** The threshold used, by name (computed fences with the quartiles they came from). */
  threshold: Record<string, number | null>;
  /** Solicitations of the report the flag could be computed for (the data it needs exist). */
  examined: number;
  flagged: number;
};

export type FlaggedSolicitation = {
  id: string;
  referenceNumber: string;
  title: string;
  departmentId: string;
  departmentCode: string;
  method: string;
  status: string;
  isKeyProcurement: boolean;
  flags: { id: RedFlagId; value: number; figures: RedFlagFigures }[];
};

export type RedFlagsReport = {
  from: string;
  to: string;
  departmentId: string | null;
  definitionsVersion: number;
  /** Solicitations in the range (and scope), flagged or not. */
  solicitations: number;
  flags: RedFlagSummary[];
  /** Only those with at least one flag, by department code then reference number. */
  flagged: FlaggedSolicitation[];
};

/** The CSV: one row per flag raised, the figures as `name=value` pairs. */
export const RED_FLAG_CSV_COLUMNS = [
  'department',
  'referenceNumber',
  'title',
  'method',
  'isKeyProcurement',
  'flag',
  'flagTitle',
  'value',
  'threshold',
  'figures',
] as const;
