import { Controller, Get, Param, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { RawQuery } from './collection-query';
import { PortsService } from './ports.service';
import { requestContext } from './request-context';

/** `/v1/nodes/{node}/ports`: the node's ports, with the list's query. */
@ApiTags('ports')
@Controller('v1/nodes/:node/ports')
@UseInterceptors(ApiVersionInterceptor)
export class NodePortsController {
  constructor(private readonly ports: PortsService) {}

  @Get()
  list(@Param('node') node: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.ports.list(query, requestContext(request, version), false, { node });
  }

  @Get('detail')
  detail(@Param('node') node: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.ports.list(query, requestContext(request, version), true, { node });
  }
}
