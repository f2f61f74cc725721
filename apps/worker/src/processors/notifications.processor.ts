import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobName, QueueName, type SendJob } from '#domain';
import type { Job } from 'bullmq';
import { NotificationMailer } from '../notifications/notification-mailer.service.js';
import { OutboxSweeper } from '../notifications/outbox-sweeper.service.js';
import { MAIL_CONCURRENCY, mailBackoff, RECOVERY_OPTIONS } from './worker-options.js';

/** Sends outbox emails (BullMQ retries a transient failure with the mail back-off), and runs the outbox sweep. */
@Processor(QueueName.Notifications, {
  ...RECOVERY_OPTIONS,
  concurrency: MAIL_CONCURRENCY,
  settings: { backoffStrategy: mailBackoff },
})
export class NotificationsProcessor extends WorkerHost {
  constructor(
    private readonly mailer: NotificationMailer,
    private readonly sweeper: OutboxSweeper,
  ) {
    super();
  }

  async process(job: Job<SendJob>): Promise<object> {
    if (job.name === JobName.Sweep) return this.sweeper.sweep();
    return { result: await this.mailer.send(job.data.notificationId) };
  }
}
