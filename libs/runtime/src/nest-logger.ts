import { LoggerService } from '@nestjs/common';
import { getLogger } from '@slipway/logging';

/** Sends Nest's own messages (module init, route mapping) to pino, at debug unless they are problems. */
export class NestPinoLogger implements LoggerService {
  private readonly logger = getLogger('Nest');

  log(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
