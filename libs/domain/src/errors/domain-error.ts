/** Stable codes that the API maps to HTTP statuses and the worker to retry decisions. */
export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_INPUT'
  | 'FORBIDDEN'
  /** A renewal without a final performance evaluation of the last 12 months, and no override (a 409). */
  | 'NO_RECENT_EVALUATION';

/** A detail of a failed request: which field and why. */
export type ErrorDetail = { field: string; message: string };

/** An expected failure of a domain operation; services throw it, the edges translate it. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(entity: string, id: string): DomainError {
    return new DomainError('NOT_FOUND', `${entity} ${id} was not found`);
  }

  /** Bad input in one field. */
  static invalid(field: string, message: string): DomainError {
    return new DomainError('INVALID_INPUT', message, [{ field, message }]);
  }

  /** A value that must be unique is taken. */
  static taken(field: string, message: string): DomainError {
    return new DomainError('CONFLICT', message, [{ field, message: `${field} is already taken` }]);
  }
}
