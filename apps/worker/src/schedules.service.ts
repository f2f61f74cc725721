import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JobName, QueueName } from '#domain';
import type { Queue } from 'bullmq';
import type { WorkerEnv } from './config/worker-env.js';

const EVALUATION_SCHEDULER = 'evaluation-schedule';
const SWEEP_SCHEDULER = 'outbox-sweep';
const DUTIES_SCHEDULER = 'daily-duties';

/**
 * The recurring work: evaluation and the daily duties on EVALUATION_CRON in the city's time zone, and the outbox
 * sweep. Upserting a
 * job scheduler is idempotent, so every worker replica does it at every start. The schedulers live in Redis, so a
 * Redis that comes back without its data (no persistence, a fail-over to an empty replica) has forgotten them:
 * the worker registers them again when its connection is ready again, and checks every SWEEP_EVERY_SECONDS in
 * case it saw no reconnect (a restart quicker than the connection noticed).
 */
@Injectable()
export class SchedulesService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SchedulesService.name);
  private check: NodeJS.Timeout | undefined;
  private checking = false;

  constructor(
    @InjectQueue(QueueName.EvaluationRuns) private readonly runs: Queue,
    @InjectQueue(QueueName.Notifications) private readonly notifications: Queue,
    @InjectQueue(QueueName.Duties) private readonly duties: Queue,
    private readonly config: ConfigService<WorkerEnv, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.register();
    this.logger.log(`evaluation cron="${this.config.get('EVALUATION_CRON')}" tz=${this.config.get('CITY_TIMEZONE')}`);
    this.runs.backend.connection.on('ready', () => void this.restoreMissing('reconnect'));
    this.check = setInterval(() => void this.restoreMissing('check'), this.config.get('SWEEP_EVERY_SECONDS') * 1000);
  }

  onModuleDestroy(): void {
    clearInterval(this.check);
  }

  private async register(): Promise<void> {
    const pattern = this.config.get('EVALUATION_CRON');
    const tz = this.config.get('CITY_TIMEZONE');
    await this.runs.upsertJobScheduler(EVALUATION_SCHEDULER, { pattern, tz }, { name: JobName.ScheduledRun });
    await this.duties.upsertJobScheduler(DUTIES_SCHEDULER, { pattern, tz }, { name: JobName.RunDuties });
    await this.notifications.upsertJobScheduler(
      SWEEP_SCHEDULER,
      { every: this.config.get('SWEEP_EVERY_SECONDS') * 1000 },
      // Not the email retry schedule of its queue: a sweep that fails is followed by the next one.
      { name: JobName.Sweep, opts: { attempts: 1 } },
    );
  }

  /** Registers the schedulers again if Redis no longer has one of them; a Redis still away is tried next time. */
  private async restoreMissing(on: 'reconnect' | 'check'): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const missing = [
        ...((await this.runs.getJobScheduler(EVALUATION_SCHEDULER)) ? [] : [EVALUATION_SCHEDULER]),
        ...((await this.notifications.getJobScheduler(SWEEP_SCHEDULER)) ? [] : [SWEEP_SCHEDULER]),
        ...((await this.duties.getJobScheduler(DUTIES_SCHEDULER)) ? [] : [DUTIES_SCHEDULER]),
      ];
      if (missing.length === 0) return;
      await this.register();
      this.logger.warn(`job schedulers missing from Redis on ${on}: ${missing.join(', ')}; registered again`);
    } catch (error) {
      this.logger.warn(`job schedulers not checked on ${on}: ${error instanceof Error ? error.message : error}`);
    } finally {
      this.checking = false;
    }
  }
}
