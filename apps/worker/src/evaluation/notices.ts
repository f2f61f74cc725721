import {
  notificationKinds,
  type KpiStatus,
  type Language,
  type NotificationKind,
  type NotificationStatus,
} from '#domain';

/** A touched contract period, as PERIOD_OUTCOMES returns it: its KPIs' statuses and off-track runs, pairwise. */
export type PeriodOutcome = {
  contract_id: string;
  period: string;
  statuses: KpiStatus[];
  off_track_runs: number[];
  escalate_after_periods: number;
  /** The earliest first evaluation among the period's KPIs. */
  first_evaluated_at: Date;
  due_at: Date;
  vendor_email: string;
  vendor_language: Language;
  manager_email: string;
  head_email: string;
};

/** An email a contract period calls for, addressed, ready for the outbox. */
export type Notice = {
  contractId: string;
  period: string;
  kind: NotificationKind;
  status: Extract<NotificationStatus, 'pending' | 'suppressed'>;
  to: string[];
  cc: string[];
  language: Language;
};

export type NoticeSettings = { notifyWithinDays: number; escalationLanguage: Language };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The notices for each touched contract period: which kinds (product design §3), to whom, in which language,
 * and whether they are stale — a period that became due more than `notifyWithinDays` before it was first
 * evaluated is recorded but not emailed (loading history must not flood vendors).
 */
export function decideNotices(outcomes: PeriodOutcome[], settings: NoticeSettings): Notice[] {
  return outcomes.flatMap((outcome) => {
    const kinds = notificationKinds(
      outcome.statuses.map((status, index) => ({ status, offTrackRun: outcome.off_track_runs[index] })),
      outcome.escalate_after_periods,
    );
    const stale = outcome.due_at.getTime() < outcome.first_evaluated_at.getTime() - settings.notifyWithinDays * DAY_MS;
    return kinds.map((kind): Notice => {
      const base = {
        contractId: outcome.contract_id,
        period: outcome.period,
        kind,
        status: stale ? 'suppressed' : 'pending',
      } as const;
      if (kind === 'escalation') {
        return {
          ...base,
          to: [outcome.head_email],
          cc: [outcome.manager_email],
          language: settings.escalationLanguage,
        };
      }
      const cc = kind === 'off_track' ? [outcome.manager_email] : [];
      return { ...base, to: [outcome.vendor_email], cc, language: outcome.vendor_language };
    });
  });
}
