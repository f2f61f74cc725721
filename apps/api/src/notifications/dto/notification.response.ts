import type { Language, Notification, NotificationKind, NotificationStatus } from '#domain';

export type NotificationResponse = {
  id: string;
  kind: NotificationKind;
  contractId: string;
  period: string;
  to: string[];
  cc: string[];
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
  period: notification.period,
  to: notification.toAddresses,
  cc: notification.ccAddresses,
  subject: notification.subject,
  language: notification.language,
  status: notification.status,
  attempts: notification.attempts,
  lastError: notification.lastError,
  sentAt: notification.sentAt,
  providerMessageId: notification.providerMessageId,
  createdAt: notification.createdAt,
});
