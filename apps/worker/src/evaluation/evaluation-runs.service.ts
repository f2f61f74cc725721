import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { EvaluationRun } from '#database';
import { DomainError, JobName, QueueName, sendJobId, type Clock } from '#domain';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { WorkerEnv } from '../config/worker-env.js';
import { MeetingPackCalls } from './meeting-pack-calls.js';
import { CLOCK } from '#runtime';

/** Plans runs into chunks of contracts, and closes them when every chunk is done, calling for meeting packs. */
@Injectable()
export class EvaluationRunsService {
  private readonly logger = new Logger(EvaluationRunsService.name);

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<WorkerEnv, true>,
    @InjectQueue(QueueName.Notifications) private readonly notifications: Queue,
    private readonly meetingPacks: MeetingPackCalls,
  ) {}

  /** A run of the schedule: every contract, every period that is due or changed. */
  async createScheduledRun(): Promise<string> {
    const run = await this.dataSource.getRepository(EvaluationRun).save(
      Object.assign(new EvaluationRun(), {
        status: 'queued',
        requestedBy: 'schedule',
        period: null,
        contractIds: null,
      }),
    );
    return run.id;
  }

  /**
   * Starts a run and splits its contracts into chunks, once; planning again (a retried or re-driven run job)
   * changes nothing. Returns the chunks still to evaluate; a run that is not there is a NOT_FOUND DomainError.
   */
  async plan(runId: string): Promise<number[]> {
    const chunks = await this.dataSource.transaction(async (manager) => {
      const run = await manager.findOne(EvaluationRun, { where: { id: runId }, lock: { mode: 'pessimistic_write' } });
      if (!run) throw DomainError.notFound('Evaluation run', runId);
      if (run.status === 'completed' || run.status === 'failed') return [];
      if (run.status === 'queued') {
        await manager.update(EvaluationRun, { id: runId }, { status: 'running', startedAt: this.clock.now() });
        // Contracts with an active KPI, in id order, $3 to a chunk.
        await manager.query(
          `INSERT INTO evaluation_run_chunks (run_id, chunk_index, contract_ids)
           SELECT $1, chunk_index, array_agg(id ORDER BY id)
             FROM (SELECT c.id, (row_number() OVER (ORDER BY c.id) - 1) / $3 AS chunk_index
                     FROM contracts c
                    WHERE ($2::uuid[] IS NULL OR c.id = ANY($2::uuid[]))
                      AND EXISTS (SELECT 1 FROM kpis k WHERE k.contract_id = c.id AND k.active)) planned
            GROUP BY chunk_index`,
          [runId, run.contractIds, this.config.get('EVALUATION_CHUNK_SIZE')],
        );
      }
      const pending: { chunk_index: number }[] = await manager.query(
        'SELECT chunk_index FROM evaluation_run_chunks WHERE run_id = $1 AND completed_at IS NULL ORDER BY chunk_index',
        [runId],
      );
      return pending.map((row) => row.chunk_index);
    });
    if (chunks.length === 0) await this.completeIfDone(runId);
    return chunks;
  }

  /**
   * Marks the run completed once no chunk is left, and records the meeting packs it calls for in the same
   * transaction; safe to call from every chunk, concurrently. The packs' emails are queued after the commit (the
   * outbox sweep queues them if this process dies in between).
   */
  async completeIfDone(runId: string): Promise<boolean> {
    const packs = await this.dataSource.transaction(async (manager) => {
      const [, affected] = await manager.query(
        `UPDATE evaluation_runs SET status = 'completed', finished_at = now()
          WHERE id = $1 AND status = 'running'
            AND NOT EXISTS (SELECT 1 FROM evaluation_run_chunks WHERE run_id = $1 AND completed_at IS NULL)`,
        [runId],
      );
      if (affected === 0) return null;
      return this.meetingPacks.record(manager, runId);
    });
    if (packs === null) return false;
    const pending = packs.filter((pack) => pack.status === 'pending');
    for (const { id } of pending) {
      await this.notifications.add(JobName.Send, { notificationId: id }, { jobId: sendJobId(id) });
    }
    this.logger.log(`run=${runId} completed meetingPacks=${packs.length} pending=${pending.length}`);
    return true;
  }

  async fail(runId: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE evaluation_runs SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1 AND status <> 'completed'`,
      [runId, error],
    );
  }

  /** Runs that should be moving: the sweep re-drives them when their jobs were lost. */
  async unfinishedRunIds(olderThanSeconds: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM evaluation_runs
        WHERE status IN ('queued', 'running') AND requested_at < now() - make_interval(secs => $1)
        ORDER BY requested_at LIMIT 100`,
      [olderThanSeconds],
    );
    return rows.map((row) => row.id);
  }
}
