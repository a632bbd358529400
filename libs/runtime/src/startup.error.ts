/**
 * A dependency could not be opened at start. The message leads with the setting that points at
 * it (e.g. `SLIPWAY_DATABASE_URL`), then the dependency's own message, which names the URL with
 * its password masked.
 */
export class StartupError extends Error {
  constructor(
    readonly setting: string,
    cause: unknown,
  ) {
    super(`${setting}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StartupError';
  }
}

/** Runs `open`, naming `setting` in the error if it fails. */
export async function opening<T>(setting: string, open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    throw new StartupError(setting, error);
  }
}
