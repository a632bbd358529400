import { Controller, Get, Param, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { RawQuery } from './driver-list-query';
import { DriverRequestContext, DriversService } from './drivers.service';

const contextOf = (request: FastifyRequest, version: ApiVersion): DriverRequestContext => ({ baseUrl: publicBaseUrl(request), minor: version.minor });

@ApiTags('drivers')
@Controller('v1/drivers')
@UseInterceptors(ApiVersionInterceptor)
export class DriversController {
  constructor(private readonly drivers: DriversService) {}

  @Get()
  list(@Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.drivers.list(query, contextOf(request, version));
  }

  @Get(':name')
  show(@Param('name') name: string, @Query('fields') fields: string | string[] | undefined, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.drivers.show(name, fields, contextOf(request, version));
  }

  @Get(':name/properties')
  properties(@Param('name') name: string) {
    return this.drivers.properties(name);
  }

  @Get(':name/raid/logical_disk_properties')
  raidLogicalDiskProperties(@Param('name') name: string, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.drivers.raidLogicalDiskProperties(name, contextOf(request, version));
  }
}
