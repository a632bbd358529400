import { Injectable } from '@nestjs/common';
import { InvalidParameterValueError, NotFoundError, PortgroupNotFoundError, PortNotFoundError } from '@slipway/errors';
import { nodeVifAttach, nodeVifDetach, nodeVifList } from '@slipway/rpc';
import { canonicalUuid, isUuid } from '../common/identifiers';
import { NodeOwnerRpcService } from '../node-states/node-owner-rpc.service';
import { NodesService } from '../nodes/nodes.service';
import { expectUuidOrName } from '../ports/arg-values';
import { isType, notOfType } from '../ports/resource-schema';

/** VIFs appeared in 1.28; attaching to a given port or port group in 1.67. */
const VIFS_MIN_MINOR = 28;
const VIF_PORT_MIN_MINOR = 67;

/** `/v1/nodes/{node}/vifs`: carried out by the node's conductor with its network interface. */
@Injectable()
export class NodeVifsService {
  constructor(
    private readonly nodes: NodesService,
    private readonly owner: NodeOwnerRpcService,
  ) {}

  async list(ident: string, minor: number): Promise<{ vifs: Array<{ id: string }> }> {
    if (minor < VIFS_MIN_MINOR) throw new NotFoundError();
    const node = await this.nodes.find(ident, minor);
    return this.owner.call(node, nodeVifList, { uuid: node.uuid });
  }

  async attach(ident: string, body: unknown, minor: number): Promise<void> {
    if (minor < VIFS_MIN_MINOR) throw new NotFoundError();
    const value = checkVifBody(body);
    const id = expectUuidOrName('id', value.id as string);
    const vif: { id: string; portUuid?: string; portgroupUuid?: string } = { id };
    if (minor >= VIF_PORT_MIN_MINOR) {
      if ('port_uuid' in value && 'portgroup_uuid' in value) throw new InvalidParameterValueError('Cannot specify both port_uuid and portgroup_uuid');
      if (value.port_uuid !== undefined) vif.portUuid = uuidOr(value.port_uuid, () => new PortNotFoundError({ port: String(value.port_uuid) }));
      if (value.portgroup_uuid !== undefined) vif.portgroupUuid = uuidOr(value.portgroup_uuid, () => new PortgroupNotFoundError({ portgroup: String(value.portgroup_uuid) }));
    }
    const node = await this.nodes.find(ident, minor);
    await this.owner.call(node, nodeVifAttach, { uuid: node.uuid, vif });
  }

  async detach(ident: string, vifId: string, minor: number): Promise<void> {
    if (minor < VIFS_MIN_MINOR) throw new NotFoundError();
    expectUuidOrName('vif_id', vifId);
    const node = await this.nodes.find(ident, minor);
    await this.owner.call(node, nodeVifDetach, { uuid: node.uuid, vifId });
  }
}

/** A port (group) is looked up by UUID: anything else names none. */
function uuidOr(value: unknown, missing: () => Error): string {
  if (typeof value !== 'string' || !isUuid(value)) throw missing();
  return canonicalUuid(value);
}

/** Ironic's VIF schema: an object with a string `id`; other keys are allowed (drivers may read them). */
function checkVifBody(body: unknown): Record<string, unknown> {
  if (!isType(body, 'object')) throw new InvalidParameterValueError(`Schema error for vif: ${notOfType(body, ['object'])}`);
  const value = body as Record<string, unknown>;
  if (!('id' in value)) throw new InvalidParameterValueError("Schema error for vif: 'id' is a required property");
  if (typeof value.id !== 'string') throw new InvalidParameterValueError(`Schema error for vif: ${notOfType(value.id, ['string'])}`);
  return value;
}
