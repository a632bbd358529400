import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { nodeCreateBodySchema, patchBodySchema } from '../openapi/body-schemas';
import { FastifyReply, FastifyRequest } from 'fastify';
import { parseBoolean } from '../common/query-values';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { RawQuery } from './node-list-query';
import { NodeWritesService } from './node-writes.service';
import { NodesService, RequestContext } from './nodes.service';

const contextOf = (request: FastifyRequest, version: ApiVersion): RequestContext => ({ baseUrl: publicBaseUrl(request), minor: version.minor });

@ApiTags('nodes')
@Controller('v1/nodes')
@UseInterceptors(ApiVersionInterceptor)
export class NodesController {
  constructor(
    private readonly nodes: NodesService,
    private readonly writes: NodeWritesService,
  ) {}

  @Get()
  list(@Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.nodes.list(query, contextOf(request, version), false);
  }

  @Get('detail')
  detail(@Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.nodes.list(query, contextOf(request, version), true);
  }

  @Get(':node')
  show(@Param('node') ident: string, @Query('fields') fields: string | undefined, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.nodes.show(ident, fields, contextOf(request, version));
  }

  @Post()
  @HttpCode(201)
  @ApiBody({ schema: nodeCreateBodySchema })
  async create(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @RequestedVersion() version: ApiVersion) {
    const context = contextOf(request, version);
    const { uuid, view } = await this.writes.create(body, context);
    reply.header('Location', `${context.baseUrl}/v1/nodes/${uuid}`);
    return view;
  }

  @Patch(':node')
  @ApiBody({ schema: patchBodySchema })
  update(@Param('node') ident: string, @Body() body: unknown, @Query('reset_interfaces') reset: string | undefined, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.writes.update(ident, body, parseBoolean('reset_interfaces', reset) ?? false, contextOf(request, version));
  }

  @Delete(':node')
  @HttpCode(204)
  async delete(@Param('node') ident: string, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.writes.delete(ident, contextOf(request, version));
  }
}
