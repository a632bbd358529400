import { Controller, Get, Param, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { RawQuery } from '../ports/collection-query';
import { requestContext } from '../ports/request-context';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { PortgroupsService } from './portgroups.service';

/** `/v1/nodes/{node}/portgroups` (1.24): the node's portgroups, with the list's query. */
@ApiTags('portgroups')
@Controller('v1/nodes/:node/portgroups')
@UseInterceptors(ApiVersionInterceptor)
export class NodePortgroupsController {
  constructor(private readonly portgroups: PortgroupsService) {}

  @Get()
  list(@Param('node') node: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.portgroups.list(query, requestContext(request, version), false, node);
  }

  @Get('detail')
  detail(@Param('node') node: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.portgroups.list(query, requestContext(request, version), true, node);
  }
}
