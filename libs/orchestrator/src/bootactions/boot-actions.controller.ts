import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { PublicEndpoint } from '@slipway/runtime';
import type { BootActionAssetKind } from '@slipway/site';
import { DrydockExceptionFilter } from '../errors/drydock-exception.filter';
import { BootActionsService } from './boot-actions.service';

/**
 * Drydock's boot action endpoints. Deployed nodes call them with their key
 * (`X-Bootaction-Key`), so they are outside the API's own authentication, as in Drydock.
 */
@ApiTags('orchestrator boot actions')
@Controller('api/v1.0/bootactions')
@UseFilters(DrydockExceptionFilter)
@PublicEndpoint()
export class BootActionsController {
  constructor(private readonly bootActions: BootActionsService) {}

  @Get('nodes/:node/units')
  units(@Param('node') node: string, @Headers('x-bootaction-key') key: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.tarball(node, 'units', key, reply);
  }

  @Get('nodes/:node/files')
  files(@Param('node') node: string, @Headers('x-bootaction-key') key: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.tarball(node, 'files', key, reply);
  }

  @Post(':action')
  @HttpCode(200)
  report(@Param('action') action: string, @Headers('x-bootaction-key') key: string | undefined, @Body() body: unknown) {
    return this.bootActions.report(action, key, body);
  }

  private async tarball(node: string, kind: BootActionAssetKind, key: string | undefined, reply: FastifyReply): Promise<Buffer> {
    const tarball = await this.bootActions.assets(node, kind, key);
    reply.header('Content-Type', 'application/gzip').header('Content-Disposition', `attachment; filename="${node}-${kind === 'units' ? 'unit' : 'file'}.tar.gz"`);
    return tarball;
  }
}
