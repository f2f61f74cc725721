import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EvaluationRun } from '#database';
import { DomainError, JobName, QueueName, runJobId, type Actor, type EvaluationCounts } from '#domain';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { JobQueueing } from '../redis/job-queueing.js';
import type { CreateEvaluationRunDto } from './dto/create-evaluation-run.dto.js';
import { toEvaluationRunResponse, type EvaluationRunResponse } from './dto/evaluation-run.response.js';

@Injectable()
export class EvaluationRunsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.EvaluationRuns) private readonly queue: Queue,
    private readonly queueing: JobQueueing,
    private readonly audit: AuditService,
  ) {}

  /**
   * Records the run and queues it; the worker plans it into chunks and evaluates them. While Redis is away the
   * request answers 503 and leaves nothing behind that claims to be queued: nothing is recorded when the outage is
   * known beforehand, and a run whose job could not be added is marked failed, saying so.
   */
  async request(dto: CreateEvaluationRunDto, actor: Actor): Promise<EvaluationRunResponse> {
    if (this.queueing.unavailable) {
      throw new ServiceUnavailableException(
        'The job queue is unavailable; nothing was recorded, request the run again',
      );
    }
    const run = await this.dataSource.transaction(async (manager) => {
      if (dto.contractIds) {
        const found: { id: string }[] = await manager.query('SELECT id FROM contracts WHERE id = ANY($1::uuid[])', [
          dto.contractIds,
        ]);
        const missing = dto.contractIds.filter((id) => !found.some((row) => row.id === id));
        if (missing.length) throw DomainError.invalid('contractIds', `no contract has the id ${missing.join(', ')}`);
      }
      const created = await manager.save(
        manager.create(EvaluationRun, {
          status: 'queued',
          period: dto.period ?? null,
          contractIds: dto.contractIds ? [...new Set(dto.contractIds)] : null,
          requestedBy: actor.name,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'evaluation_run',
        entityId: created.id,
        after: dto,
      });
      return created;
    });
    const notQueued = `Run ${run.id} could not be queued and is marked failed; request the run again`;
    try {
      await this.queueing.within(notQueued, () =>
        this.queue.add(JobName.Run, { runId: run.id }, { jobId: runJobId(run.id) }),
      );
    } catch (error) {
      await this.dataSource.query(
        `UPDATE evaluation_runs SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1 AND status = 'queued'`,
        [run.id, 'Not queued: the job queue was unavailable'],
      );
      throw error;
    }
    return this.get(run.id);
  }

  async get(id: string): Promise<EvaluationRunResponse> {
    const run = await this.dataSource.getRepository(EvaluationRun).findOneBy({ id });
    if (!run) throw DomainError.notFound('Evaluation run', id);
    const [totals] = await this.dataSource.query(
      `SELECT count(*) AS total, count(completed_at) AS completed,
              coalesce(sum(cardinality(contract_ids)), 0) AS contracts,
              coalesce(sum((counts->>'kpis')::int), 0) AS kpis,
              coalesce(sum((counts->>'on_track')::int), 0) AS on_track,
              coalesce(sum((counts->>'at_risk')::int), 0) AS at_risk,
              coalesce(sum((counts->>'off_track')::int), 0) AS off_track,
              coalesce(sum((counts->>'missing')::int), 0) AS missing,
              coalesce(sum((counts->>'notifications')::int), 0) AS notifications
         FROM evaluation_run_chunks WHERE run_id = $1`,
      [id],
    );
    const { total, completed, ...counts } = totals as EvaluationCounts & { total: number; completed: number };
    return toEvaluationRunResponse(run, counts, { total, completed });
  }
}
