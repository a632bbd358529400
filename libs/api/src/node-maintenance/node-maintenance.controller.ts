import { Body, Controller, Delete, HttpCode, Param, Put, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { NodeMaintenanceService } from './node-maintenance.service';

@ApiTags('nodes')
@Controller('v1/nodes/:node/maintenance')
@UseInterceptors(ApiVersionInterceptor)
export class NodeMaintenanceController {
  constructor(private readonly maintenance: NodeMaintenanceService) {}

  /** 202 with no body, as Ironic answers, although the change is made by then. */
  @Put()
  @HttpCode(202)
  async set(@Param('node') ident: string, @Body() body: unknown, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.maintenance.set(ident, body, version.minor);
  }

  @Delete()
  @HttpCode(202)
  async unset(@Param('node') ident: string, @Body() body: unknown, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.maintenance.unset(ident, body, version.minor);
  }
}
