import { currentAttributes } from './bios';
import { clonePathFor } from './clone-rewriter';
import { SystemClone } from './clone-systems';
import { FaultSettings, parseFaultSettings } from './faults';
import { JsonObject } from './json';
import { VbmcStats } from './stats';
import { BootRecord, BootSettings, PowerState } from './system-state';
import { VbmcContext } from './vbmc-context';
import { UnknownSystemError } from './vbmc-input.error';

/** A clone's state as tests read it (through `Vbmc.state` or `GET /vbmc/systems/<id>`). */
export interface SystemSnapshot {
  id: string;
  path: string;
  powerState: PowerState;
  stuckPower: boolean;
  boot: BootSettings;
  bootCount: number;
  lastBoot?: BootRecord;
  nmiCount: number;
  biosAttributes: JsonObject;
  biosPending?: JsonObject;
  biosResetPending: boolean;
  biosVersion?: string;
  firmwareVersions: Record<string, string>;
  secureBootEnable?: boolean;
  virtualMedia: Array<{ path: string; image: string | null; inserted: boolean }>;
}

/**
 * The test-control side of a vbmc, shared by the programmatic API and the HTTP control API
 * (`/vbmc/...`): faults, stuck power, stats and state snapshots.
 */
export class VbmcControl {
  constructor(private readonly ctx: VbmcContext) {}

  /** Clone ids in order: system i (1-based) is `systemIds()[i - 1]`. */
  systemIds(): string[] {
    return this.ctx.clones.systems.map((clone) => clone.id);
  }

  /** Replaces the fault settings; throws VbmcInputError listing every problem. */
  setFaults(settings: FaultSettings): FaultSettings {
    const parsed = parseFaultSettings(settings, (id) => this.ctx.clones.system(id)?.id);
    this.ctx.faults.set(parsed);
    return parsed;
  }

  get faults(): FaultSettings {
    return this.ctx.faults.settings;
  }

  clearFaults(): void {
    this.ctx.faults.clear();
  }

  /** A stuck system accepts power requests and never reaches the requested state. */
  setStuckPower(systemId: string, stuck: boolean): void {
    this.ctx.power.setStuck(this.clone(systemId), stuck);
  }

  stats(): VbmcStats {
    return this.ctx.stats.snapshot(this.ctx.sessions.count);
  }

  resetStats(): void {
    this.ctx.stats.reset();
  }

  snapshot(systemId: string): SystemSnapshot {
    const clone = this.clone(systemId);
    this.ctx.tasks.settle();
    const powerState = this.ctx.power.powerState(clone);
    const state = clone.state;
    const firmwareVersions: Record<string, string> = {};
    for (const root of clone.template.roots) {
      const version = state.firmwareVersions.get(root.key);
      if (version) firmwareVersions[clone.clonePath(root)] = version;
    }
    return {
      id: clone.id,
      path: clone.path,
      powerState,
      stuckPower: state.stuckPower,
      boot: { ...state.boot },
      bootCount: state.bootCount,
      lastBoot: state.lastBoot,
      nmiCount: state.nmiCount,
      biosAttributes: currentAttributes(state),
      biosPending: state.biosPending,
      biosResetPending: state.biosResetPending,
      biosVersion: state.biosVersion,
      firmwareVersions,
      secureBootEnable: state.secureBootEnable,
      virtualMedia: [...clone.template.virtualMediaKeys].map((key) => {
        const media = state.media.get(key);
        return { path: clonePathFor(clone, this.ctx.tree.entry(key)?.path ?? key), image: media?.image ?? null, inserted: media?.inserted ?? false };
      }),
    };
  }

  private clone(systemId: string): SystemClone {
    const clone = this.ctx.clones.system(systemId);
    if (!clone) throw new UnknownSystemError(`no system ${systemId} (systems are ${this.describeIds()})`);
    return clone;
  }

  private describeIds(): string {
    const ids = this.systemIds();
    return ids.length <= 3 ? ids.join(', ') : `${ids[0]} … ${ids[ids.length - 1]}`;
  }
}
