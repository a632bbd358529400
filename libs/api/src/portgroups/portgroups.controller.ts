import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { RawQuery } from '../ports/collection-query';
import { requestContext } from '../ports/request-context';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { PortgroupWritesService } from './portgroup-writes.service';
import { PortgroupsService } from './portgroups.service';

@ApiTags('portgroups')
@Controller('v1/portgroups')
@UseInterceptors(ApiVersionInterceptor)
export class PortgroupsController {
  constructor(
    private readonly portgroups: PortgroupsService,
    private readonly writes: PortgroupWritesService,
  ) {}

  @Get()
  list(@Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.portgroups.list(query, requestContext(request, version), false);
  }

  @Get('detail')
  detail(@Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.portgroups.list(query, requestContext(request, version), true);
  }

  @Get(':portgroup')
  show(@Param('portgroup') ident: string, @Query('fields') fields: string | undefined, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.portgroups.show(ident, fields, requestContext(request, version));
  }

  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @RequestedVersion() version: ApiVersion) {
    const context = requestContext(request, version);
    const { uuid, view } = await this.writes.create(body, context);
    reply.header('Location', `${context.baseUrl}/v1/portgroups/${uuid}`);
    return view;
  }

  @Patch(':portgroup')
  update(@Param('portgroup') ident: string, @Body() body: unknown, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.writes.update(ident, body, requestContext(request, version));
  }

  @Delete(':portgroup')
  @HttpCode(204)
  async delete(@Param('portgroup') ident: string, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.writes.delete(ident, requestContext(request, version));
  }
}
