import { isObject, JsonObject, odataId } from './json';
import { MockupResource, MockupTree } from './mockup-tree';
import { pathKey } from './paths';

/**
 * Fills gaps in a template system's tree that would stop a client from using a feature the vbmc
 * implements (a BIOS without a settings object, a Storage without a Volumes collection, a
 * VirtualMedia slot without actions). Runs once at load, before any clone is served.
 */

/** Makes sure `resource` advertises `#<name>` with a target; returns the target. */
export function ensureAction(resource: MockupResource, name: string): string {
  const actions = isObject(resource.doc.Actions) ? resource.doc.Actions : (resource.doc.Actions = {});
  const existing = actions[`#${name}`];
  const target = isObject(existing) && typeof existing.target === 'string' ? existing.target : undefined;
  if (target) return target;
  const added = `${resource.path}/Actions/${name}`;
  actions[`#${name}`] = { ...(isObject(existing) ? existing : {}), target: added };
  return added;
}

/** The BIOS settings object path, created (and linked through `@Redfish.Settings`) when missing. */
export function ensureBiosSettings(tree: MockupTree, bios: MockupResource): string {
  const settings = isObject(bios.doc['@Redfish.Settings']) ? bios.doc['@Redfish.Settings'] : {};
  const path = odataId(settings.SettingsObject) ?? `${bios.path}/Settings`;
  bios.doc['@Redfish.Settings'] = {
    '@odata.type': '#Settings.v1_3_5.Settings',
    ...settings,
    SettingsObject: { '@odata.id': path },
    // Ironic only sends an apply time when OnReset is listed; pending settings apply at reboot here.
    SupportedApplyTimes: Array.isArray(settings.SupportedApplyTimes) ? settings.SupportedApplyTimes : ['OnReset'],
  };
  if (!tree.entry(pathKey(path))) {
    tree.add(path, {
      '@odata.id': path,
      '@odata.type': typeof bios.doc['@odata.type'] === 'string' ? bios.doc['@odata.type'] : '#Bios.v1_2_0.Bios',
      Id: 'Settings',
      Name: 'BIOS Pending Settings',
      AttributeRegistry: bios.doc.AttributeRegistry ?? null,
      Attributes: {},
    });
  }
  return path;
}

/** The Volumes collection path of a Storage, created (and linked) when missing. */
export function ensureVolumes(tree: MockupTree, storage: MockupResource): string {
  const path = odataId(storage.doc.Volumes) ?? `${storage.path}/Volumes`;
  storage.doc.Volumes = { '@odata.id': path };
  if (!tree.entry(pathKey(path))) {
    tree.add(path, { '@odata.id': path, '@odata.type': '#VolumeCollection.VolumeCollection', Name: 'Volume Collection', Members: [], 'Members@odata.count': 0 });
  }
  return path;
}

/** Service-level resources the vbmc implements whatever the mockup has: sessions, tasks, updates. */
export function prepareServiceRoot(tree: MockupTree): void {
  const root = tree.get('/redfish/v1');
  if (!root) throw new Error(`${tree.root}: index.json is not a Redfish service root`);
  const links = isObject(root.Links) ? root.Links : (root.Links = {});
  links.Sessions = { '@odata.id': '/redfish/v1/SessionService/Sessions' };
  root.SessionService = { '@odata.id': '/redfish/v1/SessionService' };
  root.Tasks = { '@odata.id': '/redfish/v1/TaskService' };
  root.UpdateService = { '@odata.id': '/redfish/v1/UpdateService' };
  // $expand, $select and $filter are not implemented; advertising them would make clients
  // (sushy uses $expand when offered) expect answers this server does not give.
  if (isObject(root.ProtocolFeaturesSupported)) {
    for (const feature of ['ExpandQuery', 'SelectQuery', 'FilterQuery']) delete root.ProtocolFeaturesSupported[feature];
  }
  ensureDoc(tree, '/redfish/v1/SessionService', { '@odata.type': '#SessionService.v1_1_8.SessionService', Id: 'SessionService', Name: 'Session Service', ServiceEnabled: true });
  tree.get('/redfish/v1/SessionService')!.Sessions = { '@odata.id': '/redfish/v1/SessionService/Sessions' };
  ensureDoc(tree, '/redfish/v1/TaskService', { '@odata.type': '#TaskService.v1_2_0.TaskService', Id: 'TaskService', Name: 'Task Service', ServiceEnabled: true });
  tree.get('/redfish/v1/TaskService')!.Tasks = { '@odata.id': '/redfish/v1/TaskService/Tasks' };
  ensureDoc(tree, '/redfish/v1/UpdateService', { '@odata.type': '#UpdateService.v1_11_0.UpdateService', Id: 'UpdateService', Name: 'Update Service', ServiceEnabled: true });
  ensureAction(tree.entry(pathKey('/redfish/v1/UpdateService'))!, 'UpdateService.SimpleUpdate');
}

function ensureDoc(tree: MockupTree, path: string, doc: JsonObject): void {
  if (!tree.entry(pathKey(path))) tree.add(path, { '@odata.id': path, ...doc });
}
