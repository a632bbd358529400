import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { RawQuery } from './collection-query';
import { PortWritesService } from './port-writes.service';
import { PortsService } from './ports.service';
import { requestContext } from './request-context';

@ApiTags('ports')
@Controller('v1/ports')
@UseInterceptors(ApiVersionInterceptor)
export class PortsController {
  constructor(
    private readonly ports: PortsService,
    private readonly writes: PortWritesService,
  ) {}

  @Get()
  list(@Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.ports.list(query, requestContext(request, version), false);
  }

  @Get('detail')
  detail(@Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.ports.list(query, requestContext(request, version), true);
  }

  @Get(':port')
  show(@Param('port') ident: string, @Query('fields') fields: string | undefined, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.ports.show(ident, fields, requestContext(request, version));
  }

  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @RequestedVersion() version: ApiVersion) {
    const context = requestContext(request, version);
    const { uuid, view } = await this.writes.create(body, context);
    reply.header('Location', `${context.baseUrl}/v1/ports/${uuid}`);
    return view;
  }

  @Patch(':port')
  update(@Param('port') ident: string, @Body() body: unknown, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.writes.update(ident, body, requestContext(request, version));
  }

  @Delete(':port')
  @HttpCode(204)
  async delete(@Param('port') ident: string): Promise<void> {
    await this.writes.delete(ident);
  }
}
