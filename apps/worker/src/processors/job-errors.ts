import { DomainError, type DomainErrorCode } from '#domain';
import { UnrecoverableError } from 'bullmq';

/** Failures another attempt cannot change: what the job names (a run, a chunk) is not there. */
const FINAL_CODES: readonly DomainErrorCode[] = ['NOT_FOUND'];

/** Runs a job's work; a DomainError of a final code fails the job at once (BullMQ's UnrecoverableError), unretried. */
export async function notRetriedWhenFinal<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && FINAL_CODES.includes(error.code)) throw new UnrecoverableError(error.message);
    throw error;
  }
}
