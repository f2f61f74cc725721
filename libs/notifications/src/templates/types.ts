// The inputs of the email templates: plain values the caller has already looked up and put into words (the
// period label, the contract link). Templates know nothing about contracts beyond what they are given.

/** The languages emails are written in (a vendor's `preferredLanguage`). */
export const EMAIL_LANGUAGES = ['en', 'es', 'pt'] as const;
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number];

export type EmailKpiDirection = 'higher_is_better' | 'lower_is_better';
export type EmailKpiStatus = 'on_track' | 'at_risk' | 'off_track' | 'missing';

/** A formal performance evaluation's rating (the product design §9). */
export type EmailPerformanceRating = 'good' | 'approaching_target' | 'requires_improvement' | 'inadequate';

/** A rendered email: the HTML part and the plain-text part carry the same facts. */
export type RenderedEmail = { subject: string; text: string; html: string };

/** What every email says about its contract and period. */
export type EmailContractInput = {
  language: EmailLanguage;
  vendorName: string;
  contractNumber: string;
  contractTitle: string;
  departmentName: string;
  /** The period in words, in the email's language ("March 2026", "marzo de 2026"). */
  periodLabel: string;
  /** Absolute http(s) link to the contract, built from PUBLIC_BASE_URL. */
  contractUrl: string;
  /** The contract manager: whom the recipient should contact. */
  managerEmail: string;
  /** The sending organisation ("Procurement Office"). */
  cityName: string;
};

/** One KPI of an off-track digest, with its result for the period. */
export type OffTrackKpi = {
  name: string;
  unit: string;
  direction: EmailKpiDirection;
  value: number;
  target: number;
  offTrackThreshold: number;
  status: 'off_track' | 'at_risk';
};

/** To the vendor (cc the contract manager): every off-track and at-risk KPI of the contract for the period. */
export type OffTrackInput = EmailContractInput & {
  kpis: OffTrackKpi[];
  /** `YYYY-MM-DD`: the date by which the vendor should send its corrective action plan to the contract manager. */
  respondBy: string;
};

/** One KPI that has no value for the period. */
export type MissingDataKpi = {
  /** The KPI's id, for the measurement endpoint `PUT /kpis/{kpiId}/measurements/{period}`. */
  kpiId: string;
  name: string;
  unit: string;
};

/** To the vendor: the KPIs that lack data for the period, and how to submit it. */
export type MissingDataInput = EmailContractInput & {
  /** The period as the API writes it (`2026-03`, `2026-Q1`, `2026`): the measurement URL and CSV column use it. */
  period: string;
  kpis: MissingDataKpi[];
  /** `YYYY-MM-DD`: the date by which the missing values should be submitted. */
  submitBy: string;
  /** Absolute http(s) base URL of the API, e.g. `https://contracts.city.example/api/v1`. */
  apiBaseUrl: string;
};

/** One result of an escalated KPI; `value` is null when no data was reported. */
export type EscalationHistoryEntry = { periodLabel: string; value: number | null };

/** One KPI that has been off track for the escalation number of consecutive periods. */
export type EscalationKpi = {
  name: string;
  unit: string;
  direction: EmailKpiDirection;
  target: number;
  offTrackThreshold: number;
  /** How many consecutive periods, up to this one, the KPI has been off track. */
  consecutivePeriods: number;
  /** Recent results, oldest first; the last entry is the period the email is about. */
  history: EscalationHistoryEntry[];
};

/** To the department head (cc the contract manager): KPIs off track for `escalateAfterPeriods` periods in a row. */
export type EscalationInput = EmailContractInput & {
  kpis: EscalationKpi[];
  escalateAfterPeriods: number;
};

/** The headline figures of a meeting pack, for the email's summary. */
export type MeetingPackFigures = {
  activeContracts: number;
  kpisEvaluated: number;
  onTrack: number;
  atRisk: number;
  missing: number;
  offTrack: number;
  /** 0–100, or null when no KPI was evaluated. */
  onTrackPercent: number | null;
  /** Contracts whose status for the month is off track or at risk. */
  contractsNeedingAttention: number;
  /** KPIs on track or at risk whose trend line crosses the off-track threshold next period (the early warning). */
  worseningKpis: number;
};

/** To the department head: the monthly performance-meeting pack, attached as a PDF, with its headline figures. */
export type MeetingPackInput = {
  language: EmailLanguage;
  departmentName: string;
  /** The month in words, in the email's language ("March 2026", "marzo de 2026"). */
  periodLabel: string;
  /** The attached PDF's file name. */
  attachmentName: string;
  /** Absolute http(s) link to the pack as a web page, built from PUBLIC_BASE_URL. */
  packUrl: string;
  figures: MeetingPackFigures;
  /** The sending organisation ("Procurement Office"). */
  cityName: string;
};

/**
 * To the vendor (cc the contract manager): a performance evaluation issued for its comment. The contract link is
 * the portal's contract page; the period is the range, given as its first and last months in words.
 */
export type PerformanceEvaluationInput = Omit<EmailContractInput, 'periodLabel'> & {
  /** The range's first and last months in words ("January 2026", "enero de 2026"); the same for one month. */
  fromLabel: string;
  toLabel: string;
  rating: EmailPerformanceRating;
  /** The officer's narrative, as written; null when there is none. */
  narrative: string | null;
  /** The KPI results the rating was proposed from. */
  figures: { evaluated: number; onTrack: number; onTrackPercent: number | null };
  /** `YYYY-MM-DD`: the last day the vendor may comment. */
  commentDueOn: string;
};

/** One KPI's latest evaluated result, for the expiry email. */
export type ContractExpiryKpi = {
  name: string;
  unit: string;
  direction: EmailKpiDirection;
  /** The result's period in words. */
  periodLabel: string;
  value: number | null;
  target: number;
  status: EmailKpiStatus;
};

/** To the contract manager, 120 and 60 days before the contract's end date: its results and the decision to take. */
export type ContractExpiryInput = {
  language: EmailLanguage;
  contractNumber: string;
  contractTitle: string;
  vendorName: string;
  departmentName: string;
  /** `YYYY-MM-DD`, the contract's last day. */
  endDate: string;
  /** Calendar days from the city's today to the end date. */
  daysLeft: number;
  /** The contract's results over the last `months` months; `evaluated` 0 when there are none. */
  results: { months: number; evaluated: number; onTrack: number; onTrackPercent: number | null };
  /** Each KPI's latest result; may be empty. */
  kpis: ContractExpiryKpi[];
  /** Absolute http(s) link to the contract (the portal). */
  contractUrl: string;
  cityName: string;
};
