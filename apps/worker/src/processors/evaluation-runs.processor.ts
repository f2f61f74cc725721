import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { chunkJobId, JobName, QueueName, type RunJob } from '#domain';
import type { Job, Queue } from 'bullmq';
import { EvaluationRunsService } from '../evaluation/evaluation-runs.service.js';
import { notRetriedWhenFinal } from './job-errors.js';
import { RECOVERY_OPTIONS } from './worker-options.js';

/** Plans runs (requested through the API or by the schedule) and fans them out, a job per chunk of contracts. */
@Processor(QueueName.EvaluationRuns, { ...RECOVERY_OPTIONS, concurrency: 1 })
export class EvaluationRunsProcessor extends WorkerHost {
  private readonly logger = new Logger(EvaluationRunsProcessor.name);

  constructor(
    private readonly runs: EvaluationRunsService,
    @InjectQueue(QueueName.EvaluationChunks) private readonly chunks: Queue,
  ) {
    super();
  }

  async process(job: Job<RunJob | Record<string, never>>): Promise<{ runId: string; chunks: number }> {
    const runId = job.name === JobName.ScheduledRun ? await this.runs.createScheduledRun() : (job.data as RunJob).runId;
    const chunkIndexes = await notRetriedWhenFinal(() => this.runs.plan(runId));
    for (const chunkIndex of chunkIndexes) {
      await this.chunks.add(JobName.EvaluateChunk, { runId, chunkIndex }, { jobId: chunkJobId(runId, chunkIndex) });
    }
    this.logger.log(`run=${runId} job=${job.id} chunks=${chunkIndexes.length}`);
    return { runId, chunks: chunkIndexes.length };
  }
}
