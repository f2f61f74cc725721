// The pack's figures in words, shared by its HTML and PDF renderers so both say exactly the same, with the numbers
// formatted as in every PDF report. The pack is written in US English, like the city's other reports; the email
// that carries it is in the department heads' language.
import { describePeriod, parsePeriod, type KpiDirection, type NotificationStatus } from '#domain';
import { formatMoney, formatNumber, formatPercent, NO_VALUE } from '../pdf/pdf-format.js';
import { STATUS_LABELS } from '../pdf/pdf-palette.js';
import type { ContractNoticeKind, MeetingPack, MeetingPackKpi } from './meeting-pack.js';

/** Status words, as every report writes them. */
export const STATUS_WORDS = STATUS_LABELS;

export const NOTICE_WORDS: Record<ContractNoticeKind, string> = {
  off_track: 'Off-track notice',
  missing_data: 'Missing-data notice',
  escalation: 'Escalation',
};

export const DELIVERY_WORDS: Record<NotificationStatus, string> = {
  pending: 'Pending',
  sent: 'Sent',
  failed: 'Failed',
  suppressed: 'Suppressed (stale)',
};

/** Shown where there is no value: a month without evaluation, a share of nothing. */
export const NONE = NO_VALUE;

/** A number with its unit: "98.5%", "72 hours", or the number alone. */
export function withUnit(value: number, unit: string): string {
  const trimmed = unit.trim();
  if (trimmed === '') return formatNumber(value);
  return trimmed === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)} ${trimmed}`;
}

export function kpiValueText(kpi: MeetingPackKpi): string {
  return kpi.value === null ? 'no data' : withUnit(kpi.value, kpi.unit);
}

/** "95% or more" when higher is better, "48 hours or less" when lower is. */
export function targetText(kpi: { direction: KpiDirection; target: number; unit: string }): string {
  return `${withUnit(kpi.target, kpi.unit)} ${kpi.direction === 'higher_is_better' ? 'or more' : 'or less'}`;
}

/** "below 90%" when higher is better, "above 60 hours" when lower is. */
export function offTrackIfText(kpi: { direction: KpiDirection; offTrackThreshold: number; unit: string }): string {
  return `${kpi.direction === 'higher_is_better' ? 'below' : 'above'} ${withUnit(kpi.offTrackThreshold, kpi.unit)}`;
}

/** "March 2026", "Q1 2026 (January–March)". */
export function periodWords(periodKey: string): string {
  return describePeriod(parsePeriod(periodKey)!, 'en');
}

/** "Mar 2026", for trend columns. */
export function shortMonth(month: string): string {
  const [year, index] = month.split('-');
  return `${SHORT_MONTHS[Number(index) - 1]} ${year}`;
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function packTitle(pack: MeetingPack): string {
  return `Performance meeting pack: ${pack.department.name}, ${periodWords(pack.month)}`;
}

/** What the pack covers, in a sentence. */
export function coverageText(pack: MeetingPack): string {
  const periods = pack.periods.map(periodWords).join(', ');
  return `Department ${pack.department.code}. Covers the evaluations of ${periods}; trends show the six months to ${periodWords(pack.month)}.`;
}

/** That the month's figures are not final while KPI periods are within their grace days; null once they are. */
export function withinGraceText(pack: MeetingPack): string | null {
  const { kpiPeriods, dueOn } = pack.withinGrace;
  if (kpiPeriods === 0) return null;
  const periods = kpiPeriods === 1 ? '1 KPI period is' : `${formatNumber(kpiPeriods)} KPI periods are`;
  return `Not final: ${periods} still within the grace days for reporting, the last until it falls due on ${dueOn}.`;
}

/** The headline figures as label and value, in the order both renderers show them. */
export function headlineRows(pack: MeetingPack, currency: string): [string, string][] {
  const { headline } = pack;
  return [
    ['Contracts active in the month', formatNumber(headline.activeContracts)],
    ['KPIs evaluated', formatNumber(headline.kpisEvaluated)],
    [STATUS_WORDS.on_track, formatNumber(headline.statusCounts.on_track)],
    [STATUS_WORDS.at_risk, formatNumber(headline.statusCounts.at_risk)],
    [STATUS_WORDS.missing, formatNumber(headline.statusCounts.missing)],
    [STATUS_WORDS.off_track, formatNumber(headline.statusCounts.off_track)],
    ['On-track share', formatPercent(headline.onTrackPercent)],
    ['Contracts off track or at risk', formatNumber(pack.contracts.length)],
    ['Off-track notices', formatNumber(headline.notices.off_track)],
    ['Missing-data notices', formatNumber(headline.notices.missing_data)],
    ['Escalations', formatNumber(headline.notices.escalation)],
    ['Payments in the month', formatMoney(headline.payments.total, currency)],
    ['Paid to diverse vendors', formatMoney(headline.payments.diverse, currency)],
    ['Diverse share of payments', formatPercent(headline.payments.diversePercent)],
  ];
}

export function goalMetText(met: boolean | null): string {
  return met === null ? NONE : met ? 'Met' : 'Not met';
}
