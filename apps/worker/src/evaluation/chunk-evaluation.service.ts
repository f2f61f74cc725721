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
  READ_BY_KEY_SETTINGS,
  CONTRACT_PERIOD_EVALUATIONS,
  INSERT_NOTIFICATIONS,
  KPI_PERIOD_FACTS,
  KPI_PERIOD_STATUSES,
  PENDING_NOTIFICATIONS,
  UPSERT_EVALUATIONS,
} from './evaluation-sql.js';
import { periodOutcomes, runWindows, touchedPeriods, type ContractPeriodEvaluations } from './period-outcomes.js';

export type ChunkResult = { counts: EvaluationCounts; pendingNotificationIds: string[] };

/** A KPI period's value and last evaluation, as KPI_PERIOD_FACTS (and, for a run's period, CHUNK_KPIS) reads them. */
type FactsRow = { value: number | null; recorded_at: Date | null; last_evaluated_at: Date | null };

type Judged = { candidate: CandidatePeriod; value: number | null; status: KpiStatus };

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
      await manager.query(READ_BY_KEY_SETTINGS);

      const kpis: (ChunkKpiRow & FactsRow)[] = await manager.query(CHUNK_KPIS, [chunk.contractIds, run.period]);
      const runPeriod = run.period === null ? null : parsePeriod(run.period);
      const candidates = candidatePeriods(kpis, runPeriod, now, this.config.get('CITY_TIMEZONE'));
      // A run of one period has its candidates' facts already; a run of every period reads them by key.
      const facts = runPeriod
        ? new Map(kpis.map((row) => [`${row.kpi_id}|${run.period}`, row]))
        : await readFacts(manager, candidates);
      const judged = judge(candidates, facts, now);
      await writeEvaluations(manager, judged, now);

      const counts = emptyCounts(chunk.contractIds.length);
      for (const { status } of judged) counts[status]++;
      counts.kpis = judged.length;
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

  /** Writes the outbox rows the touched contract periods call for; an existing (contract, period, kind) stays. */
  private async recordNotices(
    manager: EntityManager,
    judged: CandidatePeriod[],
  ): Promise<{ inserted: number; pending: string[] }> {
    const touched = touchedPeriods(judged);
    if (touched.length === 0) return { inserted: 0, pending: [] };
    const rows: ContractPeriodEvaluations[] = await manager.query(CONTRACT_PERIOD_EVALUATIONS, [
      touched.map(({ kpi }) => kpi.contract_id),
      touched.map(({ contractPeriod }) => contractPeriod.key),
    ]);
    const evaluations = new Map(rows.map((row) => [`${row.contract_id}|${row.period}`, row]));
    const windows = runWindows(touched, evaluations);
    const earlier = windows.flatMap(({ kpiId, contractId, periodKeys }) =>
      periodKeys.slice(0, -1).map((period) => ({ kpiId, contractId, period })),
    );
    const statuses: { kpi_id: string; period: string; status: KpiStatus }[] =
      earlier.length === 0
        ? []
        : await manager.query(KPI_PERIOD_STATUSES, [
            earlier.map((key) => key.kpiId),
            earlier.map((key) => key.contractId),
            earlier.map((key) => key.period),
          ]);
    const earlierStatuses = new Map(statuses.map((row) => [`${row.kpi_id}|${row.period}`, row.status]));
    const notices = decideNotices(periodOutcomes(touched, evaluations, windows, earlierStatuses), {
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

/** Each candidate's value and last evaluation, read by (kpi_id, period). */
async function readFacts(manager: EntityManager, candidates: CandidatePeriod[]): Promise<Map<string, FactsRow>> {
  if (candidates.length === 0) return new Map();
  const rows: (FactsRow & { kpi_id: string; period: string })[] = await manager.query(KPI_PERIOD_FACTS, [
    candidates.map(({ kpi }) => kpi.kpi_id),
    candidates.map(({ kpi }) => kpi.contract_id),
    candidates.map(({ contractPeriod }) => contractPeriod.key),
  ]);
  return new Map(rows.map((row) => [`${row.kpi_id}|${row.period}`, row]));
}

/** The candidates a run writes now, each with the status judgeKpiPeriod() gives it. */
function judge(candidates: CandidatePeriod[], facts: ReadonlyMap<string, FactsRow>, now: Date): Judged[] {
  const judged: Judged[] = [];
  for (const candidate of candidates) {
    const { kpi, contractPeriod, times } = candidate;
    const { value, recorded_at, last_evaluated_at } = facts.get(`${kpi.kpi_id}|${contractPeriod.key}`)!;
    const rule = { direction: kpi.direction, target: kpi.target, offTrackThreshold: kpi.off_track_threshold };
    const periodFacts = {
      endedAt: times.endedAt,
      dueAt: times.dueAt,
      value,
      recordedAt: recorded_at,
      lastEvaluatedAt: last_evaluated_at,
    };
    const status = judgeKpiPeriod(rule, periodFacts, now);
    if (status !== null) judged.push({ candidate, value, status });
  }
  return judged;
}

/** Writes the judged KPI periods in one statement, with the period's calendar days for the reports. */
async function writeEvaluations(manager: EntityManager, judged: Judged[], now: Date): Promise<void> {
  if (judged.length === 0) return;
  const rows = judged.map(({ candidate: { kpi, contractPeriod, calendar }, value, status }) => ({
    contract_id: kpi.contract_id,
    kpi_id: kpi.kpi_id,
    period: contractPeriod.key,
    first_day: calendar.firstDay,
    last_day: calendar.lastDay,
    value,
    target: kpi.target,
    off_track_threshold: kpi.off_track_threshold,
    status,
  }));
  await manager.query(UPSERT_EVALUATIONS, [JSON.stringify(rows), now]);
}

/** The departments and months whose meeting packs the evaluated periods belong to (the month each ends in). */
function departmentMonths(judged: CandidatePeriod[]): DepartmentMonth[] {
  const months = new Map<string, string>();
  const unique = new Map<string, DepartmentMonth>();
  for (const { kpi, contractPeriod } of judged) {
    let month = months.get(contractPeriod.key);
    if (month === undefined) {
      month = packMonthOf(contractPeriod.key);
      months.set(contractPeriod.key, month);
    }
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
