import { QueryFailedError } from 'typeorm';

/** The constraint a failed statement violated, when it was a unique violation (SQLSTATE 23505). */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' ? driverError.constraint : undefined;
}
