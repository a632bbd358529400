import { compileSiteDesign, parseDesignYaml, type BaremetalNode, type SiteDesign } from '@slipway/site';
import { validSiteYaml } from '../../__fixtures__/design-yaml.fixture';
import type { NodeObservation } from '../provision-goals';

/** docs/examples/valid-site.yaml compiled: 2 racks of 10 nodes (node01..node20), OOB type ipmi. */
export function exampleSite(): SiteDesign {
  const compiled = compileSiteDesign(parseDesignYaml(validSiteYaml()).documents);
  if (compiled.problems.length > 0) throw new Error(`the example design does not compile: ${JSON.stringify(compiled.problems)}`);
  return compiled.design;
}

/** One node of the example site, with `oob` replaced by `oob` when given. */
export function exampleNode(name = 'node01', oob?: BaremetalNode['oob']): BaremetalNode {
  const node = exampleSite().nodes.find((candidate) => candidate.name === name);
  if (node === undefined) throw new Error(`no ${name} in the example site`);
  return oob === undefined ? node : { ...node, oob };
}

export const DESIGN_REF = 'design://00000000-0000-4000-8000-000000000001/1';

/** An enrolled node at rest, powered off, as the goal tables and the step handler read it. */
export const RESTING_NODE: NodeObservation = Object.freeze({
  provisionState: 'enroll',
  targetProvisionState: null,
  powerState: 'power off',
  targetPowerState: null,
  maintenance: false,
  maintenanceReason: null,
  lastError: null,
});
