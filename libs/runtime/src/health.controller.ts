import { Controller, Get, HttpCode, Inject, Module, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { ReadinessCheck, runReadinessChecks } from './readiness';
import { READINESS_CHECKS } from './tokens';
import { PublicEndpoint } from './auth/public-endpoint.decorator';

/** Liveness and readiness for process supervisors and load balancers. */
@Controller()
@PublicEndpoint()
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  /** The process is up and serving HTTP. */
  @Get('healthz')
  @HttpCode(200)
  healthz() {
    return { status: 'ok' };
  }

  /** Every dependency this process is configured with answers (database, broker, Redis). */
  @Get('readyz')
  async readyz(@Res({ passthrough: true }) reply: FastifyReply) {
    const report = await runReadinessChecks(this.checks);
    reply.status(report.ready ? 200 : 503);
    return { status: report.ready ? 'ready' : 'not ready', checks: report.checks };
  }
}

@Module({ controllers: [HealthController] })
export class HealthModule {}
