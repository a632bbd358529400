/**
 * Another process (or another start in this one) already serves this data folder. Two
 * PGlite instances on one folder would corrupt it, and PGlite does not check by itself.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly lockFile: string,
  ) {
    super(
      `The embedded database folder ${dataDir} is in use by process ${pid}. ` +
        `Stop that process, or delete ${lockFile} if it is no longer running.`,
    );
    this.name = 'DataDirLockedError';
  }
}
