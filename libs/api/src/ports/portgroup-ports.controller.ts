import { Controller, Get, Param, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { RawQuery } from './collection-query';
import { PortsService } from './ports.service';
import { requestContext } from './request-context';

/** `/v1/portgroups/{portgroup}/ports` (1.24): the portgroup's member ports. */
@ApiTags('ports')
@Controller('v1/portgroups/:portgroup/ports')
@UseInterceptors(ApiVersionInterceptor)
export class PortgroupPortsController {
  constructor(private readonly ports: PortsService) {}

  @Get()
  list(@Param('portgroup') portgroup: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.ports.listOfPortgroup(portgroup, query, requestContext(request, version), false);
  }

  @Get('detail')
  detail(@Param('portgroup') portgroup: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.ports.listOfPortgroup(portgroup, query, requestContext(request, version), true);
  }
}
