import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { JobName, QueueName, type Clock, type SendJob } from '#domain';
import { CLOCK } from '#runtime';
import { DelayedError, type Job } from 'bullmq';
import { NotificationMailer, type SendOutcome } from '../notifications/notification-mailer.service.js';
import { OutboxSweeper } from '../notifications/outbox-sweeper.service.js';
import { MAIL_CONCURRENCY, RECOVERY_OPTIONS } from './worker-options.js';

/** Sends outbox emails, and runs the outbox sweep. */
@Processor(QueueName.Notifications, { ...RECOVERY_OPTIONS, concurrency: MAIL_CONCURRENCY })
export class NotificationsProcessor extends WorkerHost {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly mailer: NotificationMailer,
    private readonly sweeper: OutboxSweeper,
  ) {
    super();
  }

  async process(job: Job<SendJob>, token?: string): Promise<SendOutcome | object> {
    if (job.name === JobName.Sweep) return this.sweeper.sweep();
    const outcome = await this.mailer.send(job.data.notificationId);
    if (outcome.result === 'retry') {
      // Same job, later: the outbox row counts the attempts, BullMQ only keeps the time.
      await job.moveToDelayed(this.clock.now().getTime() + outcome.delayMs, token);
      throw new DelayedError();
    }
    return outcome;
  }
}
