/** The command line is wrong: the CLI prints the message and its usage, and exits 2. */
export class SiteCliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteCliUsageError';
  }
}
