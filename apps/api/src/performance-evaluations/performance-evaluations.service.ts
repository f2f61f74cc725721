import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { addRecordNotices, Contract, PerformanceEvaluation, Vendor } from '#database';
import {
  commentDueOn,
  commentWindowOpen,
  DomainError,
  localDateOf,
  nextEvaluationStatus,
  officerMayFinalize,
  parsePeriod,
  periodFirstDay,
  periodLastDay,
  proposeRating,
  QueueName,
  type Actor,
  type Clock,
  type KpiStatus,
  type PerformanceEvaluationAction,
  type SendJob,
  type StatusCounts,
} from '#domain';
import { CLOCK, queueSendJobs } from '#runtime';
import type { Queue } from 'bullmq';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { canSeeContract } from '../auth/scope.js';
import type { PaginationQuery } from '../common/pagination.js';
import type { ApiEnv } from '../config/api-env.js';
import { ContractsService } from '../contracts/contracts.service.js';
import { JobQueueing } from '../redis/job-queueing.js';
import type { CommentPerformanceEvaluationDto } from './dto/comment-performance-evaluation.dto.js';
import type { CreatePerformanceEvaluationDto } from './dto/create-performance-evaluation.dto.js';
import { toPerformanceEvaluationResponse } from './dto/performance-evaluation.response.js';
import type { UpdatePerformanceEvaluationDto } from './dto/update-performance-evaluation.dto.js';

export const PERFORMANCE_EVALUATION_ENTITY = 'performance_evaluation';

/** What vendors may read: never a draft, which is the city's work in progress. */
const VENDOR_VISIBLE = ['issued', 'final'] as const;

