import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { EvaluationRun, EvaluationRunChunk } from '#database';
import { DomainError, type DepartmentMonth, type EvaluationCounts, type KpiStatus, type Clock } from '#domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkerEnv } from '../config/worker-env.js';
import {
  CHUNK_SETTINGS,
  DEPARTMENT_MONTHS,
  INSERT_NOTIFICATIONS,
  PERIOD_OUTCOMES,
  UPSERT_EVALUATIONS,
} from './evaluation-sql.js';
import { decideNotices, type PeriodOutcome } from './notices.js';
import { CLOCK } from '#runtime';

export type ChunkResult = { counts: EvaluationCounts; pendingNotificationIds: string[] };

const emptyCounts = (contracts: number): EvaluationCounts => ({
  contracts,
  kpis: 0,
  on_track: 0,
  at_risk: 0,
  off_track: 0,
  missing: 0,
  notifications: 0,
});

/**
 * Evaluates one planned chunk of a run in one transaction: the evaluations, the outbox rows they call for, and
 * the chunk's completion commit together, so a crash anywhere leaves either all of it or none.
 */
@Injectable()
export class ChunkEvaluationService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<WorkerEnv, true>,
  ) {}

  async evaluate(runId: string, chunkIndex: number): Promise<ChunkResult> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const chunk = await manager.findOne(EvaluationRunChunk, {
        where: { runId, chunkIndex },
        lock: { mode: 'pessimistic_write' },
      });
      if (!chunk) throw DomainError.notFound('Evaluation chunk', `${runId}/${chunkIndex}`);
      // Done before (a retried or re-driven job): only make sure its emails are on their way.
      if (chunk.completedAt) {
        return {
          counts: chunk.counts!,
          pendingNotificationIds: await pendingNotifications(manager, chunk.contractIds),
        };
      }
      const run = await manager.findOneBy(EvaluationRun, { id: runId });
      if (!run) throw DomainError.notFound('Evaluation run', runId);
      await manager.query(CHUNK_SETTINGS);
      const timeZone = this.config.get('CITY_TIMEZONE');

      const written: { contract_id: string; period: string; status: KpiStatus }[] = await manager.query(
        UPSERT_EVALUATIONS,
        [chunk.contractIds, run.period, now, timeZone],
      );
      const counts = emptyCounts(chunk.contractIds.length);
      for (const row of written) counts[row.status]++;
      counts.kpis = written.length;

      const notices = await this.recordNotices(manager, written, timeZone);
      counts.notifications = notices.inserted;
      // Kept for the run's completion, which sends the meeting packs of these departments and months.
      const departmentMonths: DepartmentMonth[] =
        written.length === 0
          ? []
          : await manager.query(DEPARTMENT_MONTHS, [
              written.map((row) => row.contract_id),
              written.map((row) => row.period),
            ]);
      await manager.update(EvaluationRunChunk, { runId, chunkIndex }, { counts, completedAt: now, departmentMonths });
      return { counts, pendingNotificationIds: notices.pending };
    });
  }

  /** Writes the outbox rows the touched periods call for; an existing (contract, period, kind) is left alone. */
  private async recordNotices(
    manager: EntityManager,
    written: { contract_id: string; period: string }[],
    timeZone: string,
  ): Promise<{ inserted: number; pending: string[] }> {
    if (written.length === 0) return { inserted: 0, pending: [] };
    const outcomes: PeriodOutcome[] = await manager.query(PERIOD_OUTCOMES, [
      written.map((row) => row.contract_id),
      written.map((row) => row.period),
      timeZone,
    ]);
    const notices = decideNotices(outcomes, {
      notifyWithinDays: this.config.get('NOTIFY_WITHIN_DAYS'),
      escalationLanguage: this.config.get('ESCALATION_LANGUAGE'),
    });
    if (notices.length === 0) return { inserted: 0, pending: [] };
    const rows = notices.map((notice) => ({
      contract_id: notice.contractId,
      period: notice.period,
      kind: notice.kind,
      status: notice.status,
      to_addresses: notice.to,
      cc_addresses: notice.cc,
      language: notice.language,
    }));
    const inserted: { id: string; status: string }[] = await manager.query(INSERT_NOTIFICATIONS, [
      JSON.stringify(rows),
    ]);
    return {
      inserted: inserted.length,
      pending: inserted.filter((row) => row.status === 'pending').map((row) => row.id),
    };
  }
}

async function pendingNotifications(manager: EntityManager, contractIds: string[]): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM notifications WHERE status = 'pending' AND contract_id = ANY($1::uuid[])`,
    [contractIds],
  );
  return rows.map((row) => row.id);
}
