import { Controller, Get, Param, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import type { RawQuery } from '../ports/collection-query';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { NodeHistoryService } from './node-history.service';

@ApiTags('nodes')
@Controller('v1/nodes/:node/history')
@UseInterceptors(ApiVersionInterceptor)
export class NodeHistoryController {
  constructor(private readonly history: NodeHistoryService) {}

  @Get()
  list(@Param('node') node: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.history.list(node, query, { baseUrl: publicBaseUrl(request), minor: version.minor });
  }

  @Get(':event')
  show(@Param('node') node: string, @Param('event') event: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.history.show(node, event, query, { baseUrl: publicBaseUrl(request), minor: version.minor });
  }
}
