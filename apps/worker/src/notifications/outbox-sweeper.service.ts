import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, QueueName, runJobId, sendJobId } from '#domain';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { WorkerEnv } from '../config/worker-env.js';
import { EvaluationRunsService } from '../evaluation/evaluation-runs.service.js';

/**
 * PostgreSQL is the source of truth; Redis only carries the work. Jobs can still go missing (a crash between a
 * commit and its enqueue, a Redis that lost its data), so the sweep re-queues pending emails that have no job
 * and unfinished runs. Job ids are fixed, so work that is still queued is never queued twice.
 */
@Injectable()
export class OutboxSweeper {
  private readonly logger = new Logger(OutboxSweeper.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Notifications) private readonly notifications: Queue,
    @InjectQueue(QueueName.EvaluationRuns) private readonly runs: Queue,
    private readonly evaluationRuns: EvaluationRunsService,
    private readonly config: ConfigService<WorkerEnv, true>,
  ) {}

  async sweep(): Promise<{ emails: number; runs: number }> {
    // Every pending email, however recent: one whose job is still to be added (a commit just before its enqueue)
    // gets the same job id, so BullMQ keeps one job, and a job that already sent it finds the row `sent`. So an
    // email whose job vanished is queued again by the next sweep, within SWEEP_EVERY_SECONDS.
    const pending: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notifications WHERE status = 'pending' ORDER BY created_at LIMIT 1000`,
    );
    let emails = 0;
    for (const { id } of pending) {
      if (await this.requeue(this.notifications, sendJobId(id), JobName.Send, { notificationId: id })) emails++;
    }
    // A run a moment old may still be being planned by the job that created it (a scheduled run): left a sweep.
    let runs = 0;
    for (const runId of await this.evaluationRuns.unfinishedRunIds(this.config.get('SWEEP_EVERY_SECONDS'))) {
      if (await this.requeue(this.runs, runJobId(runId), JobName.Run, { runId })) runs++;
    }
    if (emails || runs) this.logger.warn(`requeued emails=${emails} runs=${runs}`);
    return { emails, runs };
  }

  /** Adds the job unless one with its id is waiting, delayed or active. */
  private async requeue(queue: Queue, jobId: string, name: string, data: object): Promise<boolean> {
    const existing = await queue.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (state !== 'completed' && state !== 'failed') return false;
      await existing.remove();
    }
    await queue.add(name, data, { jobId });
    return true;
  }
}
