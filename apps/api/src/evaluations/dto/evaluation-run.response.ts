import type { EvaluationRun } from '#database';
import type { EvaluationCounts, EvaluationRunStatus } from '#domain';

export type EvaluationRunResponse = {
  id: string;
  status: EvaluationRunStatus;
  period: string | null;
  contractIds: string[] | null;
  requestedBy: string;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
  /** Planned contracts, and what the chunks done so far evaluated and notified: visible while the run runs. */
  counts: EvaluationCounts;
  chunks: { total: number; completed: number };
};

export const toEvaluationRunResponse = (
  run: EvaluationRun,
  counts: EvaluationCounts,
  chunks: { total: number; completed: number },
): EvaluationRunResponse => ({
  id: run.id,
  status: run.status,
  period: run.period,
  contractIds: run.contractIds,
  requestedBy: run.requestedBy,
  requestedAt: run.requestedAt,
  startedAt: run.startedAt,
  finishedAt: run.finishedAt,
  error: run.error,
  counts,
  chunks,
});
