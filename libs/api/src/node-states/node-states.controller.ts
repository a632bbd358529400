import { Body, Controller, Get, HttpCode, Param, Put, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { NodeStatesService } from './node-states.service';

/** Where an asynchronous state change points the client: the node's states. */
function pointToStates(request: FastifyRequest, reply: FastifyReply, uuid: string): void {
  reply.header('Location', `${publicBaseUrl(request)}/v1/nodes/${uuid}/states`);
}

@ApiTags('nodes')
@Controller('v1/nodes/:node/states')
@UseInterceptors(ApiVersionInterceptor)
export class NodeStatesController {
  constructor(private readonly states: NodeStatesService) {}

  @Get()
  show(@Param('node') ident: string, @RequestedVersion() version: ApiVersion) {
    return this.states.states(ident, version.minor);
  }

  @Put('power')
  @HttpCode(202)
  async power(@Param('node') ident: string, @Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @RequestedVersion() version: ApiVersion): Promise<void> {
    pointToStates(request, reply, await this.states.changePower(ident, body, version.minor));
  }

  @Put('boot_mode')
  @HttpCode(202)
  async bootMode(@Param('node') ident: string, @Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @RequestedVersion() version: ApiVersion): Promise<void> {
    pointToStates(request, reply, await this.states.changeBootMode(ident, body, version.minor));
  }

  @Put('secure_boot')
  @HttpCode(202)
  async secureBoot(@Param('node') ident: string, @Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @RequestedVersion() version: ApiVersion): Promise<void> {
    pointToStates(request, reply, await this.states.changeSecureBoot(ident, body, version.minor));
  }
}
