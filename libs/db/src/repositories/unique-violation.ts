import { QueryFailedError } from 'typeorm';

/** The constraint a failed statement violated, when it was a unique violation (SQLSTATE 23505). */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  // TypeORM wraps the driver's error; a hand-written statement (rawPool) throws pg's own.
  const driverError = (error instanceof QueryFailedError ? error.driverError : error) as { code?: string; constraint?: string } | null;
  return typeof driverError === 'object' && driverError?.code === '23505' ? driverError.constraint : undefined;
}
