// The words of the emails, one catalogue per language (en.ts, es.ts, pt.ts). Each language module is typed as a
// MessageCatalogue, so a missing or misspelt message is a compile error. Messages are plain text: the templates
// escape them for HTML and add the markup. Messages with values take one object, named as below.
import type { EmailKpiDirection, EmailKpiStatus } from '../types.js';

/** Locales for Intl and for the HTML `lang` attribute. */
/** How many consecutive periods, up to the email's, the escalated KPIs have been off track: the range of them. */
export type OffTrackRun = { shortest: number; longest: number };

export type EmailLocale = 'en-US' | 'es-419' | 'pt-BR';

type Message<Params> = (params: Params) => string;

type Count = { count: number };
type Contract = { contractNumber: string; contractTitle: string; departmentName: string; periodLabel: string };
type Subject = { contractNumber: string; periodLabel: string };

export type MessageCatalogue = {
  locale: EmailLocale;
  /** Status words, for tables. */
  status: Record<EmailKpiStatus, string>;
  /** A result that was not reported. */
  noData: string;
  /** A formatted number with its unit ("98.5%", "72.5 hours"). */
  quantity: Message<{ value: string; unit: string }>;
  /** The target in words, given the direction ("95% or more", "48 hours or less"). */
  target: Message<{ direction: EmailKpiDirection; quantity: string }>;
  /** When a result is off track, under the `offTrackIf` column ("below 90%", "above 60 hours"). */
  offTrackIf: Message<{ direction: EmailKpiDirection; quantity: string }>;
  columns: {
    indicator: string;
    result: string;
    latestResult: string;
    target: string;
    offTrackIf: string;
    status: string;
    unit: string;
    consecutivePeriods: string;
    period: string;
  };
  /** Shown where a KPI has no unit. */
  noUnit: string;
  greetingVendor: Message<{ vendorName: string }>;
  closing: string;
  /** The contract link's text. */
  contractLink: Message<{ contractNumber: string }>;
  /** Who sent the message and whom to contact. */
  footer: Message<{ cityName: string; managerEmail: string }>;

  offTrack: {
    subject: Message<Subject & { hasOffTrack: boolean }>;
    intro: Message<Contract>;
    summary: Message<{ offTrackCount: number; atRiskCount: number }>;
    tableCaption: Message<{ periodLabel: string }>;
    nextSteps: string;
    /** The request for a corrective action plan, and its deadline. */
    planRequest: Message<{ managerEmail: string; date: string }>;
    planContentsIntro: string;
    /** What the plan sets out: causes, actions, dates. */
    planContents: [string, string, string];
    /** What to do about at-risk KPIs; when nothing is off track it carries the deadline itself. */
    atRiskRequest: Message<{ hasOffTrack: boolean; managerEmail: string; date: string }>;
    closingRemark: string;
  };

  missingData: {
    subject: Message<Subject>;
    intro: Message<Contract & Count>;
    tableCaption: Message<{ periodLabel: string }>;
    submitRequest: Message<{ date: string }>;
    howToSubmit: string;
    howIntro: string;
    oneByOne: string;
    csvImport: string;
    valueFormat: Message<{ period: string }>;
    alternative: Message<{ managerEmail: string }>;
    closingRemark: string;
  };

  escalation: {
    /** `run`: the KPIs' off-track runs, shortest and longest; `periods`: the contract's escalation point. */
    subject: Message<Subject & { run: OffTrackRun }>;
    greeting: string;
    intro: Message<Contract & Count & { vendorName: string; run: OffTrackRun; periods: number }>;
    copied: Message<{ managerEmail: string }>;
    tableCaption: Message<{ periodLabel: string }>;
    recentResults: string;
    nextSteps: string;
    /** Meet the vendor; consider remedies under the contract; record the decision. */
    recommendations: [string, string, string];
  };

  meetingPack: {
    subject: Message<{ departmentName: string; periodLabel: string }>;
    greeting: string;
    intro: Message<{ departmentName: string; periodLabel: string; attachmentName: string }>;
    contents: string;
    tableCaption: Message<{ periodLabel: string }>;
    columns: { figure: string; value: string };
    figures: {
      activeContracts: string;
      kpisEvaluated: string;
      onTrackPercent: string;
      contractsNeedingAttention: string;
    };
    /** The figures are those at sending; the web page shows the current ones. */
    asOfSending: string;
    link: string;
    /** No contract manager to name: the pack is about the whole department. */
    footer: Message<{ cityName: string }>;
  };
};
