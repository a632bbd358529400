import type { NodeEntity } from '@slipway/db';
import { displayProvisionState, displayTargetProvisionState, ProvisionState } from '@slipway/provisioning';
import { ironicTimestamp } from '../common/ironic-time';

const MINOR_RAID_CONFIG = 12;
const MINOR_BOOT_MODE = 75;

/** `GET /v1/nodes/{node}/states`: the state fields in Ironic's order, as the version knows them. */
export function nodeStatesView(node: NodeEntity, minor: number): Record<string, unknown> {
  const view: Record<string, unknown> = {
    console_enabled: node.consoleEnabled,
    last_error: node.lastError,
    power_state: node.powerState,
    provision_state: displayProvisionState(node.provisionState as ProvisionState, minor),
    target_power_state: node.targetPowerState,
    target_provision_state: displayTargetProvisionState(node.targetProvisionState as ProvisionState | null, minor),
    provision_updated_at: ironicTimestamp(node.provisionUpdatedAt),
  };
  if (minor >= MINOR_RAID_CONFIG) Object.assign(view, { raid_config: node.raidConfig, target_raid_config: node.targetRaidConfig });
  if (minor >= MINOR_BOOT_MODE) Object.assign(view, { boot_mode: node.bootMode, secure_boot: node.secureBoot });
  return view;
}
