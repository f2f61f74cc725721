import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { PerformanceEvaluation, recordAuditEvent, toPerformanceEvaluationView } from '#database';
import { commentWindowOpen, localDateOf, nextEvaluationStatus, type Actor, type Clock } from '#domain';
import { CLOCK } from '#runtime';
import { DataSource } from 'typeorm';
import type { WorkerEnv } from '../config/worker-env.js';
import type { Duty } from '../duties/duty.js';

/** The audit trail's actor for what the worker does by itself. */
const COMMENT_WINDOW_ACTOR: Actor = {
  type: 'system',
  id: null,
  name: 'worker (comment window closed)',
  role: null,
  requestId: null,
};

/**
 * Makes final every issued performance evaluation whose comment window has closed (its last day is before today
 * in the city), with whatever comment the vendor left. The issued ones are read (few: each is days from final),
 * locked, skipping those another worker holds, and judged by the domain's rule; a second run, or a second worker,
 * finds nothing left to do.
 */
@Injectable()
export class CommentWindowDuty implements Duty {
  readonly name = 'performance-evaluation-comment-window';
  private readonly logger = new Logger(CommentWindowDuty.name);

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<WorkerEnv, true>,
  ) {}

  async perform(): Promise<string[]> {
    const now = this.clock.now();
    const today = localDateOf(now, this.config.get('CITY_TIMEZONE'));
    const finalized = await this.dataSource.transaction(async (manager) => {
      const candidates = await manager.find(PerformanceEvaluation, {
        where: { status: 'issued' },
        order: { commentDueOn: 'ASC', id: 'ASC' },
        lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
      });
      const due = candidates.filter(
        (evaluation) =>
          !commentWindowOpen(evaluation.commentDueOn!, today) &&
          nextEvaluationStatus(evaluation.status, 'finalize') === 'final',
      );
      for (const evaluation of due) {
        const before = toPerformanceEvaluationView(evaluation);
        Object.assign(evaluation, { status: 'final', finalizedAt: now, finalizedAutomatically: true });
        await manager.save(evaluation);
        await recordAuditEvent(manager, COMMENT_WINDOW_ACTOR, {
          action: 'finalize',
          entityType: 'performance_evaluation',
          entityId: evaluation.id,
          before,
          after: toPerformanceEvaluationView(evaluation),
        });
      }
      return due.length;
    });
    if (finalized > 0) this.logger.log(`performance evaluations finalized=${finalized} today=${today}`);
    return [];
  }
}
