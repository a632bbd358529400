import { Controller, Get, Param, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import type { RawQuery } from '../ports/collection-query';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { VolumeRootService } from './volume-root.service';

@ApiTags('volume')
@Controller()
@UseInterceptors(ApiVersionInterceptor)
export class VolumeRootController {
  constructor(private readonly volume: VolumeRootService) {}

  @Get('v1/volume')
  root(@Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.volume.root(query, { baseUrl: publicBaseUrl(request), minor: version.minor });
  }

  @Get('v1/nodes/:node/volume')
  nodeRoot(@Param('node') node: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.volume.root(query, { baseUrl: publicBaseUrl(request), minor: version.minor }, node);
  }
}
