import type { Notification } from '#database';
import {
  LANGUAGES,
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  type Language,
  type NotificationKind,
  type NotificationStatus,
} from '#domain';
import { ApiProperty } from '@nestjs/swagger';

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind!: NotificationKind;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null for a meeting pack, which is about a department',
  })
  contractId!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "The department of a meeting pack; null for contract notices (their department is the contract's)",
  })
  departmentId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Reporting period: `2026-11`, `2026-Q4` or `2026`; null for an email about one record',
    example: '2026-11',
  })
  period!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The record an email is about, for kinds other than period notices and meeting packs (a corrective action plan, a dispute, a cure notice, a performance evaluation, a contract nearing its end, a sign-in request)',
  })
  recordId!: string | null;

  @ApiProperty({
    description:
      "Tells apart one record's emails of one kind (which decision, which reminder); empty when there is one",
  })
  occasion!: string;

  @ApiProperty({ type: [String], format: 'email' })
  to!: string[];

  @ApiProperty({ type: [String], format: 'email' })
  cc!: string[];

  @ApiProperty({
    type: [String],
    format: 'email',
    description: 'The recipients the mail server has accepted so far; a retry goes only to the others',
  })
  deliveredTo!: string[];

  @ApiProperty({ type: String, nullable: true })
  subject!: string | null;

  @ApiProperty({ enum: LANGUAGES })
  language!: Language;

  @ApiProperty({ enum: NOTIFICATION_STATUSES })
  status!: NotificationStatus;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt!: Date | null;

  @ApiProperty({ type: String, nullable: true })
  providerMessageId!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}

export const toNotificationResponse = (notification: Notification): NotificationResponse => ({
  id: notification.id,
  kind: notification.kind,
  contractId: notification.contractId,
  departmentId: notification.departmentId,
  period: notification.period,
  recordId: notification.recordId,
  occasion: notification.occasion,
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
