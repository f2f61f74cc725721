// The pack's figures in words, shared by its HTML and PDF renderers so both say exactly the same. The words are
// the email catalogues' (`pack` and the shared status and target messages of #notifications), so the pack speaks
// the language of the email that carries it, `ESCALATION_LANGUAGE`; numbers follow that language's locale.
import { describePeriod, parsePeriod, type KpiDirection, type KpiStatus, type Language } from '#domain';
import { formatCalendarDate, messagesFor, type MessageCatalogue } from '#notifications';
import { formatMoney, formatNumber, formatPercent, NO_VALUE } from '../pdf/pdf-format.js';
import type { MeetingPack, MeetingPackKpi, MeetingPackWorseningKpi } from './meeting-pack.js';

/** Shown where there is no value: a month without evaluation, a share of nothing. */
export const NONE = NO_VALUE;

/** The pack's words and formats in one language. */
export type PackText = ReturnType<typeof packText>;

export function packText(language: Language) {
  const messages: MessageCatalogue = messagesFor(language);
  const { locale, pack: words } = messages;
  const number = (value: number) => formatNumber(value, 4, locale);
  const percent = (value: number | null) => formatPercent(value, locale);
  const money = (amount: number | null, currency: string) => formatMoney(amount, currency, locale);
  const quantity = (value: number, unit: string) => messages.quantity({ value: number(value), unit: unit.trim() });
  /** "March 2026", "Q1 2026 (January–March)", in the language. */
  const periodWords = (periodKey: string) => describePeriod(parsePeriod(periodKey)!, language);
  const shortMonths = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });

  return {
    language,
    locale,
    words,
    status: messages.status as Readonly<Record<KpiStatus, string>>,
    number,
    percent,
    money,
    periodWords,
    /** "Mar 2026", for trend columns. */
    shortMonth: (month: string) => shortMonths.format(new Date(`${month}-15T12:00:00Z`)),
    kpiValue: (kpi: MeetingPackKpi) => (kpi.value === null ? messages.noData : quantity(kpi.value, kpi.unit)),
    /** The value the KPI's trend line projects, with its unit. */
    projectedValue: (kpi: MeetingPackWorseningKpi) => quantity(kpi.trend.projectedValue, kpi.unit),
    /** "95% or more" when higher is better, "48 hours or less" when lower is. */
    target: (kpi: { direction: KpiDirection; target: number; unit: string }) =>
      messages.target({ direction: kpi.direction, quantity: quantity(kpi.target, kpi.unit) }),
    /** "below 90%" when higher is better, "above 60 hours" when lower is. */
    offTrackIf: (kpi: { direction: KpiDirection; offTrackThreshold: number; unit: string }) =>
      messages.offTrackIf({ direction: kpi.direction, quantity: quantity(kpi.offTrackThreshold, kpi.unit) }),
    title: (pack: MeetingPack) =>
      words.title({ departmentName: pack.department.name, periodLabel: periodWords(pack.month) }),
    subtitle: (pack: MeetingPack) =>
      words.subtitle({
        departmentName: pack.department.name,
        departmentCode: pack.department.code,
        periodLabel: periodWords(pack.month),
      }),
    /** What the pack covers, in a sentence. */
    coverage: (pack: MeetingPack) =>
      words.coverage({
        departmentCode: pack.department.code,
        periodLabels: pack.periods.map(periodWords).join(', '),
        monthLabel: periodWords(pack.month),
      }),
    /** That the month's figures are not final while KPI periods are within their grace days; null once none is. */
    notFinal: ({ withinGrace }: MeetingPack) =>
      withinGrace.kpiPeriods === 0 || withinGrace.dueOn === null
        ? null
        : words.notFinal({ count: withinGrace.kpiPeriods, dueOn: formatCalendarDate(withinGrace.dueOn, locale) }),
    /** The headline figures as label and value, in the order both renderers show them. */
    headlineRows: (pack: MeetingPack, currency: string): [string, string][] => {
      const { headline } = pack;
      const { figures } = words;
      const status = messages.status;
      return [
        [figures.activeContracts, number(headline.activeContracts)],
        [figures.kpisEvaluated, number(headline.kpisEvaluated)],
        [status.on_track, number(headline.statusCounts.on_track)],
        [status.at_risk, number(headline.statusCounts.at_risk)],
        [status.missing, number(headline.statusCounts.missing)],
        [status.off_track, number(headline.statusCounts.off_track)],
        [figures.onTrackShare, percent(headline.onTrackPercent)],
        [figures.contractsNeedingAttention, number(pack.contracts.length)],
        [figures.worseningKpis, number(pack.worsening.length)],
        [figures.offTrackNotices, number(headline.notices.off_track)],
        [figures.missingDataNotices, number(headline.notices.missing_data)],
        [figures.escalations, number(headline.notices.escalation)],
        [figures.payments, money(headline.payments.total, currency)],
        [figures.paidDiverse, money(headline.payments.diverse, currency)],
        [figures.diverseShare, percent(headline.payments.diversePercent)],
      ];
    },
    /** Contract (with vendor), day, kind, attendees and the number of actions, as both renderers show them. */
    engagementRows: (pack: MeetingPack): string[][] =>
      pack.engagements.map((engagement) => [
        `${engagement.contractNumber} (${engagement.vendorName})`,
        formatCalendarDate(engagement.date, locale),
        words.engagements.kinds[engagement.kind],
        engagement.attendees.join(', '),
        number(engagement.actions),
      ]),
    goalMet: (met: boolean | null) => (met === null ? NONE : met ? words.diversity.met : words.diversity.notMet),
  };
}
