import type { NodeEntity } from '@slipway/db';
import { ApiField } from '../common/fields';
import { ironicTimestamp } from '../common/ironic-time';
import { resourceLinks } from '../common/links';
import { maskInstanceInfo, maskSecrets } from '../common/secrets';
import { displayProvisionState, displayTargetProvisionState, ProvisionState } from '@slipway/provisioning';

/** What a node's representation needs besides its row. */
export interface NodeViewContext {
  node: NodeEntity;
  baseUrl: string;
  minor: number;
  traits: string[];
  chassisUuid: string | null;
  allocationUuid: string | null;
  /** The conductor that owns the node by the hash ring (null when none is alive). */
  conductor: string | null;
}

interface NodeField extends ApiField {
  value(context: NodeViewContext): unknown;
}

const field = (name: string, minMinor: number, value: (c: NodeViewContext) => unknown): NodeField => ({ name, minMinor, value });
const column = (name: string, minMinor: number, key: keyof NodeEntity): NodeField => field(name, minMinor, (c) => c.node[key] ?? null);
const links = (name: string, minMinor: number): NodeField => field(name, minMinor, (c) => resourceLinks(c.baseUrl, `nodes/${c.node.uuid}/${name}`));

/**
 * Every node field in the order Ironic writes them (2023.1's order; the later fields take their
 * alphabetical place, as in Ironic's list), with the version that added it.
 */
export const NODE_FIELDS: readonly NodeField[] = [
  column('uuid', 1, 'uuid'),
  field('created_at', 1, (c) => ironicTimestamp(c.node.createdAt)),
  field('updated_at', 1, (c) => ironicTimestamp(c.node.updatedAt)),
  column('automated_clean', 47, 'automatedClean'),
  column('bios_interface', 40, 'biosInterface'),
  column('boot_interface', 31, 'bootInterface'),
  column('boot_mode', 75, 'bootMode'),
  column('clean_step', 7, 'cleanStep'),
  column('conductor_group', 46, 'conductorGroup'),
  column('console_enabled', 1, 'consoleEnabled'),
  column('console_interface', 31, 'consoleInterface'),
  column('deploy_interface', 31, 'deployInterface'),
  column('deploy_step', 44, 'deployStep'),
  column('description', 51, 'description'),
  column('driver', 1, 'driver'),
  field('driver_info', 1, (c) => maskSecrets(c.node.driverInfo)),
  field('driver_internal_info', 3, (c) => maskSecrets(c.node.driverInternalInfo)),
  column('extra', 1, 'extra'),
  column('fault', 42, 'fault'),
  column('firmware_interface', 86, 'firmwareInterface'),
  field('inspection_finished_at', 6, (c) => ironicTimestamp(c.node.inspectionFinishedAt)),
  field('inspection_started_at', 6, (c) => ironicTimestamp(c.node.inspectionStartedAt)),
  column('inspect_interface', 31, 'inspectInterface'),
  field('instance_info', 1, (c) => maskInstanceInfo(c.node.instanceInfo)),
  column('instance_uuid', 1, 'instanceUuid'),
  column('last_error', 1, 'lastError'),
  column('lessee', 65, 'lessee'),
  column('maintenance', 1, 'maintenance'),
  column('maintenance_reason', 1, 'maintenanceReason'),
  column('management_interface', 31, 'managementInterface'),
  column('name', 5, 'name'),
  column('network_data', 66, 'networkData'),
  column('network_interface', 20, 'networkInterface'),
  column('owner', 50, 'owner'),
  column('parent_node', 83, 'parentNode'),
  column('power_interface', 31, 'powerInterface'),
  column('power_state', 1, 'powerState'),
  column('properties', 1, 'properties'),
  column('protected', 48, 'protected'),
  column('protected_reason', 48, 'protectedReason'),
  field('provision_state', 1, (c) => displayProvisionState(c.node.provisionState as ProvisionState, c.minor)),
  field('provision_updated_at', 1, (c) => ironicTimestamp(c.node.provisionUpdatedAt)),
  column('raid_config', 12, 'raidConfig'),
  column('raid_interface', 31, 'raidInterface'),
  column('rescue_interface', 38, 'rescueInterface'),
  column('reservation', 1, 'reservation'),
  column('resource_class', 21, 'resourceClass'),
  column('retired', 61, 'retired'),
  column('retired_reason', 61, 'retiredReason'),
  column('secure_boot', 75, 'secureBoot'),
  column('service_step', 87, 'serviceStep'),
  column('shard', 82, 'shard'),
  column('storage_interface', 33, 'storageInterface'),
  column('target_power_state', 1, 'targetPowerState'),
  field('target_provision_state', 1, (c) => displayTargetProvisionState(c.node.targetProvisionState as ProvisionState | null, c.minor)),
  column('target_raid_config', 12, 'targetRaidConfig'),
  field('traits', 37, (c) => c.traits),
  column('vendor_interface', 31, 'vendorInterface'),
  field('links', 1, (c) => resourceLinks(c.baseUrl, `nodes/${c.node.uuid}`)),
  field('conductor', 49, (c) => c.conductor),
  field('allocation_uuid', 52, (c) => c.allocationUuid),
  field('chassis_uuid', 1, (c) => c.chassisUuid),
  links('ports', 1),
  links('states', 14),
  links('portgroups', 24),
  links('volume', 32),
];

/** Fields a plain list (no `detail`) shows, in Ironic's order; `name` from 1.5. */
export const NODE_LIST_FIELDS = ['uuid', 'instance_uuid', 'maintenance', 'power_state', 'provision_state', 'name', 'links'];

/** Fields that can be named in `fields=` (links always come along). */
export const NODE_SELECTABLE_FIELDS: readonly ApiField[] = NODE_FIELDS.filter((f) => f.name !== 'links');
