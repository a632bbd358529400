import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidError, InvalidParameterValueError, InvalidStateRequestedError, NotAcceptableError, NotFoundError } from '@slipway/errors';
import { POWER_STATES, POWER_TARGETS, PowerState, PROVISION_STATES, ProvisionState, UNSTABLE_STATES } from '@slipway/provisioning';
import { nodeChangeBootMode, nodeChangePowerState, nodeChangeSecureBoot } from '@slipway/rpc';
import { NodesService } from '../nodes/nodes.service';
import { booleanArg, integerArg, methodArgs, required, stringArg } from './method-args';
import { NodeOwnerRpcService } from './node-owner-rpc.service';
import { nodeStatesView } from './node-states.view';
import { pythonStr } from '../common/python-repr';

const MINOR_SOFT_POWER_OFF = 27;
const MINOR_CHANGE_BOOT_MODE = 76;
const BOOT_MODES = ['bios', 'uefi'] as const;
type BootMode = (typeof BOOT_MODES)[number];

/**
 * `/v1/nodes/{node}/states`: the states as stored, and the power, boot mode and secure boot
 * changes, checked here with Ironic's rules and messages and carried out by the owning conductor.
 * Each change returns the node's uuid for the `Location` header.
 */
@Injectable()
export class NodeStatesService {
  constructor(
    private readonly nodes: NodesService,
    private readonly owner: NodeOwnerRpcService,
  ) {}

  async states(ident: string, minor: number): Promise<Record<string, unknown>> {
    return nodeStatesView(await this.nodes.find(ident, minor), minor);
  }

  async changePower(ident: string, body: unknown, minor: number): Promise<string> {
    const args = methodArgs(body, ['target', 'timeout']);
    const target = stringArg('target', required(args, 'target'));
    const timeout = integerArg('timeout', args.timeout);
    const node = await this.nodes.find(ident, minor);
    const soft = target === POWER_STATES.SOFT_REBOOT || target === POWER_STATES.SOFT_POWER_OFF;
    if ((soft || timeout) && minor < MINOR_SOFT_POWER_OFF) throw new NotAcceptableError();
    if (timeout !== undefined && timeout < 1) throw new InvalidError('timeout has to be positive integer');
    if (target === undefined || !POWER_TARGETS.includes(target as PowerState)) {
      throw new InvalidStateRequestedError({ action: pythonStr(target), node: ident, state: pythonStr(node.powerState) });
    }
    // Power is left alone while the node is being cleaned: the cleaning steps drive it.
    if (node.provisionState === PROVISION_STATES.CLEANING || node.provisionState === PROVISION_STATES.CLEANWAIT) {
      throw new InvalidStateRequestedError({ action: target, node: ident, state: node.provisionState });
    }
    await this.owner.call(node, nodeChangePowerState, { uuid: node.uuid, target: target as PowerState, timeoutSeconds: timeout });
    return node.uuid;
  }

  async changeBootMode(ident: string, body: unknown, minor: number): Promise<string> {
    const args = methodArgs(body, ['target']);
    const target = stringArg('target', required(args, 'target'));
    const node = await this.nodes.find(ident, minor);
    checkBootModeEndpoint(minor);
    if (!BOOT_MODES.includes(target as BootMode)) {
      throw new InvalidParameterValueError(`Invalid boot mode ${pythonStr(target)} requested for node. Allowed boot modes are: ${BOOT_MODES.join(', ')}`);
    }
    checkStable(node.provisionState, 'boot mode');
    await this.owner.call(node, nodeChangeBootMode, { uuid: node.uuid, mode: target as BootMode });
    return node.uuid;
  }

  async changeSecureBoot(ident: string, body: unknown, minor: number): Promise<string> {
    const args = methodArgs(body, ['target']);
    const target = booleanArg('target', required(args, 'target'));
    const node = await this.nodes.find(ident, minor);
    checkBootModeEndpoint(minor);
    if (target === undefined) {
      throw new InvalidParameterValueError('Invalid secure_boot None requested for node. Allowed secure_boot states are: True, False');
    }
    checkStable(node.provisionState, 'secure boot state');
    await this.owner.call(node, nodeChangeSecureBoot, { uuid: node.uuid, enabled: target });
    return node.uuid;
  }
}

function checkBootModeEndpoint(minor: number): void {
  if (minor < MINOR_CHANGE_BOOT_MODE) throw new NotFoundError(`This endpoint is supported starting with the API version 1.${MINOR_CHANGE_BOOT_MODE}`);
}

/** A node on its way between states (adopting included) keeps its firmware settings until it rests. */
function checkStable(state: string, what: string): void {
  if (UNSTABLE_STATES.has(state as ProvisionState)) {
    throw new ConflictError(`Node is in ${state} state. The ${what} is not changed while the node is transitioning, as that could interfere with the work in progress. Try again later.`);
  }
}
