import { Controller, Get, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import type { RawQuery } from '../ports/collection-query';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { RamdiskService } from './ramdisk.service';

@ApiTags('agent')
@Controller('v1/lookup')
@UseInterceptors(ApiVersionInterceptor)
export class LookupController {
  constructor(private readonly ramdisk: RamdiskService) {}

  @Get()
  lookup(@Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.ramdisk.lookup(query, { baseUrl: publicBaseUrl(request), minor: version.minor });
  }
}
