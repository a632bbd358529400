import { All, Body, Controller, Get, Param, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MethodNotAllowedError } from '@slipway/errors';
import { FastifyReply, FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { PassthruAnswer, VendorPassthruService } from './vendor-passthru.service';

const send = (reply: FastifyReply, answer: PassthruAnswer) => reply.status(answer.status).send(answer.body);

/**
 * The method of a call in path form (`vendor_passthru/{method}`, what python-ironicclient sends).
 * `methods` there is the listing, which only answers GET.
 */
function pathMethod(method: string, request: FastifyRequest): string {
  if (method === 'methods') throw new MethodNotAllowedError({ method: request.method, allowed: ['GET'] });
  return method;
}

@ApiTags('vendor passthru')
@Controller('v1')
@UseInterceptors(ApiVersionInterceptor)
export class VendorPassthruController {
  constructor(private readonly passthru: VendorPassthruService) {}

  @Get('nodes/:node/vendor_passthru/methods')
  nodeMethods(@Param('node') ident: string, @Req() request: FastifyRequest, @RequestedVersion() version: ApiVersion) {
    return this.passthru.nodeMethods(ident, { baseUrl: publicBaseUrl(request), minor: version.minor });
  }

  /** Any HTTP verb: the vendor method says which it accepts. */
  @All('nodes/:node/vendor_passthru')
  async node(@Param('node') ident: string, @Query('method') method: string | undefined, @Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply, @RequestedVersion() version: ApiVersion) {
    send(reply, await this.passthru.callNode(ident, method, request.method, body, { baseUrl: publicBaseUrl(request), minor: version.minor }));
  }

  /** The same call with the method in the path, as Ironic also accepts. */
  @All('nodes/:node/vendor_passthru/:method')
  async nodeByPath(@Param('node') ident: string, @Param('method') method: string, @Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply, @RequestedVersion() version: ApiVersion) {
    await this.node(ident, pathMethod(method, request), body, request, reply, version);
  }

  @Get('drivers/:driver/vendor_passthru/methods')
  driverMethods(@Param('driver') driver: string) {
    return this.passthru.driverMethods(driver);
  }

  @All('drivers/:driver/vendor_passthru')
  async driver(@Param('driver') driver: string, @Query('method') method: string | undefined, @Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    send(reply, await this.passthru.callDriver(driver, method, request.method, body));
  }

  @All('drivers/:driver/vendor_passthru/:method')
  async driverByPath(@Param('driver') driver: string, @Param('method') method: string, @Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.driver(driver, pathMethod(method, request), body, request, reply);
  }
}
