import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { JobName, QueueName, sendJobId, type EvaluateChunkJob, type EvaluationCounts } from '#domain';
import type { Job, Queue } from 'bullmq';
import { ChunkEvaluationService } from '../evaluation/chunk-evaluation.service.js';
import { EvaluationRunsService } from '../evaluation/evaluation-runs.service.js';
import { notRetriedWhenFinal } from './job-errors.js';
import { RECOVERY_OPTIONS } from './worker-options.js';

/** Evaluates a chunk, sends its emails on their way, and closes the run when it was the last chunk. */
@Processor(QueueName.EvaluationChunks, { ...RECOVERY_OPTIONS, concurrency: 2 })
export class EvaluationChunksProcessor extends WorkerHost {
  private readonly logger = new Logger(EvaluationChunksProcessor.name);

  constructor(
    private readonly evaluation: ChunkEvaluationService,
    private readonly runs: EvaluationRunsService,
    @InjectQueue(QueueName.Notifications) private readonly notifications: Queue,
  ) {
    super();
  }

  async process(job: Job<EvaluateChunkJob>): Promise<EvaluationCounts> {
    const { runId, chunkIndex } = job.data;
    const { counts, pendingNotificationIds } = await notRetriedWhenFinal(() =>
      this.evaluation.evaluate(runId, chunkIndex),
    );
    for (const notificationId of pendingNotificationIds) {
      await this.notifications.add(JobName.Send, { notificationId }, { jobId: sendJobId(notificationId) });
    }
    await this.runs.completeIfDone(runId);
    this.logger.log(
      `run=${runId} chunk=${chunkIndex} kpis=${counts.kpis} offTrack=${counts.off_track} missing=${counts.missing} notifications=${counts.notifications}`,
    );
    return counts;
  }

  /**
   * A chunk that kept failing fails its run; the reason is kept on the run. A job whose chunk or run is not there
   * fails at its first attempt and leaves any run alone: the job is stray, not the run broken.
   */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<EvaluateChunkJob> | undefined, error: Error): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    this.logger.error(`run=${job.data.runId} chunk=${job.data.chunkIndex} failed: ${error.message}`);
    await this.runs.fail(job.data.runId, `chunk ${job.data.chunkIndex}: ${error.message}`);
  }
}
