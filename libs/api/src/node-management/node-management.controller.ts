import { Body, Controller, Get, HttpCode, Param, Put, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { NodeManagementService } from './node-management.service';

@ApiTags('nodes')
@Controller('v1/nodes/:node/management')
@UseInterceptors(ApiVersionInterceptor)
export class NodeManagementController {
  constructor(private readonly management: NodeManagementService) {}

  @Get('boot_device')
  bootDevice(@Param('node') ident: string, @RequestedVersion() version: ApiVersion) {
    return this.management.bootDevice(ident, version.minor);
  }

  @Put('boot_device')
  @HttpCode(204)
  async setBootDevice(@Param('node') ident: string, @Body() body: unknown, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.management.setBootDevice(ident, body, version.minor);
  }

  @Get('boot_device/supported')
  supportedBootDevices(@Param('node') ident: string, @RequestedVersion() version: ApiVersion) {
    return this.management.supportedBootDevices(ident, version.minor);
  }

  @Put('inject_nmi')
  @HttpCode(204)
  async injectNmi(@Param('node') ident: string, @Body() body: unknown, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.management.injectNmi(ident, body, version.minor);
  }

  @Get('indicators')
  indicators(@Param('node') ident: string, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.management.indicators(ident, { baseUrl: publicBaseUrl(request), minor: version.minor });
  }

  @Get('indicators/:indicator')
  indicatorState(@Param('node') ident: string, @Param('indicator') indicator: string, @RequestedVersion() version: ApiVersion) {
    return this.management.indicatorState(ident, indicator, version.minor);
  }

  @Put('indicators/:indicator')
  @HttpCode(204)
  async setIndicatorState(@Param('node') ident: string, @Param('indicator') indicator: string, @Body() body: unknown, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.management.setIndicatorState(ident, indicator, body, version.minor);
  }
}
