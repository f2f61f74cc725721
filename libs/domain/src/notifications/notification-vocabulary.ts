/**
 * Every kind of email. The first four are about a contract's period (or, for a meeting pack, a department's
 * month); the others are about one record (a corrective action plan, a dispute, a cure notice, a performance
 * evaluation, a contract nearing its end, a sign-in request), named by the outbox row's `recordId`.
 */
export const NOTIFICATION_KINDS = [
  'off_track',
  'missing_data',
  'escalation',
  'meeting_pack',
  'cap_reminder',
  'cap_overdue',
  'cap_decision',
  'dispute_decision',
  'cure_notice',
  'performance_evaluation',
  'contract_expiry',
  'sign_in_link',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The kinds about a contract's period, one each per contract, period and kind. */
export const PERIOD_NOTIFICATION_KINDS = ['off_track', 'missing_data', 'escalation', 'meeting_pack'] as const;
export type PeriodNotificationKind = (typeof PERIOD_NOTIFICATION_KINDS)[number];

/** The kinds about one record, one each per record, kind and occasion. */
export type RecordNotificationKind = Exclude<NotificationKind, PeriodNotificationKind>;

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed', 'suppressed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
