import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { EvaluationRun, EvaluationRunChunk } from '#database';
import {
  decideNotices,
  DomainError,
  judgeKpiPeriod,
  packMonthOf,
  parsePeriod,
  periodFirstDay,
  periodLastDay,
  type Clock,
  type DepartmentMonth,
  type EvaluationCounts,
  type KpiStatus,
  type Notice,
} from '#domain';
import { CLOCK } from '#runtime';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkerEnv } from '../config/worker-env.js';
import { candidatePeriods, type CandidatePeriod, type ChunkKpiRow } from './chunk-kpis.js';
import {
  CHUNK_KPIS,
  CHUNK_SETTINGS,
  CONTRACT_PERIOD_EVALUATIONS,
  INSERT_NOTIFICATIONS,
  KPI_PERIOD_FACTS,
  PENDING_NOTIFICATIONS,
  UPSERT_EVALUATIONS,
} from './evaluation-sql.js';
import { periodOutcomes, touchedPeriods, type StoredEvaluation } from './period-outcomes.js';

export type ChunkResult = { counts: EvaluationCounts; pendingNotificationIds: string[] };

type FactsRow = {
  kpi_id: string;
  period: string;
  value: number | null;
  recorded_at: Date | null;
  last_evaluated_at: Date | null;
};

type WrittenRow = { contract_id: string; kpi_id: string; period: string; status: KpiStatus };

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
 * the chunk's completion commit together, so a crash anywhere leaves either all of it or none. Each step reads
 * by key in one statement, judges the rows with the rules of #domain, and writes back in one statement.
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

      const kpis: ChunkKpiRow[] = await manager.query(CHUNK_KPIS, [chunk.contractIds]);
      const runPeriod = run.period === null ? null : parsePeriod(run.period);
      const candidates = candidatePeriods(kpis, runPeriod, now, this.config.get('CITY_TIMEZONE'));
      const judged = await this.judge(manager, candidates, now);
      const written = await writeEvaluations(manager, judged, now);

      const counts = emptyCounts(chunk.contractIds.length);
      for (const row of written) counts[row.status]++;
      counts.kpis = written.length;
      const notices = await this.recordNotices(
        manager,
        judged.map(({ candidate }) => candidate),
      );
      counts.notifications = notices.inserted;
      await manager.update(
        EvaluationRunChunk,
        { runId, chunkIndex },
        { counts, completedAt: now, departmentMonths: departmentMonths(judged.map(({ candidate }) => candidate)) },
      );
      return { counts, pendingNotificationIds: notices.pending };
    });
  }

  /** The candidates a run writes now, each with the status judgeKpiPeriod() gives it. */
  private async judge(
    manager: EntityManager,
    candidates: CandidatePeriod[],
    now: Date,
  ): Promise<{ candidate: CandidatePeriod; value: number | null; status: KpiStatus }[]> {
    if (candidates.length === 0) return [];
    const rows: FactsRow[] = await manager.query(KPI_PERIOD_FACTS, [
      candidates.map(({ kpi }) => kpi.kpi_id),
      candidates.map(({ contractPeriod }) => contractPeriod.key),
    ]);
    const factsByKey = new Map(rows.map((row) => [`${row.kpi_id}|${row.period}`, row]));
    return candidates.flatMap((candidate) => {
      const { kpi, contractPeriod, times } = candidate;
      const { value, recorded_at, last_evaluated_at } = factsByKey.get(`${kpi.kpi_id}|${contractPeriod.key}`)!;
      const rule = { direction: kpi.direction, target: kpi.target, offTrackThreshold: kpi.off_track_threshold };
      const facts = { ...times, value, recordedAt: recorded_at, lastEvaluatedAt: last_evaluated_at };
      const status = judgeKpiPeriod(rule, facts, now);
      return status === null ? [] : [{ candidate, value, status }];
    });
  }

  /** Writes the outbox rows the touched contract periods call for; an existing (contract, period, kind) stays. */
  private async recordNotices(
    manager: EntityManager,
    judged: CandidatePeriod[],
  ): Promise<{ inserted: number; pending: string[] }> {
    const touched = touchedPeriods(judged);
    if (touched.length === 0) return { inserted: 0, pending: [] };
    const keys = touched.flatMap(({ candidate, periodKeys }) =>
      periodKeys.map((period) => ({ contractId: candidate.kpi.contract_id, period })),
    );
    const evaluations: StoredEvaluation[] = await manager.query(CONTRACT_PERIOD_EVALUATIONS, [
      keys.map((key) => key.contractId),
      keys.map((key) => key.period),
    ]);
    const notices = decideNotices(periodOutcomes(touched, evaluations), {
      notifyWithinDays: this.config.get('NOTIFY_WITHIN_DAYS'),
      escalationLanguage: this.config.get('ESCALATION_LANGUAGE'),
    });
    if (notices.length === 0) return { inserted: 0, pending: [] };
    const inserted: { id: string; status: string }[] = await manager.query(INSERT_NOTIFICATIONS, [
      JSON.stringify(notices.map(toOutboxRow)),
    ]);
    return {
      inserted: inserted.length,
      pending: inserted.filter((row) => row.status === 'pending').map((row) => row.id),
    };
  }
}

/** Writes the judged KPI periods in one statement, with the period's calendar days for the reports. */
async function writeEvaluations(
  manager: EntityManager,
  judged: { candidate: CandidatePeriod; value: number | null; status: KpiStatus }[],
  now: Date,
): Promise<WrittenRow[]> {
  if (judged.length === 0) return [];
  const column = <T>(pick: (entry: (typeof judged)[number]) => T) => judged.map(pick);
  return manager.query(UPSERT_EVALUATIONS, [
    column(({ candidate }) => candidate.kpi.contract_id),
    column(({ candidate }) => candidate.kpi.kpi_id),
    column(({ candidate }) => candidate.contractPeriod.key),
    column(({ candidate }) => periodFirstDay(candidate.contractPeriod.period)),
    column(({ candidate }) => periodLastDay(candidate.contractPeriod.period)),
    column(({ value }) => value),
    column(({ candidate }) => candidate.kpi.target),
    column(({ candidate }) => candidate.kpi.off_track_threshold),
    column(({ status }) => status),
    now,
  ]);
}

/** The departments and months whose meeting packs the evaluated periods belong to (the month each ends in). */
function departmentMonths(judged: CandidatePeriod[]): DepartmentMonth[] {
  const unique = new Map<string, DepartmentMonth>();
  for (const { kpi, contractPeriod } of judged) {
    const month = packMonthOf(contractPeriod.key);
    unique.set(`${kpi.department_id}|${month}`, { departmentId: kpi.department_id, month });
  }
  return [...unique.values()].sort(
    (a, b) => a.departmentId.localeCompare(b.departmentId) || a.month.localeCompare(b.month),
  );
}

const toOutboxRow = (notice: Notice) => ({
  contract_id: notice.contractId,
  period: notice.period,
  kind: notice.kind,
  status: notice.status,
  to_addresses: notice.to,
  cc_addresses: notice.cc,
  language: notice.language,
});

async function pendingNotifications(manager: EntityManager, contractIds: string[]): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(PENDING_NOTIFICATIONS, [contractIds]);
  return rows.map((row) => row.id);
}
