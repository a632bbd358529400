import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { patchBodySchema } from '../openapi/body-schemas';
import { FastifyReply, FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { allocationCreateBodySchema } from './allocation.openapi';
import { RawQuery } from './allocation-list-query';
import { AllocationWritesService } from './allocation-writes.service';
import { AllocationRequestContext, AllocationsService } from './allocations.service';

const contextOf = (request: FastifyRequest, version: ApiVersion): AllocationRequestContext => ({ baseUrl: publicBaseUrl(request), minor: version.minor });

@ApiTags('allocations')
@Controller('v1/allocations')
@UseInterceptors(ApiVersionInterceptor)
export class AllocationsController {
  constructor(
    private readonly allocations: AllocationsService,
    private readonly writes: AllocationWritesService,
  ) {}

  @Get()
  list(@Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.allocations.list(query, contextOf(request, version));
  }

  @Get(':allocation')
  show(@Param('allocation') ident: string, @Query('fields') fields: string | string[] | undefined, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.allocations.show(ident, fields, contextOf(request, version));
  }

  @Post()
  @HttpCode(201)
  @ApiBody({ schema: allocationCreateBodySchema })
  async create(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @RequestedVersion() version: ApiVersion) {
    const context = contextOf(request, version);
    const { uuid, view } = await this.writes.create(body, context);
    reply.header('Location', `${context.baseUrl}/v1/allocations/${uuid}`);
    return view;
  }

  @Patch(':allocation')
  @ApiBody({ schema: patchBodySchema })
  update(@Param('allocation') ident: string, @Body() body: unknown, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.writes.update(ident, body, contextOf(request, version));
  }

  @Delete(':allocation')
  @HttpCode(204)
  async delete(@Param('allocation') ident: string, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.writes.delete(ident, contextOf(request, version));
  }
}
