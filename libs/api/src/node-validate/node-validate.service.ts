import { Injectable } from '@nestjs/common';
import { InvalidParameterValueError, NotAcceptableError } from '@slipway/errors';
import { nodeValidateInterfaces } from '@slipway/rpc';
import { isUuid } from '../common/identifiers';
import { NodesService } from '../nodes/nodes.service';
import { NodeOwnerRpcService } from '../node-states/node-owner-rpc.service';

const MINOR_NODE_NAMES = 5;
const MINOR_FIRMWARE_INTERFACE = 86;

/** Interfaces a version does not know are left out of the answer. */
const INTERFACE_MIN_MINOR: Readonly<Record<string, number>> = { firmware: MINOR_FIRMWARE_INTERFACE };

/** `GET /v1/nodes/{node}/validate`: every interface's validate(), run by the owning conductor. */
@Injectable()
export class NodeValidateService {
  constructor(
    private readonly nodes: NodesService,
    private readonly owner: NodeOwnerRpcService,
  ) {}

  async validate(ident: string, minor: number): Promise<Record<string, { result: boolean | null; reason?: string }>> {
    const node = await this.nodes.find(ident, minor);
    const { interfaces } = await this.owner.call(node, nodeValidateInterfaces, { uuid: node.uuid });
    const view: Record<string, { result: boolean | null; reason?: string }> = {};
    for (const { interface: name, result, reason } of interfaces) {
      if ((INTERFACE_MIN_MINOR[name] ?? 1) > minor) continue;
      view[name] = reason === undefined ? { result } : { result, reason };
    }
    return view;
  }

  /** The older form `GET /v1/nodes/validate?node=<ident>` (or `?node_uuid=<uuid>`, which wins). */
  async validateByQuery(node: string | undefined, nodeUuid: string | undefined, minor: number): Promise<Record<string, { result: boolean | null; reason?: string }>> {
    if (nodeUuid !== undefined && !isUuid(nodeUuid)) throw new InvalidParameterValueError(`Expected UUID for node_uuid: ${nodeUuid}`);
    if (node !== undefined && minor < MINOR_NODE_NAMES && !isUuid(node)) throw new NotAcceptableError();
    const ident = nodeUuid ?? node;
    if (ident === undefined) throw new InvalidParameterValueError(`Expected UUID or name for node: None`);
    return this.validate(ident, minor);
  }
}
