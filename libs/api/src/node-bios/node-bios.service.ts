import { Injectable } from '@nestjs/common';
import { BiosSettingRepository } from '@slipway/db';
import { BIOSSettingNotFoundError, InvalidParameterValueError, NotFoundError } from '@slipway/errors';
import { parseBoolean, single } from '../common/query-values';
import { NodesService, RequestContext } from '../nodes/nodes.service';
import { isLogicalName } from '../ports/arg-values';
import { parseFieldList, RawQuery } from '../ports/collection-query';
import { pythonRepr } from '../common/python-repr';
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
    const fields = returnFields(single(raw.detail), single(raw.fields), context.minor);
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

/** Ironic's get_request_return_fields for BIOS, with its messages; unknown field names are a 400 (Ironic: 500). */
function returnFields(rawDetail: string | undefined, rawFields: string | undefined, minor: number): readonly string[] {
  const detail = parseBoolean('detail', rawDetail);
  const fields = parseFieldList(rawFields);
  if (detail !== undefined && minor < BIOS_QUERY_MIN_MINOR) throw new InvalidParameterValueError(`Invalid query parameter ?detail=${detail ? 'True' : 'False'} received.`);
  if (fields !== undefined && minor < BIOS_QUERY_MIN_MINOR) throw new InvalidParameterValueError(`Invalid query parameter ?fields=${pythonRepr(fields)} received.`);
  if (fields !== undefined && detail) throw new InvalidParameterValueError('Can not specify ?detail=True and fields in the same request.');
  if (detail) return BIOS_REGISTRY_FIELDS;
  if (fields === undefined) return BIOS_DEFAULT_FIELDS;
  const unknown = fields.filter((name) => !BIOS_SELECTABLE_FIELDS.includes(name));
  if (unknown.length) throw new InvalidParameterValueError(`Field(s) "${unknown.join(', ')}" are not valid`);
  return fields;
}
