import { createHash } from 'node:crypto';
import { Json, JsonObject, linkTargets } from './json';
import { canonicalPath, pathKey } from './paths';
import { SystemState } from './system-state';
import { CloneRoot, SystemTemplate } from './system-template';

/**
 * One simulated system. Its id is `<template system id>-<index, 4 digits>` (for example
 * `437XR1138R2-0001`), and its managers and chassis are named the same way
 * (`/redfish/v1/Managers/BMC-0001`), so every clone has its own BMC-side resources,
 * virtual media slots included.
 */
export class SystemClone {
  readonly suffix: string;
  readonly id: string;
  readonly path: string;
  private stateValue?: SystemState;
  private uuidValue?: string;

  constructor(
    readonly index: number,
    readonly template: SystemTemplate,
    private readonly seed: string,
    /** First number of this clone's MAC range (see `mac-addresses.ts`). */
    readonly macBase: number,
  ) {
    this.suffix = String(index).padStart(4, '0');
    this.id = this.cloneId(template.system);
    this.path = this.clonePath(template.system);
  }

  get state(): SystemState {
    return (this.stateValue ??= new SystemState(this.template));
  }

  /** Deterministic name-based UUID (version 5 layout), unique per clone. */
  get uuid(): string {
    return (this.uuidValue ??= nameUuid(`${this.seed}/${this.template.system.key}/${this.index}`));
  }

  cloneId(root: CloneRoot): string {
    return `${root.id}-${this.suffix}`;
  }

  clonePath(root: CloneRoot): string {
    return `${root.collection}/${this.cloneId(root)}`;
  }

  /** A template serial number made unique for this clone. */
  serialOf(templateSerial: Json | undefined): string {
    return `${typeof templateSerial === 'string' && templateSerial.trim() ? templateSerial.trim() : 'VBMC'}-${this.suffix}`;
  }

  /** UUID for another root (manager, chassis) of this clone. */
  uuidOf(root: CloneRoot): string {
    return root.kind === 'system' ? this.uuid : nameUuid(`${this.seed}/${root.key}/${this.index}`);
  }
}

/** A request path that falls inside a clone: which clone, and the template resource it maps to. */
export interface CloneTarget {
  clone: SystemClone;
  /** Template-space lookup key. */
  key: string;
}

/** All clones, and the lookups from request paths to them. */
export class CloneRegistry {
  readonly systems: SystemClone[] = [];
  private readonly rootsByKey = new Map<string, { clone: SystemClone; root: CloneRoot }>();
  private readonly templateRootKeys: string[];

  constructor(
    readonly templates: SystemTemplate[],
    count: number,
    seed: string,
  ) {
    const stride = Math.max(1, ...templates.map((template) => template.macs.size));
    for (let index = 1; index <= count; index++) {
      const template = templates[(index - 1) % templates.length];
      const clone = new SystemClone(index, template, seed, index * stride);
      this.systems.push(clone);
      for (const root of template.roots) this.rootsByKey.set(pathKey(clone.clonePath(root)), { clone, root });
    }
    this.templateRootKeys = [...new Set(templates.flatMap((template) => template.roots.map((root) => root.key)))];
  }

  /** The clone and template key behind a request key such as `/redfish/v1/systems/1-0002/bios`. */
  resolve(key: string): CloneTarget | undefined {
    const match = /^\/redfish\/v1\/(?:systems|managers|chassis)\/[^/]+/.exec(key);
    const found = match && this.rootsByKey.get(match[0]);
    return found ? { clone: found.clone, key: found.root.key + key.slice(match[0].length) } : undefined;
  }

  /** The clone with this id (any case), or undefined. */
  system(id: string): SystemClone | undefined {
    return this.resolve(pathKey(`/redfish/v1/Systems/${id}`))?.clone;
  }

  /** True for template paths of cloned resources: only their clones are served. */
  isTemplatePath(key: string): boolean {
    return this.templateRootKeys.some((root) => key === root || key.startsWith(`${root}/`));
  }

  /**
   * A Systems/Managers/Chassis collection with each cloned member replaced by its clones
   * (shared members, such as an enclosure chassis no System links, stay as they are).
   */
  expandCollection(doc: JsonObject): JsonObject {
    const members: Json[] = [];
    for (const member of linkTargets(doc.Members)) {
      const key = pathKey(member);
      const roots = this.templates.flatMap((template) => template.roots.filter((root) => key === root.key || key.startsWith(`${root.key}/`)));
      if (roots.length === 0) {
        members.push({ '@odata.id': member });
        continue;
      }
      const root = roots[0];
      const rest = canonicalPath(member).slice(root.key.length);
      for (const clone of this.systems) {
        if (clone.template.roots.includes(root)) members.push({ '@odata.id': clone.clonePath(root) + rest });
      }
    }
    return { ...doc, Members: members, 'Members@odata.count': members.length };
  }
}

function nameUuid(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
