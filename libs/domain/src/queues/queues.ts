// The contract between the API (which only produces jobs) and the worker (which consumes them).

/** Queue names. */
export const QueueName = {
  /** Plans runs (requested or scheduled) into chunks of contracts. */
  EvaluationRuns: 'evaluation-runs',
  /** Evaluates one chunk of one run. */
  EvaluationChunks: 'evaluation-chunks',
  /** Sends one notification; also the outbox sweep. */
  Notifications: 'notifications',
  /** The daily duties: reminders, deadlines and dates that call for an email or a change of state. */
  Duties: 'duties',
} as const;

/** Job names within those queues. */
export const JobName = {
  Run: 'run',
  ScheduledRun: 'scheduled-run',
  EvaluateChunk: 'evaluate-chunk',
  Send: 'send',
  Sweep: 'sweep',
  RunDuties: 'run-duties',
} as const;

export type RunJob = { runId: string };
export type EvaluateChunkJob = { runId: string; chunkIndex: number };
export type SendJob = { notificationId: string };

// Deterministic job ids (BullMQ ignores an add() whose id exists); BullMQ forbids ':' in them.
export const runJobId = (runId: string): string => `run-${runId}`;
export const chunkJobId = (runId: string, chunkIndex: number): string => `chunk-${runId}-${chunkIndex}`;
export const sendJobId = (notificationId: string): string => `send-${notificationId}`;
