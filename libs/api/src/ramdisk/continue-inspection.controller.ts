import { Body, Controller, HttpCode, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import type { RawQuery } from '../ports/collection-query';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { continueInspectionBodySchema } from '../volume/subresources.openapi';
import { ContinueInspectionService } from './continue-inspection.service';

@ApiTags('agent')
@Controller('v1/continue_inspection')
@UseInterceptors(ApiVersionInterceptor)
export class ContinueInspectionController {
  constructor(private readonly inspection: ContinueInspectionService) {}

  /** 202 with the lookup answer (1.84) or `{uuid}` (1.1), as Ironic answers. */
  @Post()
  @HttpCode(202)
  @ApiBody({ schema: continueInspectionBodySchema })
  continueInspection(@Body() body: unknown, @Query() query: RawQuery, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.inspection.continueInspection(body, query, { baseUrl: publicBaseUrl(request), minor: version.minor });
  }
}
