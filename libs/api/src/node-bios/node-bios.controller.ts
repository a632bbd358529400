import { Controller, Get, Param, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import type { RawQuery } from '../ports/collection-query';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { NodeBiosService } from './node-bios.service';

@ApiTags('nodes')
@Controller('v1/nodes/:node/bios')
@UseInterceptors(ApiVersionInterceptor)
export class NodeBiosController {
  constructor(private readonly bios: NodeBiosService) {}

  @Get()
  list(@Param('node') node: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.bios.list(node, query, { baseUrl: publicBaseUrl(request), minor: version.minor });
  }

  @Get(':setting')
  show(@Param('node') node: string, @Param('setting') setting: string, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.bios.show(node, setting, query, { baseUrl: publicBaseUrl(request), minor: version.minor });
  }
}
