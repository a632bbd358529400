import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@slipway/errors';
import {
  nodeGetBootDevice, nodeGetIndicatorState, nodeGetSupportedBootDevices, nodeGetSupportedIndicators, nodeInjectNmi, nodeSetBootDevice, nodeSetIndicatorState,
} from '@slipway/rpc';
import { NodesService, RequestContext } from '../nodes/nodes.service';
import { booleanArg, methodArgs, required, stringArg } from '../node-states/method-args';
import { NodeOwnerRpcService } from '../node-states/node-owner-rpc.service';
import { indicatorsView, parseIndicator } from './indicators.view';

const MINOR_INJECT_NMI = 29;
const MINOR_INDICATORS = 63;

/**
 * `/v1/nodes/{node}/management`: boot device, NMI and indicators. The node's conductor asks the
 * hardware through the node's management interface; nothing is read from the database but the node.
 */
@Injectable()
export class NodeManagementService {
  constructor(
    private readonly nodes: NodesService,
    private readonly owner: NodeOwnerRpcService,
  ) {}

  async bootDevice(ident: string, minor: number): Promise<{ boot_device: string | null; persistent: boolean | null }> {
    const node = await this.nodes.find(ident, minor);
    const { bootDevice, persistent } = await this.owner.call(node, nodeGetBootDevice, { uuid: node.uuid });
    return { boot_device: bootDevice, persistent };
  }

  async setBootDevice(ident: string, body: unknown, minor: number): Promise<void> {
    const args = methodArgs(body, ['boot_device', 'persistent']);
    const device = stringArg('boot_device', required(args, 'boot_device'));
    const persistent = booleanArg('persistent', args.persistent) ?? false;
    const node = await this.nodes.find(ident, minor);
    await this.owner.call(node, nodeSetBootDevice, { uuid: node.uuid, device: device ?? 'None', persistent });
  }

  async supportedBootDevices(ident: string, minor: number): Promise<{ supported_boot_devices: string[] }> {
    const node = await this.nodes.find(ident, minor);
    const { devices } = await this.owner.call(node, nodeGetSupportedBootDevices, { uuid: node.uuid });
    return { supported_boot_devices: devices };
  }

  async injectNmi(ident: string, body: unknown, minor: number): Promise<void> {
    if (minor < MINOR_INJECT_NMI) throw new NotFoundError();
    methodArgs(body, []);
    const node = await this.nodes.find(ident, minor);
    await this.owner.call(node, nodeInjectNmi, { uuid: node.uuid });
  }

  async indicators(ident: string, context: RequestContext): Promise<{ indicators: Record<string, unknown>[] }> {
    checkIndicatorsEndpoint(context.minor);
    const node = await this.nodes.find(ident, context.minor);
    const { components } = await this.owner.call(node, nodeGetSupportedIndicators, { uuid: node.uuid });
    return indicatorsView(ident, context.baseUrl, components);
  }

  async indicatorState(ident: string, indicator: string, minor: number): Promise<{ state: string }> {
    checkIndicatorsEndpoint(minor);
    const node = await this.nodes.find(ident, minor);
    const { component, name } = parseIndicator(indicator);
    return this.owner.call(node, nodeGetIndicatorState, { uuid: node.uuid, component, indicator: name });
  }

  async setIndicatorState(ident: string, indicator: string, body: unknown, minor: number): Promise<void> {
    checkIndicatorsEndpoint(minor);
    const args = methodArgs(body, ['state']);
    const state = stringArg('state', required(args, 'state'));
    const node = await this.nodes.find(ident, minor);
    const { component, name } = parseIndicator(indicator);
    await this.owner.call(node, nodeSetIndicatorState, { uuid: node.uuid, component, indicator: name, state: state ?? 'None' });
  }
}

function checkIndicatorsEndpoint(minor: number): void {
  if (minor < MINOR_INDICATORS) throw new NotFoundError('The resource could not be found.');
}
