import { isObject, JsonObject } from './json';
import { SystemTemplate } from './system-template';

export type PowerState = 'On' | 'Off' | 'PoweringOn' | 'PoweringOff';

/** One leg of a power transition: the state shown until `until`, then the state reached. */
export interface PowerStep {
  shows: 'PoweringOn' | 'PoweringOff';
  until: number;
  reaches: 'On' | 'Off';
}

export interface BootSettings {
  BootSourceOverrideTarget?: string;
  BootSourceOverrideEnabled?: string;
  BootSourceOverrideMode?: string;
  HttpBootUri?: string | null;
  UefiTargetBootSourceOverride?: string | null;
}

/** What the system booted from, for tests that check a deploy's boot path. */
export interface BootRecord {
  at: string;
  target: string;
  mode?: string;
  httpBootUri?: string | null;
  /** The image in the first inserted virtual media slot at boot time. */
  media?: string;
}

export interface MediaState {
  image: string | null;
  inserted: boolean;
  writeProtected: boolean;
  transferProtocolType: string | null;
  transferMethod: string | null;
  userName: string | null;
  verifyCertificate?: boolean;
}

export interface VolumeSet {
  /** Volumes created through the API, in template space (rendered like template resources). */
  created: Map<string, JsonObject>;
  /** Template volumes deleted through the API. */
  deleted: Set<string>;
  nextId: number;
}

export interface Indicator {
  led?: string;
  active?: boolean;
}

/**
 * The mutable part of one clone: everything else is read from the shared template. Created on
 * first use, so idle clones of a 5,000-system vbmc cost nothing beyond their ids.
 */
export class SystemState {
  power: 'On' | 'Off';
  steps: PowerStep[] = [];
  stuckPower = false;
  nmiCount = 0;
  bootCount = 0;
  lastBoot?: BootRecord;
  boot: BootSettings;
  readonly indicators = new Map<string, Indicator>();
  biosAttributes?: JsonObject;
  biosPending?: JsonObject;
  biosResetPending = false;
  biosAppliedAt?: string;
  biosVersion?: string;
  readonly firmwareVersions = new Map<string, string>();
  secureBootEnable?: boolean;
  secureBootCurrent?: 'Enabled' | 'Disabled';
  readonly media = new Map<string, MediaState>();
  readonly volumes = new Map<string, VolumeSet>();

  constructor(readonly template: SystemTemplate) {
    const doc = template.systemDoc;
    this.power = doc.PowerState === 'Off' ? 'Off' : 'On';
    this.boot = initialBoot(doc.Boot);
  }
}

function initialBoot(boot: unknown): BootSettings {
  if (!isObject(boot)) return {};
  const settings: BootSettings = {};
  for (const key of ['BootSourceOverrideTarget', 'BootSourceOverrideEnabled', 'BootSourceOverrideMode'] as const) {
    if (typeof boot[key] === 'string') settings[key] = boot[key] as string;
  }
  return settings;
}
