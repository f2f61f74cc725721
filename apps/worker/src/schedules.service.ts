import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JobName, QueueName } from '#domain';
import type { Queue } from 'bullmq';
import type { WorkerEnv } from './config/worker-env.js';

/**
 * The recurring work: evaluation on EVALUATION_CRON in the city's time zone, and the outbox sweep. Upserting a
 * job scheduler is idempotent, so every worker replica does it at every start.
 */
@Injectable()
export class SchedulesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SchedulesService.name);

  constructor(
    @InjectQueue(QueueName.EvaluationRuns) private readonly runs: Queue,
    @InjectQueue(QueueName.Notifications) private readonly notifications: Queue,
    private readonly config: ConfigService<WorkerEnv, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const pattern = this.config.get('EVALUATION_CRON');
    const tz = this.config.get('CITY_TIMEZONE');
    await this.runs.upsertJobScheduler('evaluation-schedule', { pattern, tz }, { name: JobName.ScheduledRun });
    await this.notifications.upsertJobScheduler(
      'outbox-sweep',
      { every: this.config.get('SWEEP_EVERY_SECONDS') * 1000 },
      // Not the email retry schedule of its queue: a sweep that fails is followed by the next one.
      { name: JobName.Sweep, opts: { attempts: 1 } },
    );
    this.logger.log(`evaluation cron="${pattern}" tz=${tz}`);
  }
}
