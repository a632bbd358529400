import { selectNodes } from '../compile/node-filter';
import { bootActionDoc, defineRule, nodeDoc } from './validation-rule';

// Boot actions: which nodes they reach, and their package lists.

/** DD4003 (Drydock's second DD4001): every node is in the scope of some boot action. */
export const bootactionDefinition = defineRule({ id: 'DD4003', name: 'Bootaction Definition', severity: 'warning' }, function* (design) {
  const targeted = new Set(design.bootActions.flatMap((action) => selectNodes(design, action.node_filter).map((node) => node.name)));
  for (const node of design.nodes) {
    if (!targeted.has(node.name)) {
      yield { message: `BaremetalNode ${node.name} is not in scope for any BootAction.`, documents: [nodeDoc(node)], diagnostic: 'It is expected all nodes have at least one post-deploy action.' };
    }
  }
});

/** A Debian version: `[epoch:]upstream-revision`. */
const PACKAGE_VERSION = /^(\d+:)?[a-zA-Z0-9.+~-]+-[a-zA-Z0-9.+~]+$/;

/** DD4004 (Drydock's second DD4002): a pkg_list asset lists packages, with valid versions. */
export const bootactionPackageList = defineRule({ id: 'DD4004', name: 'Bootaction pkg_list Validation', severity: 'error' }, function* (design) {
  for (const action of design.bootActions) {
    for (const [index, asset] of action.assets.entries()) {
      if (asset.type !== 'pkg_list') continue;
      const packages = Object.entries(asset.package_list ?? {});
      if (!asset.location && packages.length === 0) {
        yield { message: `BootAction ${action.name}: pkg_list asset ${index + 1} has neither a location nor a package_list.`, documents: [bootActionDoc(action)], diagnostic: 'pkg_list bootaction assets must specify a list of packages.' };
      }
      for (const [name, version] of packages) {
        if (version && !PACKAGE_VERSION.test(version)) {
          yield {
            message: `BootAction ${action.name}: package ${name} has version "${version}", which is not [epoch:]upstream-revision.`,
            documents: [bootActionDoc(action)],
            diagnostic: 'pkg_list version specifications must be in a valid format.',
          };
        }
      }
    }
  }
});
