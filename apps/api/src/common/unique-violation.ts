import { QueryFailedError } from 'typeorm';

/**
 * True when a write failed on the named unique constraint: another request got past the service's own check
 * first. Services turn it into the same 409 the check gives.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && driverError.constraint === constraint;
}
