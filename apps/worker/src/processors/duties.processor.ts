import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { QueueName, type SendJob } from '#domain';
import { queueSendJobs } from '#runtime';
import type { Queue } from 'bullmq';
import { DUTIES, type Duty } from '../duties/duty.js';
import { RECOVERY_OPTIONS } from './worker-options.js';

/**
 * Runs the daily duties (on EVALUATION_CRON, or when a test or an operator adds the job) and queues the emails
 * they wrote. Every duty runs even when an earlier one failed; the job then fails and is tried again, which the
 * duties allow (each finds done what was done).
 */
@Processor(QueueName.Duties, { ...RECOVERY_OPTIONS, concurrency: 1 })
export class DutiesProcessor extends WorkerHost {
  private readonly logger = new Logger(DutiesProcessor.name);

  constructor(
    @Inject(DUTIES) private readonly duties: Duty[],
    @InjectQueue(QueueName.Notifications) private readonly notifications: Queue<SendJob>,
  ) {
    super();
  }

  async process(): Promise<Record<string, number>> {
    const emails: Record<string, number> = {};
    const failures: string[] = [];
    for (const duty of this.duties) {
      try {
        const notificationIds = await duty.perform();
        await queueSendJobs(this.notifications, notificationIds);
        emails[duty.name] = notificationIds.length;
      } catch (error) {
        failures.push(`${duty.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.logger.log(`duties emails=${JSON.stringify(emails)} failed=${failures.length}`);
    if (failures.length > 0) throw new Error(`Duties failed: ${failures.join('; ')}`);
    return emails;
  }
}
