import { isObject, JsonObject, linkTargets, odataId } from './json';
import { collectMacs } from './mac-addresses';
import { MockupResource, MockupTree } from './mockup-tree';
import { canonicalPath, isUnder, lastSegment, parentKey, pathKey } from './paths';
import { ensureAction, ensureBiosSettings, ensureVolumes } from './template-augment';
import { VbmcInputError } from './vbmc-input.error';

export type CloneRootKind = 'system' | 'manager' | 'chassis';

/** A top-level resource copied per clone, with everything below it. */
export interface CloneRoot {
  kind: CloneRootKind;
  /** Id as the template spells it (`BMC`, `437XR1138R2`). */
  id: string;
  /** Lookup key of the template path (`/redfish/v1/managers/bmc`). */
  key: string;
  /** Canonical collection path the clones appear in (`/redfish/v1/Managers`). */
  collection: string;
}

export const ACTION_KINDS = [
  'ComputerSystem.Reset',
  'Bios.ResetBios',
  'Bios.ChangePassword',
  'SecureBoot.ResetKeys',
  'VirtualMedia.InsertMedia',
  'VirtualMedia.EjectMedia',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export interface StorageLayout {
  /** Key of the Volumes collection. */
  volumesKey: string;
  /** Canonical template path of the Volumes collection (new volumes are named below it). */
  volumesPath: string;
  /** Keys of the drives the Storage lists (template space). */
  driveKeys: string[];
}

export type CloneRole =
  | { kind: 'system' | 'bios' | 'biosSettings' | 'secureBoot' | 'virtualMedia' | 'resource' }
  | { kind: 'manager' | 'chassis'; root: CloneRoot }
  | { kind: 'volumes' | 'volume'; storage: StorageLayout }
  | { kind: 'action'; action: ActionKind; resource: string };

const COLLECTIONS: Record<CloneRootKind, string> = { system: '/redfish/v1/Systems', manager: '/redfish/v1/Managers', chassis: '/redfish/v1/Chassis' };

/**
 * One member of the mockup's Systems collection, read as a template for clones: which resources
 * each clone gets a copy of (the System, its managers and chassis, all below them), and where in
 * that sub-tree the writable parts are. Keys are template-space lookup keys (see `pathKey`).
 */
export class SystemTemplate {
  readonly system: CloneRoot;
  readonly roots: CloneRoot[];
  readonly biosKey?: string;
  readonly biosSettingsKey?: string;
  readonly biosAttributes: JsonObject = {};
  readonly secureBootKey?: string;
  readonly virtualMediaKeys = new Set<string>();
  readonly storages = new Map<string, StorageLayout>();
  readonly macs = new Map<string, number>();
  private readonly actions = new Map<string, { action: ActionKind; resource: string }>();

  constructor(
    private readonly tree: MockupTree,
    system: MockupResource,
  ) {
    this.system = cloneRoot('system', system.path, system.doc);
    const links = isObject(system.doc.Links) ? system.doc.Links : {};
    const managers = [...linkTargets(links.ManagedBy), ...linkTargets(links.Managers)];
    this.roots = [
      this.system,
      ...this.linkedRoots('manager', managers),
      ...this.linkedRoots('chassis', linkTargets(links.Chassis)),
    ];
    this.addAction(ensureAction(system, 'ComputerSystem.Reset'), 'ComputerSystem.Reset', this.system.key);

    const bios = this.linked(system.doc.Bios);
    if (bios) {
      this.biosKey = pathKey(bios.path);
      this.biosSettingsKey = pathKey(ensureBiosSettings(tree, bios));
      this.biosAttributes = isObject(bios.doc.Attributes) ? bios.doc.Attributes : {};
      this.addAction(ensureAction(bios, 'Bios.ResetBios'), 'Bios.ResetBios', this.biosKey);
    }
    const secureBoot = this.linked(system.doc.SecureBoot);
    if (secureBoot) this.secureBootKey = pathKey(secureBoot.path);

    for (const [key, resource] of this.subtree()) this.learn(key, resource);
  }

  /** The template's System document. */
  get systemDoc(): JsonObject {
    return this.tree.entry(this.system.key)!.doc;
  }

  /** What a template-space key is, for routing and rendering. */
  roleOf(key: string): CloneRole {
    const action = this.actions.get(key);
    if (action) return { kind: 'action', ...action };
    if (key === this.system.key) return { kind: 'system' };
    const root = this.roots.find((candidate) => candidate.key === key);
    if (root && root.kind !== 'system') return { kind: root.kind, root };
    if (key === this.biosKey) return { kind: 'bios' };
    if (key === this.biosSettingsKey) return { kind: 'biosSettings' };
    if (key === this.secureBootKey) return { kind: 'secureBoot' };
    if (this.virtualMediaKeys.has(key)) return { kind: 'virtualMedia' };
    const volumes = this.storages.get(key);
    if (volumes) return { kind: 'volumes', storage: volumes };
    const parent = this.storages.get(parentKey(key));
    if (parent) return { kind: 'volume', storage: parent };
    return { kind: 'resource' };
  }

  private linkedRoots(kind: CloneRootKind, targets: string[]): CloneRoot[] {
    const pattern = new RegExp(`^${COLLECTIONS[kind].toLowerCase()}/[^/]+$`);
    const keys = [...new Set(targets.map(pathKey))].filter((key) => pattern.test(key));
    return keys.map((key) => cloneRoot(kind, this.tree.entry(key)?.path ?? key, this.tree.entry(key)?.doc));
  }

  private linked(link: unknown): MockupResource | undefined {
    const target = odataId(link);
    const resource = target === undefined ? undefined : this.tree.entry(pathKey(target));
    return resource && this.roots.some((root) => isUnder(pathKey(resource.path), root.key)) ? resource : undefined;
  }

  private *subtree(): Generator<[string, MockupResource]> {
    // Copied first: learning a resource may add resources (a Volumes collection) to the tree.
    const entries = [...this.tree.entries()];
    for (const [key, resource] of entries) {
      if (this.roots.some((root) => isUnder(key, root.key))) yield [key, resource];
    }
  }

  private learn(key: string, resource: MockupResource): void {
    collectMacs(resource.doc, this.macs);
    const type = typeof resource.doc['@odata.type'] === 'string' ? resource.doc['@odata.type'] : '';
    if (type.startsWith('#VirtualMedia.')) {
      this.virtualMediaKeys.add(key);
      this.addAction(ensureAction(resource, 'VirtualMedia.InsertMedia'), 'VirtualMedia.InsertMedia', key);
      this.addAction(ensureAction(resource, 'VirtualMedia.EjectMedia'), 'VirtualMedia.EjectMedia', key);
    } else if (type.startsWith('#Storage.')) {
      const volumesPath = canonicalPath(ensureVolumes(this.tree, resource));
      const driveKeys = linkTargets(resource.doc.Drives).map(pathKey);
      this.storages.set(pathKey(volumesPath), { volumesKey: pathKey(volumesPath), volumesPath, driveKeys });
    }
    // Actions are found by their advertised targets, which vendors place freely (HPE puts
    // Bios.ResetBios under bios/settings/); the conventional `<resource>/Actions/<name>` works too.
    const actions = isObject(resource.doc.Actions) ? resource.doc.Actions : {};
    for (const kind of ACTION_KINDS) {
      const action = actions[`#${kind}`];
      if (isObject(action) && typeof action.target === 'string') this.addAction(action.target, kind, key);
      if (action !== undefined) this.addAction(`${key}/actions/${kind}`, kind, key);
    }
  }

  private addAction(target: string, action: ActionKind, resource: string): void {
    this.actions.set(pathKey(target), { action, resource });
  }
}

/** The templates of a mockup: the members of its Systems collection that exist in the tree. */
export function findTemplates(tree: MockupTree): SystemTemplate[] {
  const members = linkTargets(tree.get('/redfish/v1/Systems')?.Members);
  const systems = members.map((path) => tree.entry(pathKey(path))).filter((entry): entry is MockupResource => entry !== undefined);
  if (systems.length === 0) throw new VbmcInputError(`${tree.root}: the mockup has no Systems members to clone`);
  return systems.map((system) => new SystemTemplate(tree, system));
}

function cloneRoot(kind: CloneRootKind, path: string, doc: JsonObject | undefined): CloneRoot {
  const segment = lastSegment(canonicalPath(path));
  // Prefer the resource's own spelling of its Id (links may be lower-cased, as on iLO).
  const id = typeof doc?.Id === 'string' && doc.Id.toLowerCase() === segment.toLowerCase() ? doc.Id : segment;
  return { kind, id, key: pathKey(path), collection: COLLECTIONS[kind] };
}
