import { Body, Controller, Get, HttpCode, Post, Query, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DrydockExceptionFilter } from '../errors/drydock-exception.filter';
import { SiteNodesService } from './site-nodes.service';

/** `GET /nodes` (the design's nodes and their Ironic state) and Drydock's `POST /nodefilter`. */
@ApiTags('orchestrator nodes')
@Controller('api/v1.0')
@UseFilters(DrydockExceptionFilter)
export class SiteNodesController {
  constructor(private readonly nodes: SiteNodesService) {}

  @Get('nodes')
  list(@Query('design_ref') designRef: string | undefined) {
    return this.nodes.list(designRef);
  }

  @Post('nodefilter')
  @HttpCode(200)
  filter(@Body() body: unknown) {
    return this.nodes.filter(body);
  }
}
