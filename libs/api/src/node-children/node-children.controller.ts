import { Controller, Get, Param, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import type { RawQuery } from '../ports/collection-query';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { NodeChildrenService } from './node-children.service';

@ApiTags('nodes')
@Controller('v1/nodes/:node/children')
@UseInterceptors(ApiVersionInterceptor)
export class NodeChildrenController {
  constructor(private readonly children: NodeChildrenService) {}

  @Get()
  list(@Param('node') node: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.children.list(node, query, { baseUrl: publicBaseUrl(request), minor: version.minor });
  }
}
