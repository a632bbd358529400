import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { DrydockExceptionFilter } from '../errors/drydock-exception.filter';
import { API_PREFIX } from '../http/api-prefix';
import { DesignsService } from './designs.service';

/** Site design versions: create from YAML (body, `yaml` or `href`), list, show, parts. */
@ApiTags('orchestrator designs')
@Controller('api/v1.0/designs')
@UseFilters(DrydockExceptionFilter)
export class DesignsController {
  constructor(private readonly designs: DesignsService) {}

  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown, @Query('name') name: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const { id, view } = await this.designs.create(body, name);
    reply.header('Location', `${API_PREFIX}/designs/${id}`);
    return view;
  }

  @Get()
  list() {
    return this.designs.list();
  }

  @Get(':design')
  show(@Param('design') design: string, @Query('source') source: string | undefined) {
    return this.designs.show(design, source);
  }

  @Get(':design/parts')
  partCatalog(@Param('design') design: string) {
    return this.designs.partCatalog(design);
  }

  @Get(':design/parts/:kind')
  partsOfKind(@Param('design') design: string, @Param('kind') kind: string) {
    return this.designs.parts(design, kind);
  }

  @Get(':design/parts/:kind/:name')
  part(@Param('design') design: string, @Param('kind') kind: string, @Param('name') name: string) {
    return this.designs.parts(design, kind, name);
  }
}
