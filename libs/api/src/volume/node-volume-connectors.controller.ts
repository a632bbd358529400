import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import type { RawQuery } from '../ports/collection-query';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { VolumeConnectorsService } from './volume-connectors.service';

const contextOf = (request: FastifyRequest, version: ApiVersion) => ({ baseUrl: publicBaseUrl(request), minor: version.minor });

/** A node's volume connectors: the list; anything else answers OperationNotPermitted, as in Ironic. */
@ApiTags('volume')
@Controller('v1/nodes/:node/volume/connectors')
@UseInterceptors(ApiVersionInterceptor)
export class NodeVolumeConnectorsController {
  constructor(private readonly service: VolumeConnectorsService) {}

  @Get()
  list(@Param('node') node: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.service.list(query, contextOf(request, version), node);
  }

  @Get(':connector')
  show(@Param('node') node: string, @Param('connector') ident: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.service.show(ident, query, contextOf(request, version), node);
  }

  @Post()
  @HttpCode(201)
  async create(@Param('node') node: string, @Body() body: unknown, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return (await this.service.create(body, contextOf(request, version), node)).view;
  }

  @Patch(':connector')
  update(@Param('node') node: string, @Param('connector') ident: string, @Body() body: unknown, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.service.update(ident, body, contextOf(request, version), node);
  }

  @Delete(':connector')
  @HttpCode(204)
  async delete(@Param('node') node: string, @Param('connector') ident: string, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.service.delete(ident, contextOf(request, version), node);
  }
}
