import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { single } from '../common/query-values';
import { ApiVersion } from '../versioning/api-version';
import { RequestedVersion } from '../versioning/api-version.decorator';
import { ApiVersionInterceptor } from '../versioning/api-version.interceptor';
import { NodeValidateService } from './node-validate.service';

@ApiTags('nodes')
@Controller('v1/nodes')
@UseInterceptors(ApiVersionInterceptor)
export class NodeValidateController {
  constructor(private readonly validation: NodeValidateService) {}

  @Get('validate')
  validateByQuery(@Query('node') node: string | string[] | undefined, @Query('node_uuid') nodeUuid: string | string[] | undefined, @RequestedVersion() version: ApiVersion) {
    return this.validation.validateByQuery(single(node), single(nodeUuid), version.minor);
  }

  @Get(':node/validate')
  validate(@Param('node') ident: string, @RequestedVersion() version: ApiVersion) {
    return this.validation.validate(ident, version.minor);
  }
}
