import { Injectable } from '@nestjs/common';
import { FirmwareComponentRepository } from '@slipway/db';
import { NotFoundError } from '@slipway/errors';
import { single } from '../common/query-values';
import { requestReturnFields } from '../common/return-fields';
import { NodesService, RequestContext } from '../nodes/nodes.service';
import type { RawQuery } from '../ports/collection-query';
import { refuseUnexpected } from '../volume/volume-list-query';
import { FIRMWARE_DEFAULT_FIELDS, FIRMWARE_SELECTABLE_FIELDS, firmwareComponentView } from './firmware-component.view';

/** The firmware interface, and this endpoint with it, came with 1.86. */
const FIRMWARE_MIN_MINOR = 86;

/** `GET /v1/nodes/{node}/firmware`: the firmware components the node's conductor cached. */
@Injectable()
export class NodeFirmwareService {
  constructor(
    private readonly nodes: NodesService,
    private readonly components: FirmwareComponentRepository,
  ) {}

  async list(ident: string, raw: RawQuery, context: RequestContext): Promise<{ firmware: Record<string, unknown>[] }> {
    if (context.minor < FIRMWARE_MIN_MINOR) throw new NotFoundError();
    refuseUnexpected(raw, ['detail', 'fields']);
    // Ironic's detail=true shows the timestamps alone (it passes no field list on); every field is meant.
    const fields = requestReturnFields(single(raw.detail), single(raw.fields), {
      queryAllowed: true,
      defaults: FIRMWARE_DEFAULT_FIELDS,
      detail: FIRMWARE_DEFAULT_FIELDS,
      selectable: FIRMWARE_SELECTABLE_FIELDS,
    });
    const node = await this.nodes.find(ident, context.minor);
    const components = await this.components.listByNodeId(node.id);
    return { firmware: components.map((component) => firmwareComponentView(component, fields)) };
  }
}
