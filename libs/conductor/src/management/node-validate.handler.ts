import { Inject, Injectable } from '@nestjs/common';
import { NodeTraitRepository } from '@slipway/db';
import type { DriverNode, InterfaceType } from '@slipway/drivers-framework';
import { InvalidParameterValueError, UnsupportedDriverExtensionError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { InterfaceValidation, nodeValidateInterfaces, RpcHandlerMap, RpcResponseOf } from '@slipway/rpc';
import { CONDUCTOR_IDENTITY, ConductorIdentity } from '../conductor-identity';
import { NodeTaskRunner } from '../tasks/node-task.runner';
import type { NodeTasks } from '../tasks/node-tasks.port';

/** Ironic's order: the core interfaces, then the optional ones; vendor is never validated here. */
export const VALIDATED_INTERFACES: readonly InterfaceType[] = ['boot', 'deploy', 'management', 'network', 'power', 'bios', 'console', 'firmware', 'inspect', 'raid', 'rescue', 'storage'];

/**
 * Ironic's validate_driver_interfaces: each interface's validate() on a shared task. A refusal the
 * driver explains (InvalidParameterValue, UnsupportedDriverExtension) is `false` with its message;
 * anything else is `false` with a pointer to this conductor's log. The deploy interface also checks
 * that the traits the instance asks for are the node's.
 */
@Injectable()
export class NodeValidateHandler {
  private readonly log = getLogger('NodeValidateHandler');

  constructor(
    @Inject(NodeTaskRunner) private readonly tasks: NodeTasks,
    @Inject(NodeTraitRepository) private readonly traits: Pick<NodeTraitRepository, 'namesOf'>,
    @Inject(CONDUCTOR_IDENTITY) private readonly identity: Pick<ConductorIdentity, 'hostname'>,
  ) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers.on(nodeValidateInterfaces, ({ uuid }) => this.validate(uuid));
  }

  validate(uuid: string): Promise<RpcResponseOf<typeof nodeValidateInterfaces>> {
    return this.tasks.shared(uuid, 'driver interface validation', async ({ task, row }) => {
      const interfaces: InterfaceValidation[] = [];
      for (const type of VALIDATED_INTERFACES) {
        try {
          await task.driver[type].validate(task);
          if (type === 'deploy') checkInstanceTraits(task.node, await this.traits.namesOf(row.id));
          interfaces.push({ interface: type, result: true });
        } catch (error) {
          if (error instanceof InvalidParameterValueError || error instanceof UnsupportedDriverExtensionError) {
            interfaces.push({ interface: type, result: false, reason: error.message });
          } else {
            this.log.error({ node: uuid, interface: type, err: error }, 'unexpected error while validating an interface');
            const message = error instanceof Error ? error.message : String(error);
            interfaces.push({ interface: type, result: false, reason: `Unexpected exception, traceback saved into log by the conductor running on ${this.identity.hostname}: ${message}` });
          }
        }
      }
      return { interfaces };
    });
  }
}

/** instance_info.traits, when given, must be a list of strings the node has (Ironic checks it before deploying). */
export function checkInstanceTraits(node: DriverNode, nodeTraits: readonly string[]): void {
  const requested = node.instanceInfo.traits;
  if (requested === undefined) return;
  if (!Array.isArray(requested) || !requested.every((trait) => typeof trait === 'string')) {
    throw new InvalidParameterValueError(`Error parsing traits from Node ${node.uuid} instance_info field. A list of strings is expected.`);
  }
  const missing = [...new Set(requested)].filter((trait) => !nodeTraits.includes(trait));
  if (missing.length) {
    throw new InvalidParameterValueError(`Cannot specify instance traits that are not also set on the node. Node ${node.uuid} is missing traits ${missing.join(', ')}`);
  }
}
