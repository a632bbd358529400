import { Body, Controller, HttpCode, Param, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { heartbeatBodySchema } from '../volume/subresources.openapi';
import { RamdiskService } from './ramdisk.service';

@ApiTags('agent')
@Controller('v1/heartbeat')
@UseInterceptors(ApiVersionInterceptor)
export class HeartbeatController {
  constructor(private readonly ramdisk: RamdiskService) {}

  /** 202 with an empty body, as Ironic answers. */
  @Post(':node')
  @HttpCode(202)
  @ApiBody({ schema: heartbeatBodySchema })
  async heartbeat(@Param('node') node: string, @Body() body: unknown, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.ramdisk.heartbeat(node, body, { baseUrl: publicBaseUrl(request), minor: version.minor });
  }
}
