// The words of the emails, one catalogue per language (en.ts, es.ts, pt.ts). Each language module is typed as a
// MessageCatalogue, so a missing or misspelt message is a compile error. Messages are plain text: the templates
// escape them for HTML and add the markup. Messages with values take one object, named as below.
import type { EmailKpiDirection, EmailKpiStatus, EmailPerformanceRating } from '../types.js';

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
      /** KPIs on track or at risk whose line crosses the off-track threshold next period. */
      worseningKpis: string;
    };
    /** The figures are those at sending; the web page shows the current ones. */
    asOfSending: string;
    link: string;
    /** No contract manager to name: the pack is about the whole department. */
    footer: Message<{ cityName: string }>;
  };

  performanceEvaluation: {
    subject: Message<Subject>;
    /** The range of months in words, from the first month's and the last month's labels. */
    range: Message<{ fromLabel: string; toLabel: string }>;
    intro: Message<Contract>;
    /** The ratings in words. */
    ratings: Record<EmailPerformanceRating, string>;
    ratingIs: Message<{ rating: string }>;
    tableCaption: Message<{ periodLabel: string }>;
    columns: { figure: string; value: string };
    figures: { rating: string; evaluated: string; onTrack: string; onTrackPercent: string };
    narrativeHeading: string;
    /** The vendor may comment until `date` (in words). */
    commentRequest: Message<{ date: string }>;
    /** What happens after the deadline. */
    afterDeadline: string;
  };

  /** To the contract manager, 120 and 60 days before a contract's end date: the decision to take. */
  contractExpiry: {
    subject: Message<{ contractNumber: string; endDate: string; daysLeft: number }>;
    greeting: string;
    intro: Message<{
      contractNumber: string;
      contractTitle: string;
      vendorName: string;
      departmentName: string;
      endDate: string;
      daysLeft: number;
    }>;
    /** The on-track share of the contract's results over the last `months` months. */
    results: Message<{ onTrack: number; evaluated: number; percent: string; months: number }>;
    noResults: string;
    tableCaption: string;
    decisionHeading: string;
    decisionIntro: Message<{ endDate: string }>;
    /** Renew; re-procure; let it end. */
    decisions: [string, string, string];
    /** A renewal rests on a recent final performance evaluation. */
    renewalNote: string;
    link: Message<{ contractNumber: string }>;
    footer: Message<{ cityName: string }>;
  };

  /** The meeting pack itself, its web page and its PDF (drawn by #reporting), in the language of its email. */
  pack: {
    title: Message<{ departmentName: string; periodLabel: string }>;
    /** Every PDF page's header, beside the title. */
    subtitle: Message<{ departmentName: string; departmentCode: string; periodLabel: string }>;
    /** What the pack covers: `periodLabels` the covered periods in words, joined. */
    coverage: Message<{ departmentCode: string; periodLabels: string; monthLabel: string }>;
    /** KPI periods not evaluated yet and not yet due; `dueOn` a date in words. */
    notFinal: Message<{ count: number; dueOn: string }>;
    pageOf: Message<{ page: number; count: number }>;
    /** A month of the trend in which nothing was evaluated. */
    notEvaluated: string;
    headline: string;
    figures: {
      activeContracts: string;
      kpisEvaluated: string;
      onTrackShare: string;
      contractsNeedingAttention: string;
      offTrackNotices: string;
      missingDataNotices: string;
      escalations: string;
      payments: string;
      paidDiverse: string;
      diverseShare: string;
      worseningKpis: string;
    };
    columns: {
      figure: string;
      value: string;
      contract: string;
      vendor: string;
      kpi: string;
      period: string;
      target: string;
      offTrackIf: string;
      status: string;
      notice: string;
      to: string;
      cc: string;
      goal: string;
      paidToDate: string;
      paidDiverse: string;
      diverseShare: string;
      goalMet: string;
      trend: Message<{ count: number }>;
    };
    contracts: {
      heading: string;
      none: string;
      vendorAndStatus: Message<{ vendorName: string; status: string }>;
      kpisOf: Message<{ contractNumber: string }>;
      /** The PDF's table of those contracts' KPIs. */
      theirKpis: string;
    };
    notices: {
      heading: string;
      none: string;
      caption: string;
      kinds: Record<'off_track' | 'missing_data' | 'escalation', string>;
      delivery: Record<'pending' | 'sent' | 'failed' | 'suppressed', string>;
    };
    missing: { heading: string; none: string; caption: string };
    /** The early warning: KPIs on track or at risk whose least-squares line crosses the threshold next period. */
    worsening: {
      heading: string;
      intro: Message<{ count: number }>;
      none: string;
      caption: string;
      latest: string;
      projected: string;
      projectedPeriod: string;
    };
    diversity: {
      heading: string;
      none: string;
      caption: Message<{ monthLabel: string }>;
      met: string;
      notMet: string;
    };
    /** A contract's recent engagements (meetings, site visits, calls), the record of its active management. */
    engagements: {
      heading: string;
      none: string;
      caption: Message<{ monthLabel: string }>;
      kinds: Readonly<Record<'meeting' | 'site_visit' | 'call', string>>;
      columns: { date: string; kind: string; attendees: string; actions: string };
    };
  };
};
