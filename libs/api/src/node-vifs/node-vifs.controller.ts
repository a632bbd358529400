import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { vifAttachBodySchema } from '../volume/subresources.openapi';
import { NodeVifsService } from './node-vifs.service';

@ApiTags('nodes')
@Controller('v1/nodes/:node/vifs')
@UseInterceptors(ApiVersionInterceptor)
export class NodeVifsController {
  constructor(private readonly vifs: NodeVifsService) {}

  @Get()
  list(@Param('node') node: string, @RequestedVersion() version: ApiVersion) {
    return this.vifs.list(node, version.minor);
  }

  @Post()
  @HttpCode(204)
  @ApiBody({ schema: vifAttachBodySchema })
  async attach(@Param('node') node: string, @Body() body: unknown, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.vifs.attach(node, body, version.minor);
  }

  @Delete(':vif')
  @HttpCode(204)
  async detach(@Param('node') node: string, @Param('vif') vif: string, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.vifs.detach(node, vif, version.minor);
  }
}
