export const EVALUATION_RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type EvaluationRunStatus = (typeof EVALUATION_RUN_STATUSES)[number];

/** What a run (or one chunk of it) did. */
export type EvaluationCounts = {
  contracts: number;
  kpis: number;
  on_track: number;
  at_risk: number;
  off_track: number;
  missing: number;
  notifications: number;
};

/** A department and a month whose meeting pack a run may call for (a period of its contracts ending in it). */
export type DepartmentMonth = { departmentId: string; month: string };
