// The monthly performance-meeting pack of one department, as plain data: what the loader reads and the HTML and
// PDF renderers write. Amounts are in the city's currency; percentages are 0–100 with one decimal.
import type {
  ContractTrend,
  EngagementKind,
  KpiDirection,
  KpiStatus,
  KpiTrend,
  NotificationStatus,
  PeriodNotificationKind,
} from '#domain';

/** The kinds of notice sent about a contract (the pack itself is not one of them). */
export type ContractNoticeKind = Exclude<PeriodNotificationKind, 'meeting_pack'>;
export const CONTRACT_NOTICE_KINDS: readonly ContractNoticeKind[] = ['off_track', 'missing_data', 'escalation'];

/** One KPI's result for a period the pack covers. */
export type MeetingPackKpi = {
  name: string;
  unit: string;
  direction: KpiDirection;
  period: string;
  /** Null when the value was missing. */
  value: number | null;
  target: number;
  offTrackThreshold: number;
  status: KpiStatus;
};

/** A contract whose status for the month is off track or at risk, with its KPIs and its six-month trend. */
export type MeetingPackContract = {
  contractId: string;
  number: string;
  title: string;
  vendorName: string;
  status: Extract<KpiStatus, 'off_track' | 'at_risk'>;
  /** Every KPI evaluated for the month (on-track ones too), by name then period. */
  kpis: MeetingPackKpi[];
  /** Oldest month first, ending with the pack's month. */
  trend: ContractTrend;
};

/** The early warning: a KPI on track or at risk in the month whose trend line crosses its threshold next period. */
export type MeetingPackWorseningKpi = MeetingPackKpi & {
  contractId: string;
  contractNumber: string;
  vendorName: string;
  status: Extract<KpiStatus, 'on_track' | 'at_risk'>;
  trend: KpiTrend;
};

export type MeetingPackNotice = {
  contractNumber: string;
  kind: ContractNoticeKind;
  period: string;
  to: string[];
  cc: string[];
  status: NotificationStatus;
  sentAt: Date | null;
};

export type MeetingPackMissingKpi = {
  contractNumber: string;
  vendorName: string;
  kpiName: string;
  unit: string;
  period: string;
};

/** Payments under a contract with a diversity goal, from its start to the end of the pack's month. */
export type MeetingPackDiversity = {
  contractNumber: string;
  title: string;
  vendorName: string;
  goalPercent: number;
  paidTotal: number;
  /** Paid to payees that were diverse on the day of payment. */
  paidDiverse: number;
  /** Null when nothing was paid yet. */
  diversePercent: number | null;
  /** Null when nothing was paid yet. */
  goalMet: boolean | null;
};

/** One of a contract's recent engagements: the last three of each contract in the trend's six months. */
export type MeetingPackEngagement = {
  contractNumber: string;
  vendorName: string;
  /** `YYYY-MM-DD`, the day it took place. */
  date: string;
  kind: EngagementKind;
  attendees: string[];
  /** How many actions were agreed. */
  actions: number;
};

export type MeetingPackHeadline = {
  /** Contracts whose dates overlap the month. */
  activeContracts: number;
  /** KPI evaluations of the periods the pack covers. */
  kpisEvaluated: number;
  statusCounts: Record<KpiStatus, number>;
  onTrackPercent: number | null;
  /** Notices recorded for the periods the pack covers, whatever their delivery status. */
  notices: Record<ContractNoticeKind, number>;
  /** Payments under the department's contracts with `paidOn` in the month. */
  payments: { total: number; diverse: number; diversePercent: number | null };
};

export type MeetingPack = {
  department: { id: string; code: string; name: string; headEmail: string };
  /** The pack's month, `YYYY-MM`. */
  month: string;
  /** The period keys it covers: the month, and the quarter and year ending with it. */
  periods: string[];
  /** The trend's months, oldest first. */
  trendMonths: string[];
  /**
   * The covered KPI periods not evaluated yet and not yet due when the pack was read (`periodsWithinGrace()`): while
   * there are any, the month's figures may still change. `lastDueAt` is when the last of them falls due, `dueOn`
   * that instant's day in the city (`YYYY-MM-DD`); both null when there are none.
   */
  withinGrace: { kpiPeriods: number; lastDueAt: Date | null; dueOn: string | null };
  headline: MeetingPackHeadline;
  /** Off-track contracts first, then at-risk ones, each by number. */
  contracts: MeetingPackContract[];
  notices: MeetingPackNotice[];
  missingKpis: MeetingPackMissingKpi[];
  /** How many evaluated values each trend line is drawn through (`TREND_PERIODS`). */
  trendPeriods: number;
  /** KPIs heading off track, by contract number then KPI name. */
  worsening: MeetingPackWorseningKpi[];
  diversity: MeetingPackDiversity[];
  /** By contract number, latest first within each contract. */
  engagements: MeetingPackEngagement[];
};

/** `meeting-pack_PW_2026-03.pdf`: the department's code kept to characters every file system and header takes. */
export function meetingPackFileName(departmentCode: string, month: string, extension: 'pdf' | 'html'): string {
  return `meeting-pack_${departmentCode.replace(/[^A-Za-z0-9_-]/g, '_')}_${month}.${extension}`;
}
