import { Body, Controller, Delete, Get, HttpCode, Param, Put, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { NodeTraitsService } from './node-traits.service';

@ApiTags('nodes')
@Controller('v1/nodes/:node/traits')
@UseInterceptors(ApiVersionInterceptor)
export class NodeTraitsController {
  constructor(private readonly traits: NodeTraitsService) {}

  @Get()
  list(@Param('node') ident: string, @RequestedVersion() version: ApiVersion) {
    return this.traits.list(ident, version.minor);
  }

  @Put()
  @HttpCode(204)
  async replace(@Param('node') ident: string, @Body() body: unknown, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.traits.put(ident, undefined, body, version.minor);
  }

  /** 204, and (as Ironic does) a `Location` naming the added trait. */
  @Put(':trait')
  @HttpCode(204)
  async add(@Param('node') ident: string, @Param('trait') trait: string, @Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @RequestedVersion() version: ApiVersion): Promise<void> {
    const uuid = await this.traits.put(ident, trait, body, version.minor);
    reply.header('Location', `${publicBaseUrl(request)}/v1/nodes/${uuid}/traits/${trait}`);
  }

  @Delete()
  @HttpCode(204)
  async removeAll(@Param('node') ident: string, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.traits.delete(ident, undefined, version.minor);
  }

  @Delete(':trait')
  @HttpCode(204)
  async remove(@Param('node') ident: string, @Param('trait') trait: string, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.traits.delete(ident, trait, version.minor);
  }
}
