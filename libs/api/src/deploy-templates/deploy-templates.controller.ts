import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { patchBodySchema } from '../openapi/body-schemas';
import { FastifyReply, FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { deployTemplateCreateBodySchema } from './deploy-template.openapi';
import { RawQuery } from './deploy-template-list-query';
import { DeployTemplateWritesService } from './deploy-template-writes.service';
import { DeployTemplateRequestContext, DeployTemplatesService } from './deploy-templates.service';

const contextOf = (request: FastifyRequest, version: ApiVersion): DeployTemplateRequestContext => ({ baseUrl: publicBaseUrl(request), minor: version.minor });

@ApiTags('deploy_templates')
@Controller('v1/deploy_templates')
@UseInterceptors(ApiVersionInterceptor)
export class DeployTemplatesController {
  constructor(
    private readonly templates: DeployTemplatesService,
    private readonly writes: DeployTemplateWritesService,
  ) {}

  @Get()
  list(@Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.templates.list(query, contextOf(request, version));
  }

  @Get(':template')
  show(@Param('template') ident: string, @Query('fields') fields: string | string[] | undefined, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.templates.show(ident, fields, contextOf(request, version));
  }

  @Post()
  @HttpCode(201)
  @ApiBody({ schema: deployTemplateCreateBodySchema })
  async create(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @RequestedVersion() version: ApiVersion) {
    const context = contextOf(request, version);
    const { uuid, view } = await this.writes.create(body, context);
    reply.header('Location', `${context.baseUrl}/v1/deploy_templates/${uuid}`);
    return view;
  }

  @Patch(':template')
  @ApiBody({ schema: patchBodySchema })
  update(@Param('template') ident: string, @Body() body: unknown, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.writes.update(ident, body, contextOf(request, version));
  }

  @Delete(':template')
  @HttpCode(204)
  async delete(@Param('template') ident: string, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion): Promise<void> {
    await this.writes.delete(ident, contextOf(request, version));
  }
}
