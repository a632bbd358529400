import { Controller, Delete, Get, HttpCode, Param, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { AllocationWritesService } from './allocation-writes.service';
import { AllocationsService } from './allocations.service';

/** `/v1/nodes/{node}/allocation`: the allocation holding a node (1.52). */
@ApiTags('allocations')
@Controller('v1/nodes/:node/allocation')
@UseInterceptors(ApiVersionInterceptor)
export class NodeAllocationController {
  constructor(
    private readonly allocations: AllocationsService,
    private readonly writes: AllocationWritesService,
  ) {}

  @Get()
  show(@Param('node') node: string, @Query('fields') fields: string | string[] | undefined, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.allocations.showForNode(node, fields, { baseUrl: publicBaseUrl(request), minor: version.minor });
  }

  @Delete()
  @HttpCode(204)
  async delete(@Param('node') node: string, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.writes.deleteForNode(node, { baseUrl: publicBaseUrl(request), minor: version.minor });
  }
}
