import { Injectable } from '@nestjs/common';
import { BiosSettingRepository } from '@slipway/db';
import { BIOSSettingNotFoundError, InvalidParameterValueError, NotFoundError } from '@slipway/errors';
import { single } from '../common/query-values';
import { requestReturnFields } from '../common/return-fields';
import { NodesService, RequestContext } from '../nodes/nodes.service';
import { isLogicalName } from '../ports/arg-values';
import type { RawQuery } from '../ports/collection-query';
import { refuseUnexpected } from '../volume/volume-list-query';
import { BIOS_DEFAULT_FIELDS, BIOS_REGISTRY_FIELDS, BIOS_SELECTABLE_FIELDS, biosSettingView } from './bios-setting.view';

/** BIOS settings appeared in 1.40; `detail` and `fields` (the registry metadata) in 1.74. */
const BIOS_MIN_MINOR = 40;
const BIOS_QUERY_MIN_MINOR = 74;

/** `GET /v1/nodes/{node}/bios[/{setting}]`: the settings the node's conductor cached. */
@Injectable()
export class NodeBiosService {
  constructor(
    private readonly nodes: NodesService,
    private readonly settings: BiosSettingRepository,
  ) {}

  async list(ident: string, raw: RawQuery, context: RequestContext): Promise<{ bios: Record<string, unknown>[] }> {
    if (context.minor < BIOS_MIN_MINOR) throw new NotFoundError();
    refuseUnexpected(raw, ['detail', 'fields']);
    const fields = requestReturnFields(single(raw.detail), single(raw.fields), {
      queryAllowed: context.minor >= BIOS_QUERY_MIN_MINOR,
      defaults: BIOS_DEFAULT_FIELDS,
      detail: BIOS_REGISTRY_FIELDS,
      selectable: BIOS_SELECTABLE_FIELDS,
    });
    const node = await this.nodes.find(ident, context.minor);
    const settings = await this.settings.listByNodeId(node.id);
    return { bios: settings.map((setting) => biosSettingView(setting, context.baseUrl, ident, fields)) };
  }

  async show(ident: string, name: string, raw: RawQuery, context: RequestContext): Promise<Record<string, unknown>> {
    if (context.minor < BIOS_MIN_MINOR) throw new NotFoundError();
    refuseUnexpected(raw, []);
    if (!isLogicalName(name)) throw new InvalidParameterValueError(`Expected name for setting_name: ${name}`);
    const node = await this.nodes.find(ident, context.minor);
    const setting = await this.settings.find(node.id, name);
    if (!setting) throw new BIOSSettingNotFoundError({ node: node.uuid, name });
    const fields = context.minor >= BIOS_QUERY_MIN_MINOR ? BIOS_REGISTRY_FIELDS : BIOS_DEFAULT_FIELDS;
    return { [name]: biosSettingView(setting, context.baseUrl, node.uuid, fields) };
  }
}
