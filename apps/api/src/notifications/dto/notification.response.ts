import type { Notification } from '#database';
import type { Language, NotificationKind, NotificationStatus } from '#domain';

export type NotificationResponse = {
  id: string;
  kind: NotificationKind;
  /** Null for a meeting pack, which is about a department. */
  contractId: string | null;
  /** The department of a meeting pack; null for contract notices (their department is the contract's). */
  departmentId: string | null;
  period: string;
  to: string[];
  cc: string[];
  /** The recipients the mail server has accepted so far; a retry goes only to the others. */
  deliveredTo: string[];
  subject: string | null;
  language: Language;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  providerMessageId: string | null;
  createdAt: Date;
};

export const toNotificationResponse = (notification: Notification): NotificationResponse => ({
  id: notification.id,
  kind: notification.kind,
  contractId: notification.contractId,
  departmentId: notification.departmentId,
  period: notification.period,
  to: notification.toAddresses,
  cc: notification.ccAddresses,
  deliveredTo: notification.deliveredTo,
  subject: notification.subject,
  language: notification.language,
  status: notification.status,
  attempts: notification.attempts,
  lastError: notification.lastError,
  sentAt: notification.sentAt,
  providerMessageId: notification.providerMessageId,
  createdAt: notification.createdAt,
});
