import { applyBiosOnReset } from './bios';
import { consumeOnce } from './boot-override';
import { SystemClone } from './clone-systems';

/**
 * What a (re)boot does to a system's state: records where it booted from, uses up a `Once`
 * override, applies pending BIOS settings and makes the Secure Boot setting current.
 */
export function bootSystem(clone: SystemClone, at: number): void {
  const state = clone.state;
  const boot = state.boot;
  const overridden = boot.BootSourceOverrideEnabled === 'Once' || boot.BootSourceOverrideEnabled === 'Continuous';
  state.bootCount++;
  state.lastBoot = {
    at: new Date(at).toISOString(),
    target: overridden ? (boot.BootSourceOverrideTarget ?? 'None') : 'None',
    mode: boot.BootSourceOverrideMode,
    httpBootUri: boot.HttpBootUri,
    media: [...state.media.values()].find((media) => media.inserted && media.image)?.image ?? undefined,
  };
  consumeOnce(state);
  applyBiosOnReset(state, at);
  if (state.secureBootEnable !== undefined) state.secureBootCurrent = state.secureBootEnable ? 'Enabled' : 'Disabled';
}
