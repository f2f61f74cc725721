// Which emails an evaluated contract period calls for, to whom, and whether they are still timely (the product
// design §3). Pure: the worker reads the facts, this decides, the worker writes the outbox rows.
import { notificationKinds, type KpiOutcome } from '../evaluation/evaluate-kpi.js';
import type { NotificationKind, NotificationStatus } from '../notifications/notification-vocabulary.js';
import type { Language } from '../vendors/vendor-vocabulary.js';

/** How an outbox row starts: to be emailed, or recorded without being emailed. */
export type NewNoticeStatus = Extract<NotificationStatus, 'pending' | 'suppressed'>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `suppressed` when the period became due more than `notifyWithinDays` before it was first evaluated (loading
 * history must not flood anyone with stale notices), else `pending`. Meeting packs follow the same rule.
 */
export function newNoticeStatus(dueAt: Date, firstEvaluatedAt: Date, notifyWithinDays: number): NewNoticeStatus {
  return dueAt.getTime() < firstEvaluatedAt.getTime() - notifyWithinDays * DAY_MS ? 'suppressed' : 'pending';
}

/** An evaluated contract period: each KPI's status and off-track run, and who is told about it. */
export type ContractPeriodOutcome = {
  contractId: string;
  period: string;
  kpis: KpiOutcome[];
  escalateAfterPeriods: number;
  /** The earliest first evaluation among the period's KPIs. */
  firstEvaluatedAt: Date;
  dueAt: Date;
  vendorEmail: string;
  vendorLanguage: Language;
  managerEmail: string;
  headEmail: string;
};

/** An email a contract period calls for, addressed, ready for the outbox. */
export type Notice = {
  contractId: string;
  period: string;
  kind: NotificationKind;
  status: NewNoticeStatus;
  to: string[];
  cc: string[];
  language: Language;
};

export type NoticeSettings = { notifyWithinDays: number; escalationLanguage: Language };

/**
 * The notices of each evaluated contract period: off-track and missing-data emails to the vendor in its language
 * (off-track cc the contract manager), escalations to the department head cc the manager in the escalation
 * language; all of a period's notices are pending or suppressed together.
 */
export function decideNotices(outcomes: readonly ContractPeriodOutcome[], settings: NoticeSettings): Notice[] {
  return outcomes.flatMap((outcome) => {
    const status = newNoticeStatus(outcome.dueAt, outcome.firstEvaluatedAt, settings.notifyWithinDays);
    return notificationKinds(outcome.kpis, outcome.escalateAfterPeriods).map((kind): Notice => {
      const base = { contractId: outcome.contractId, period: outcome.period, kind, status };
      if (kind === 'escalation') {
        return { ...base, to: [outcome.headEmail], cc: [outcome.managerEmail], language: settings.escalationLanguage };
      }
      const cc = kind === 'off_track' ? [outcome.managerEmail] : [];
      return { ...base, to: [outcome.vendorEmail], cc, language: outcome.vendorLanguage };
    });
  });
}
