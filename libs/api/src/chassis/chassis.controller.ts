import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { RawQuery } from '../ports/collection-query';
import { requestContext } from '../ports/request-context';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { ChassisWritesService } from './chassis-writes.service';
import { ChassisService } from './chassis.service';

@ApiTags('chassis')
@Controller('v1/chassis')
@UseInterceptors(ApiVersionInterceptor)
export class ChassisController {
  constructor(
    private readonly chassis: ChassisService,
    private readonly writes: ChassisWritesService,
  ) {}

  @Get()
  list(@Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.chassis.list(query, requestContext(request, version), false);
  }

  @Get('detail')
  detail(@Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.chassis.list(query, requestContext(request, version), true);
  }

  @Get(':chassis')
  show(@Param('chassis') ident: string, @Query('fields') fields: string | undefined, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.chassis.show(ident, fields, requestContext(request, version));
  }

  @Get(':chassis/nodes')
  nodes(@Param('chassis') ident: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.chassis.nodesOf(ident, query, requestContext(request, version), false);
  }

  @Get(':chassis/nodes/detail')
  nodesDetail(@Param('chassis') ident: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.chassis.nodesOf(ident, query, requestContext(request, version), true);
  }

  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @RequestedVersion() version: ApiVersion) {
    const context = requestContext(request, version);
    const { uuid, view } = await this.writes.create(body, context);
    reply.header('Location', `${context.baseUrl}/v1/chassis/${uuid}`);
    return view;
  }

  @Patch(':chassis')
  update(@Param('chassis') ident: string, @Body() body: unknown, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.writes.update(ident, body, requestContext(request, version));
  }

  @Delete(':chassis')
  @HttpCode(204)
  async delete(@Param('chassis') ident: string): Promise<void> {
    await this.writes.delete(ident);
  }
}
