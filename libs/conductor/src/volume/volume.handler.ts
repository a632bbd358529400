import { Injectable } from '@nestjs/common';
import type { NodeEntity } from '@slipway/db';
import { VolumeConnectorRepository, VolumeTargetRepository } from '@slipway/db';
import { InvalidStateRequestedError, VolumeConnectorNotFoundError, VolumeTargetNotFoundError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { POWER_STATES } from '@slipway/provisioning';
import { RpcHandlerMap, RpcRequestOf, volumeConnectorDestroy, volumeConnectorUpdate, volumeTargetDestroy, volumeTargetUpdate } from '@slipway/rpc';
import { NodeLockService } from '../locks/node-lock.service';

/**
 * Ironic's update/destroy_volume_connector and _target: under the lock of the node the volume
 * belongs to, and only while that node is powered off (a running node may be using the volume).
 */
@Injectable()
export class VolumeHandler {
  private readonly log = getLogger('VolumeHandler');

  constructor(
    private readonly locks: NodeLockService,
    private readonly connectors: VolumeConnectorRepository,
    private readonly targets: VolumeTargetRepository,
  ) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers
      .on(volumeConnectorUpdate, (request) => this.updateConnector(request))
      .on(volumeConnectorDestroy, (request) => this.destroyConnector(request))
      .on(volumeTargetUpdate, (request) => this.updateTarget(request))
      .on(volumeTargetDestroy, (request) => this.destroyTarget(request));
  }

  updateConnector({ connectorUuid, nodeUuid, changes }: RpcRequestOf<typeof volumeConnectorUpdate>): Promise<Record<string, never>> {
    return this.locks.withLock(nodeUuid, 'volume connector update', async ({ node }) => {
      requirePoweredOff(node, 'volume connector update');
      const connector = await this.connectors.findByUuid(connectorUuid);
      if (!connector) throw new VolumeConnectorNotFoundError({ connector: connectorUuid });
      await this.connectors.update(connector.id, { ...changes, nodeId: node.id });
      this.log.info({ node: nodeUuid, connector: connectorUuid, fields: Object.keys(changes) }, 'volume connector updated');
      return {};
    });
  }

  destroyConnector({ connectorUuid, nodeUuid }: RpcRequestOf<typeof volumeConnectorDestroy>): Promise<Record<string, never>> {
    return this.locks.withLock(nodeUuid, 'volume connector deletion', async ({ node }) => {
      requirePoweredOff(node, 'volume connector deletion');
      const connector = await this.connectors.findByUuid(connectorUuid);
      if (!connector) throw new VolumeConnectorNotFoundError({ connector: connectorUuid });
      await this.connectors.delete(connector.id);
      this.log.info({ node: nodeUuid, connector: connectorUuid }, 'volume connector deleted');
      return {};
    });
  }

  updateTarget({ targetUuid, nodeUuid, changes }: RpcRequestOf<typeof volumeTargetUpdate>): Promise<Record<string, never>> {
    return this.locks.withLock(nodeUuid, 'volume target update', async ({ node }) => {
      requirePoweredOff(node, 'volume target update');
      const target = await this.targets.findByUuid(targetUuid);
      if (!target) throw new VolumeTargetNotFoundError({ target: targetUuid });
      await this.targets.update(target.id, { ...changes, nodeId: node.id });
      this.log.info({ node: nodeUuid, target: targetUuid, fields: Object.keys(changes) }, 'volume target updated');
      return {};
    });
  }

  destroyTarget({ targetUuid, nodeUuid }: RpcRequestOf<typeof volumeTargetDestroy>): Promise<Record<string, never>> {
    return this.locks.withLock(nodeUuid, 'volume target deletion', async ({ node }) => {
      requirePoweredOff(node, 'volume target deletion');
      const target = await this.targets.findByUuid(targetUuid);
      if (!target) throw new VolumeTargetNotFoundError({ target: targetUuid });
      await this.targets.delete(target.id);
      this.log.info({ node: nodeUuid, target: targetUuid }, 'volume target deleted');
      return {};
    });
  }
}

function requirePoweredOff(node: NodeEntity, action: string): void {
  // Python prints a missing power state as None, and Ironic's message shows it so.
  if (node.powerState !== POWER_STATES.POWER_OFF) throw new InvalidStateRequestedError({ action, node: node.uuid, state: node.powerState ?? 'None' });
}
