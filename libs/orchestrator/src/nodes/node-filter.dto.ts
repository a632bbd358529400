import { z } from 'zod';
import { InvalidParameterValueError } from '@slipway/errors';
import { nodeFilterSetSchema, selectNodes, type BaremetalNode, type NodeFilterSet, type NodeSelection, type SiteDesign } from '@slipway/site';
import { readInput } from '../http/request-input';

// A `node_filter` comes in one of two shapes:
// - Drydock's: `{filter_set_type, filter_set: [{filter_type, node_names, node_tags, node_labels,
//   rack_names, rack_labels}]}`, with Drydock's semantics (within a filter each criterion selects
//   by any of its values; criteria and filters combine by their type).
// - the simpler `{node_names?, node_labels?, rack_names?, hardware_profiles?}`: a node is selected
//   when it passes every criterion given (one of the names, racks or hardware profiles; all of the
//   labels, which are `metadata.owner_data` entries). `{}` selects every node.
// No filter (absent or null) selects every node.

export type NodeFilterInput = { shape: 'drydock'; filter: NodeFilterSet } | { shape: 'simple'; selection: NodeSelection } | undefined;

const names = z.array(z.string().min(1));
const simpleFilterSchema = z.strictObject({
  node_names: names.optional(),
  node_labels: z.record(z.string(), z.string()).optional(),
  rack_names: names.optional(),
  hardware_profiles: names.optional(),
});

/** Reads a `node_filter` of either shape (`field` names it in messages). */
export function readNodeFilter(value: unknown, field = 'node_filter'): NodeFilterInput {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object' && !Array.isArray(value) && ('filter_set' in value || 'filter_set_type' in value)) {
    return { shape: 'drydock', filter: readInput(nodeFilterSetSchema, value, field, [field]) as NodeFilterSet };
  }
  const simple = readInput(simpleFilterSchema, value, `${field} (Drydock's {filter_set_type, filter_set}, or {node_names, node_labels, rack_names, hardware_profiles})`, [field]);
  return {
    shape: 'simple',
    selection: { names: simple.node_names, labels: simple.node_labels, racks: simple.rack_names, hardwareProfiles: simple.hardware_profiles },
  };
}

function unknown(given: readonly string[] | undefined, known: Iterable<string | undefined>): string[] {
  const set = new Set(known);
  return (given ?? []).filter((name) => !set.has(name));
}

/** The simple shape names only what the design has: a name, rack or profile it lacks is a mistake. */
function checkSelection(design: SiteDesign, selection: NodeSelection, field: string): void {
  const problems = [
    ['node_names', unknown(selection.names, design.nodes.map((node) => node.name)), 'node'],
    ['rack_names', unknown(selection.racks, [...design.racks.map((rack) => rack.name), ...design.nodes.map((node) => node.metadata.rack)]), 'rack'],
    ['hardware_profiles', unknown(selection.hardwareProfiles, design.hardwareProfiles.map((profile) => profile.name)), 'hardware profile'],
  ] as const;
  const messages = problems.filter(([, missing]) => missing.length > 0).map(([key, missing, what]) => `${field}.${key}: the design has no ${what} ${missing.join(', ')}`);
  if (messages.length > 0) throw new InvalidParameterValueError(`Invalid ${field}: ${messages.join('; ')}.`);
}

/** The design's nodes the filter selects, in design order. */
export function nodesSelected(design: SiteDesign, input: NodeFilterInput, field = 'node_filter'): BaremetalNode[] {
  if (input === undefined) return selectNodes(design, null);
  if (input.shape === 'drydock') return selectNodes(design, input.filter);
  checkSelection(design, input.selection, field);
  return selectNodes(design, null, input.selection);
}
