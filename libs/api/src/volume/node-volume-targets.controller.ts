import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import type { RawQuery } from '../ports/collection-query';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { VolumeTargetsService } from './volume-targets.service';

const contextOf = (request: FastifyRequest, version: ApiVersion) => ({ baseUrl: publicBaseUrl(request), minor: version.minor });

/** A node's volume targets: the list; anything else answers OperationNotPermitted, as in Ironic. */
@ApiTags('volume')
@Controller('v1/nodes/:node/volume/targets')
@UseInterceptors(ApiVersionInterceptor)
export class NodeVolumeTargetsController {
  constructor(private readonly service: VolumeTargetsService) {}

  @Get()
  list(@Param('node') node: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.service.list(query, contextOf(request, version), node);
  }

  @Get(':target')
  show(@Param('node') node: string, @Param('target') ident: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.service.show(ident, query, contextOf(request, version), node);
  }

  @Post()
  @HttpCode(201)
  async create(@Param('node') node: string, @Body() body: unknown, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return (await this.service.create(body, contextOf(request, version), node)).view;
  }

  @Patch(':target')
  update(@Param('node') node: string, @Param('target') ident: string, @Body() body: unknown, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.service.update(ident, body, contextOf(request, version), node);
  }

  @Delete(':target')
  @HttpCode(204)
  async delete(@Param('node') node: string, @Param('target') ident: string, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.service.delete(ident, contextOf(request, version), node);
  }
}
