import {
  notificationKinds,
  type KpiStatus,
  type Language,
  type NotificationKind,
  type NotificationStatus,
} from '#domain';

/** One KPI evaluation of a touched contract period, as PERIOD_OUTCOMES returns it. */
export type PeriodOutcome = {
  contract_id: string;
  period: string;
  kpi_id: string;
  status: KpiStatus;
  off_track_run: number;
  escalate_after_periods: number;
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
  const byPeriod = new Map<string, PeriodOutcome[]>();
  for (const outcome of outcomes) {
    const key = `${outcome.contract_id} ${outcome.period}`;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), outcome]);
  }
  return [...byPeriod.values()].flatMap((group) => {
    const [first] = group;
    const kinds = notificationKinds(
      group.map((outcome) => ({ status: outcome.status, offTrackRun: outcome.off_track_run })),
      first.escalate_after_periods,
    );
    const firstEvaluated = Math.min(...group.map((outcome) => new Date(outcome.first_evaluated_at).getTime()));
    const stale = new Date(first.due_at).getTime() < firstEvaluated - settings.notifyWithinDays * DAY_MS;
    return kinds.map((kind): Notice => {
      const base = {
        contractId: first.contract_id,
        period: first.period,
        kind,
        status: stale ? 'suppressed' : 'pending',
      } as const;
      if (kind === 'escalation') {
        return { ...base, to: [first.head_email], cc: [first.manager_email], language: settings.escalationLanguage };
      }
      const cc = kind === 'off_track' ? [first.manager_email] : [];
      return { ...base, to: [first.vendor_email], cc, language: first.vendor_language };
    });
  });
}
