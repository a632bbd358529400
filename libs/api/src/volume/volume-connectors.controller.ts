import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { patchBodySchema } from '../openapi/body-schemas';
import type { RawQuery } from '../ports/collection-query';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { volumeConnectorBodySchema } from './subresources.openapi';
import { VolumeConnectorsService } from './volume-connectors.service';

const contextOf = (request: FastifyRequest, version: ApiVersion) => ({ baseUrl: publicBaseUrl(request), minor: version.minor });

@ApiTags('volume')
@Controller('v1/volume/connectors')
@UseInterceptors(ApiVersionInterceptor)
export class VolumeConnectorsController {
  constructor(private readonly service: VolumeConnectorsService) {}

  @Get()
  list(@Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.service.list(query, contextOf(request, version));
  }

  @Get(':connector')
  show(@Param('connector') ident: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.service.show(ident, query, contextOf(request, version));
  }

  @Post()
  @HttpCode(201)
  @ApiBody({ schema: volumeConnectorBodySchema })
  async create(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @RequestedVersion() version: ApiVersion) {
    const context = contextOf(request, version);
    const { uuid, view } = await this.service.create(body, context);
    reply.header('Location', `${context.baseUrl}/v1/volume/connectors/${uuid}`);
    return view;
  }

  @ApiBody({ schema: patchBodySchema })
  @Patch(':connector')
  update(@Param('connector') ident: string, @Body() body: unknown, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.service.update(ident, body, contextOf(request, version));
  }

  @Delete(':connector')
  @HttpCode(204)
  async delete(@Param('connector') ident: string, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.service.delete(ident, contextOf(request, version));
  }
}
