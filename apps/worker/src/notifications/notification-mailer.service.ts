import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Notification } from '#database';
import { UnrecoverableError } from 'bullmq';
import type { Transporter } from 'nodemailer';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkerEnv } from '../config/worker-env.js';
import { MAIL_TRANSPORT } from './mail-transport.provider.js';
import { NotificationContentService } from './notification-content.service.js';
import { describeSmtpError, isPermanentRefusal, recipientAnswers } from './smtp-errors.js';
import { CLOCK } from '#runtime';
import { recipientOutcome, recipientsStillDue, type Clock } from '#domain';

/** What became of one delivery attempt, once committed. */
type Delivery = { result: 'sent' | 'skipped' } | { result: 'failed' | 'retry'; reason: string };

const HOUR_MS = 60 * 60 * 1000;

/**
 * Sends one outbox row. The row is locked for the whole attempt, so two workers never send it at once, and it
 * is marked sent in the transaction that follows the server's acceptance of every `to` recipient. The server
 * answers each recipient on its own: those it accepted are kept on the row, and a later attempt (a retry, or an
 * officer's resend of a failed email) goes only to the others. The one window for a duplicate is a
 * crash between the server accepting the message and that commit; the fixed Message-ID lets receivers spot it.
 * An attempt that did not deliver throws once its outcome is committed: BullMQ retries the job after a transient
 * failure (its back-off, from the queue's retry schedule), and never after an UnrecoverableError (`failed`).
 */
@Injectable()
export class NotificationMailer {
  private readonly logger = new Logger(NotificationMailer.name);

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: Transporter,
    private readonly content: NotificationContentService,
    private readonly config: ConfigService<WorkerEnv, true>,
  ) {}

  async send(notificationId: string): Promise<'sent' | 'skipped'> {
    const delivery = await this.deliver(notificationId);
    if (delivery.result === 'failed') throw new UnrecoverableError(delivery.reason);
    if (delivery.result === 'retry') throw new Error(delivery.reason);
    return delivery.result;
  }

  private async deliver(notificationId: string): Promise<Delivery> {
    return this.dataSource.transaction(async (manager) => {
      const notification = await manager.findOne(Notification, {
        where: { id: notificationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!notification || notification.status !== 'pending') return { result: 'skipped' };

      const now = this.clock.now();
      const firstAttemptAt = notification.firstAttemptAt ?? now;
      const windowHours = this.config.get('MAIL_RETRY_WINDOW_HOURS');
      if (now.getTime() - firstAttemptAt.getTime() > windowHours * HOUR_MS) {
        const reason = `Gave up after ${windowHours} hours of retries; last error: ${notification.lastError ?? 'none'}`;
        await this.finish(manager, notification, { status: 'failed', lastError: reason });
        return { result: 'failed', reason };
      }

      const message = await this.content.render(manager, notification);
      if ('noLongerDue' in message) {
        await this.finish(manager, notification, { status: 'suppressed', lastError: message.noLongerDue });
        return { result: 'skipped' };
      }
      const attempt = { attempts: notification.attempts + 1, firstAttemptAt, subject: message.subject };
      const from = this.config.get('MAIL_FROM');
      // The headers name every recipient; the envelope only those the server has not accepted yet.
      const recipients = recipientsStillDue(
        notification.toAddresses,
        notification.ccAddresses,
        notification.deliveredTo,
      );
      try {
        const info = await this.transport.sendMail({
          from,
          to: notification.toAddresses,
          cc: notification.ccAddresses,
          envelope: { from, to: recipients },
          subject: message.subject,
          text: message.text,
          html: message.html,
          attachments: message.attachments,
          messageId: `<${notification.id}@${mailDomain(from)}>`,
        });
        const outcome = recipientOutcome(notification.toAddresses, notification.deliveredTo, recipientAnswers(info));
        const recorded = { ...attempt, deliveredTo: outcome.deliveredTo, lastError: outcome.reason };
        if (outcome.status === 'sent') {
          await this.finish(manager, notification, {
            ...recorded,
            status: 'sent',
            sentAt: this.clock.now(),
            providerMessageId: info.messageId,
          });
          return { result: 'sent' };
        }
        return this.notDelivered(manager, notification, { ...recorded, lastError: outcome.reason! }, outcome.status);
      } catch (error) {
        const lastError = describeSmtpError(error);
        return this.notDelivered(
          manager,
          notification,
          { ...attempt, lastError },
          isPermanentRefusal(error) ? 'failed' : 'retry',
        );
      }
    });
  }

  /** Records an attempt that did not reach every `to`: given up (`failed`) or left pending for the retry. */
  private async notDelivered(
    manager: EntityManager,
    notification: Notification,
    change: Partial<Notification> & { attempts: number; lastError: string },
    result: 'failed' | 'retry',
  ): Promise<Delivery> {
    if (result === 'failed') {
      await this.finish(manager, notification, { ...change, status: 'failed' });
      return { result, reason: change.lastError };
    }
    await manager.update(Notification, { id: notification.id }, change);
    this.logger.warn(
      `notification=${notification.id} attempt=${change.attempts} outcome=retry error="${change.lastError}"`,
    );
    return { result, reason: change.lastError };
  }

  private async finish(
    manager: EntityManager,
    notification: Notification,
    change: Partial<Notification> & { status: 'sent' | 'failed' | 'suppressed' },
  ): Promise<void> {
    await manager.update(Notification, { id: notification.id }, change);
    this.logger.log(
      `notification=${notification.id} kind=${notification.kind} period=${notification.period ?? '-'} record=${notification.recordId ?? '-'} status=${change.status}`,
    );
  }
}

/** The domain of the sender address, for Message-IDs. */
function mailDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}
