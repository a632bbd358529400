import { POWER_OFF, POWER_ON, REBOOT, stablePowerState, type PowerTarget } from './hardware.constants';
import { requireExclusiveLock, type DriverTask } from './task';

/**
 * Changes the node's power through its own power interface and records the result on the node,
 * as the conductor's power action does. For driver code that powers the node as part of a larger
 * operation (a deploy step booting the instance); a request that is already satisfied is skipped.
 */
export async function setNodePower(task: DriverTask, target: PowerTarget, timeoutSeconds?: number): Promise<void> {
  requireExclusiveLock(task);
  const power = task.driver.power;
  if (target === POWER_ON || target === POWER_OFF) {
    const current = await power.getPowerState(task);
    if (current === target) {
      task.node.powerState = current;
      return;
    }
  }
  if (target === REBOOT) await power.reboot(task, timeoutSeconds);
  else await power.setPowerState(task, target, timeoutSeconds);
  task.node.powerState = stablePowerState(target);
  task.node.targetPowerState = null;
}
