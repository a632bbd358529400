import { Controller, Get, HttpCode, Inject, Res, UseFilters } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { PublicEndpoint, READINESS_CHECKS, ReadinessCheck, runReadinessChecks } from '@slipway/runtime';
import { drydockErrorBody } from '../errors/drydock-error-body';
import { DrydockExceptionFilter } from '../errors/drydock-exception.filter';

/** Drydock's discovery and health endpoints, in Drydock's shapes; public, as in Drydock. */
@Controller()
@PublicEndpoint()
@UseFilters(DrydockExceptionFilter)
export class OrchestratorHealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Get('versions')
  versions() {
    return { 'v1.0': { path: '/api/v1.0', status: 'stable' } };
  }

  /** 204 when healthy, 503 with Drydock's error body naming what is not, as Drydock answers. */
  @Get('api/v1.0/health')
  @HttpCode(204)
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const report = await runReadinessChecks(this.checks);
    if (report.ready) return undefined;
    const failing = Object.entries(report.checks)
      .filter(([, r]) => !r.ok)
      .map(([name, r]) => `${name}: ${r.error}`);
    reply.status(503);
    return drydockErrorBody(`Unhealthy: ${failing.join('; ')}`, true);
  }
}
