import { Controller, Get, Param, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { RawQuery } from './conductor-list-query';
import { ConductorsService } from './conductors.service';

@ApiTags('conductors')
@Controller('v1/conductors')
@UseInterceptors(ApiVersionInterceptor)
export class ConductorsController {
  constructor(private readonly conductors: ConductorsService) {}

  @Get()
  list(@Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.conductors.list(query, { baseUrl: publicBaseUrl(request), minor: version.minor });
  }

  @Get(':hostname')
  show(@Param('hostname') hostname: string, @Query('fields') fields: string | string[] | undefined, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.conductors.show(hostname, fields, { baseUrl: publicBaseUrl(request), minor: version.minor });
  }
}