@Injectable()
export class PerformanceEvaluationsService {
  private readonly logger = new Logger(PerformanceEvaluationsService.name);

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Notifications) private readonly notifications: Queue<SendJob>,
    private readonly queueing: JobQueueing,
    private readonly config: ConfigService<ApiEnv, true>,
    private readonly contracts: ContractsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * A draft over months `from`–`to`, with the rating proposed from the contract's KPI evaluations whose periods lie
   * wholly within the range (the reports' rule, `period_in_range()` over the stored period days). The share is
   * `percent_of()`, as in every report; the rating itself is judged on the exact counts.
   */
  async create(
    contractId: string,
    dto: CreatePerformanceEvaluationDto,
    actor: Actor,
    principal: Principal,
  ): Promise<PerformanceEvaluation> {
    if (dto.to < dto.from) throw DomainError.invalid('to', 'to must not be before from');
    const rangeFirstDay = periodFirstDay(parsePeriod(dto.from)!);
    const rangeLastDay = periodLastDay(parsePeriod(dto.to)!);
    return this.dataSource.transaction(async (manager) => {
      const contract = await this.contracts.get(contractId, principal, manager);
      if (rangeLastDay < contract.startDate || rangeFirstDay > contract.endDate) {
        throw DomainError.invalid(
          'from',
          `The range ${dto.from} – ${dto.to} shares no day with the contract (${contract.startDate} – ${contract.endDate})`,
        );
      }
      const rows: { status: KpiStatus; count: number }[] = await manager.query(
        `SELECT status, count(*) AS count FROM kpi_evaluations
          WHERE contract_id = $1 AND period_in_range(period_first_day, period_last_day, $2, $3)
          GROUP BY status`,
        [contractId, rangeFirstDay, rangeLastDay],
      );
      const counts: StatusCounts = Object.fromEntries(rows.map((row) => [row.status, row.count]));
      const proposal = proposeRating(counts);
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO performance_evaluations
           (contract_id, from_month, to_month, range_first_day, range_last_day, status, evaluated_count,
            on_track_count, on_track_percent, proposed_rating, rating)
         VALUES ($1, $2, $3, $4, $5, 'draft', $6::int, $7::int, percent_of($7::int, $6::int), $8, $8)
         RETURNING id`,
        [
          contractId,
          dto.from,
          dto.to,
          rangeFirstDay,
          rangeLastDay,
          proposal.evaluated,
          proposal.onTrack,
          proposal.proposedRating,
        ],
      );
      const evaluation = await manager.findOneByOrFail(PerformanceEvaluation, { id });
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: PERFORMANCE_EVALUATION_ENTITY,
        entityId: id,
        after: toPerformanceEvaluationResponse(evaluation),
      });
      return evaluation;
    });
  }

  /** Newest first; vendors see the issued and final ones only. */
  async list(
    contractId: string,
    query: PaginationQuery,
    principal: Principal,
  ): Promise<[PerformanceEvaluation[], number]> {
    await this.contracts.get(contractId, principal);
    return this.dataSource.getRepository(PerformanceEvaluation).findAndCount({
      where: { contractId, ...(principal.role === 'vendor' && { status: In(VENDOR_VISIBLE) }) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
  }

  /** An evaluation the caller may see: of a contract in its scope, and for vendors not a draft; else a 404. */
  async get(
    id: string,
    principal: Principal,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<{ evaluation: PerformanceEvaluation; contract: Contract }> {
    const evaluation = await manager.findOne(PerformanceEvaluation, {
      where: { id },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    const contract = evaluation && (await manager.findOneBy(Contract, { id: evaluation.contractId }));
    const visible =
      contract &&
      canSeeContract(principal, contract) &&
      (principal.role !== 'vendor' || (VENDOR_VISIBLE as readonly string[]).includes(evaluation.status));
    if (!evaluation || !visible) throw DomainError.notFound('Performance evaluation', id);
    return { evaluation, contract };
  }

  async update(
    id: string,
    dto: UpdatePerformanceEvaluationDto,
    actor: Actor,
    principal: Principal,
  ): Promise<PerformanceEvaluation> {
    return this.change(id, 'edit', actor, principal, async (evaluation) => {
      if (dto.rating !== undefined) evaluation.rating = dto.rating;
      if (dto.narrative !== undefined) evaluation.narrative = dto.narrative;
    });
  }

  /**
   * Issues a draft to the vendor: the comment window opens (VENDOR_COMMENT_DAYS calendar days after today in the
   * city), and the `performance_evaluation` email is written into the outbox in the same transaction. Refused with
   * 503 before anything is written while Redis is known to be away; once committed, the evaluation is issued
   * whatever happens to the queueing (a 503 then would invite a retry that can only answer 409), and an email that
   * could not be queued is sent by the outbox sweep.
   */
  async issue(id: string, actor: Actor, principal: Principal): Promise<PerformanceEvaluation> {
    if (this.queueing.unavailable) {
      throw new ServiceUnavailableException('The job queue is unavailable; nothing was changed, retry again shortly');
    }
    const notificationIds: string[] = [];
    const evaluation = await this.change(id, 'issue', actor, principal, async (draft, contract, manager) => {
      if (draft.rating === null) {
        throw new DomainError(
          'CONFLICT',
          'The evaluation has no rating (nothing of its range was evaluated); set one with PATCH before issuing it',
        );
      }
      const now = this.clock.now();
      draft.issuedAt = now;
      draft.commentDueOn = commentDueOn(this.today(now), this.config.get('VENDOR_COMMENT_DAYS'));
      const vendor = await manager.findOneByOrFail(Vendor, { id: contract.vendorId });
      notificationIds.push(
        ...(await addRecordNotices(manager, [
          {
            kind: 'performance_evaluation',
            recordId: draft.id,
            contractId: contract.id,
            to: [vendor.email],
            cc: [contract.managerEmail],
            language: vendor.preferredLanguage,
          },
        ])),
      );
    });
    try {
      await this.queueing.within('not queued', () => queueSendJobs(this.notifications, notificationIds));
    } catch {
      this.logger.warn(`performance evaluation issued id=${id} email not queued: the outbox sweep sends it`);
    }
    return evaluation;
  }

  /** The vendor's comment, while the window is open; a second comment replaces the first (both in the audit trail). */
  async comment(
    id: string,
    dto: CommentPerformanceEvaluationDto,
    actor: Actor,
    principal: Principal,
  ): Promise<PerformanceEvaluation> {
    return this.change(id, 'comment', actor, principal, async (evaluation, contract) => {
      if (principal.role !== 'vendor' || principal.vendorId !== contract.vendorId) {
        throw new DomainError('FORBIDDEN', "Only the contract's vendor may comment on its performance evaluation");
      }
      if (!commentWindowOpen(evaluation.commentDueOn!, this.today(this.clock.now()))) {
        throw new DomainError('CONFLICT', `The comment window closed at the end of ${evaluation.commentDueOn}`);
      }
      evaluation.vendorComment = dto.comment;
      evaluation.vendorCommentedAt = this.clock.now();
    });
  }

  /** Final by an officer: once the vendor has commented or its window has closed (the duty does it then too). */
  async finalize(id: string, actor: Actor, principal: Principal): Promise<PerformanceEvaluation> {
    return this.change(id, 'finalize', actor, principal, async (evaluation) => {
      const now = this.clock.now();
      if (!officerMayFinalize(evaluation.vendorComment !== null, evaluation.commentDueOn!, this.today(now))) {
        throw new DomainError(
          'CONFLICT',
          `The vendor may comment until the end of ${evaluation.commentDueOn}; the evaluation becomes final by ` +
            'itself then, or earlier once the vendor has commented',
        );
      }
      evaluation.finalizedAt = now;
    });
  }

  /** Locks the evaluation, checks the move is allowed from its status (else 409), applies it, saves and audits. */
  private async change(
    id: string,
    action: PerformanceEvaluationAction,
    actor: Actor,
    principal: Principal,
    apply: (evaluation: PerformanceEvaluation, contract: Contract, manager: EntityManager) => Promise<void>,
  ): Promise<PerformanceEvaluation> {
    return this.dataSource.transaction(async (manager) => {
      const { evaluation, contract } = await this.get(id, principal, manager, true);
      const before = toPerformanceEvaluationResponse(evaluation);
      const next = nextEvaluationStatus(evaluation.status, action);
      if (next === null) {
        throw new DomainError('CONFLICT', `A ${evaluation.status} performance evaluation cannot be ${PAST[action]}`);
      }
      evaluation.status = next;
      await apply(evaluation, contract, manager);
      const saved = await manager.save(evaluation);
      await this.audit.record(manager, actor, {
        action: action === 'edit' ? 'update' : action,
        entityType: PERFORMANCE_EVALUATION_ENTITY,
        entityId: id,
        before,
        after: toPerformanceEvaluationResponse(saved),
      });
      return saved;
    });
  }

  private today(now: Date): string {
    return localDateOf(now, this.config.get('CITY_TIMEZONE'));
  }
}

const PAST: Record<PerformanceEvaluationAction, string> = {
  edit: 'changed (only a draft can)',
  issue: 'issued (only a draft can)',
  comment: 'commented on (only an issued one can)',
  finalize: 'finalized (only an issued one can)',
};
