import type { DriverTask, PowerTarget } from '@slipway/drivers-framework';
import { POWER_STATES, FAILURE_STATES, ProvisionState } from '@slipway/provisioning';

/** Ironic's soft_power_off_timeout: what a soft power request waits when the caller gives no timeout. */
export const SOFT_POWER_OFF_TIMEOUT_SECONDS = 600;

/** The stable state a power request ends in (Ironic's target_power_state for it). */
export function powerTargetState(target: PowerTarget): typeof POWER_STATES.POWER_ON | typeof POWER_STATES.POWER_OFF {
  return target === POWER_STATES.POWER_OFF || target === POWER_STATES.SOFT_POWER_OFF ? POWER_STATES.POWER_OFF : POWER_STATES.POWER_ON;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Ironic's node_power_action, on a task under the exclusive lock: skip a request the hardware
 * already satisfies, otherwise drive the power interface and record the outcome on the node
 * (power_state and no target on success; no target and last_error on failure, then rethrow).
 * Volumes of an active instance are attached before it powers on and detached after it is off.
 */
export async function runPowerAction(task: DriverTask, target: PowerTarget, timeoutSeconds?: number): Promise<void> {
  const node = task.node;
  const stable = powerTargetState(target);
  if (target === POWER_STATES.POWER_ON || target === POWER_STATES.POWER_OFF || target === POWER_STATES.SOFT_POWER_OFF) {
    let current: string;
    try {
      current = await task.driver.power.getPowerState(task);
    } catch (error) {
      node.targetPowerState = null;
      node.lastError = `Failed to change power state to '${target}': ${errorText(error)}`;
      throw error;
    }
    if (current === stable) {
      node.lastError = null;
      node.powerState = current;
      node.targetPowerState = null;
      task.log.debug({ node: node.uuid, state: current }, 'power state already as requested');
      return;
    }
  }
  node.targetPowerState = stable;
  if (!FAILURE_STATES.has(node.provisionState as ProvisionState)) node.lastError = null;
  const active = node.provisionState === 'active';
  try {
    if (stable === POWER_STATES.POWER_ON && active) await task.driver.storage.attachVolumes(task);
    if (target === POWER_STATES.REBOOT) await task.driver.power.reboot(task, timeoutSeconds);
    else await task.driver.power.setPowerState(task, target, timeoutSeconds);
  } catch (error) {
    node.targetPowerState = null;
    node.lastError = `Failed to change power state to '${stable}' by '${target}': ${errorText(error)}`;
    throw error;
  }
  node.powerState = stable;
  node.targetPowerState = null;
  task.log.info({ node: node.uuid, state: stable, by: target }, 'node power state changed');
  if (stable === POWER_STATES.POWER_OFF && active) {
    try {
      await task.driver.storage.detachVolumes(task);
    } catch (error) {
      task.log.warn({ node: node.uuid, err: error }, 'detaching volumes after power off failed');
    }
  }
}
