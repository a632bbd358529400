import { Controller, Get, Req, UseInterceptors } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { PublicEndpoint } from '@slipway/runtime';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { publicBaseUrl } from './public-url';
import { rootDocument, v1Document } from './root.documents';

@Controller()
export class RootController {
  /** Unversioned, like Ironic's: no version headers on `/`. */
  @Get()
  @PublicEndpoint()
  @ApiExcludeEndpoint()
  root(@Req() request: FastifyRequest) {
    return rootDocument(publicBaseUrl(request));
  }

  @Get('v1')
  @UseInterceptors(ApiVersionInterceptor)
  v1(@Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return v1Document(publicBaseUrl(request), version.minor);
  }
}
