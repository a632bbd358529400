import type { BaremetalNode, NodeFilterSet, Rack, SiteDesign } from '../model/site-design';

type NodeFilter = NodeFilterSet['filter_set'][number];
type Criterion = (node: BaremetalNode) => boolean;

/** Narrowing beside a node filter (an API's query): each one given must hold. */
export interface NodeSelection {
  names?: readonly string[];
  /** `metadata.owner_data` entries, all of which a node must have. */
  labels?: Readonly<Record<string, string>>;
  /** `metadata.rack` names. */
  racks?: readonly string[];
  hardwareProfiles?: readonly string[];
}

const anyLabel = (labels: Readonly<Record<string, string>>, wanted: Readonly<Record<string, string>>): boolean =>
  Object.entries(wanted).some(([key, value]) => labels[key] === value);

/**
 * The nodes one filter selects. Each criterion given (and not empty) selects nodes as Drydock's
 * does: node_names by name, node_tags by any of the tags, rack_names by `metadata.rack`, node_labels
 * by any `owner_data` key == value; rack_labels by any label of the node's Rack (Drydock selected
 * all nodes for it). The criteria combine by `filter_type`; a filter without criteria selects none.
 */
function selectByFilter(nodes: readonly BaremetalNode[], racks: ReadonlyMap<string, Rack>, filter: NodeFilter): Set<BaremetalNode> {
  const criteria: Criterion[] = [];
  const { node_names: names, node_tags: tags, rack_names: rackNames, node_labels: nodeLabels, rack_labels: rackLabels } = filter;
  if (names?.length) criteria.push((node) => names.includes(node.name));
  if (tags?.length) criteria.push((node) => tags.some((tag) => node.metadata.tags.includes(tag)));
  if (rackNames?.length) criteria.push((node) => node.metadata.rack !== undefined && rackNames.includes(node.metadata.rack));
  if (nodeLabels && Object.keys(nodeLabels).length > 0) criteria.push((node) => anyLabel(node.metadata.owner_data, nodeLabels));
  if (rackLabels && Object.keys(rackLabels).length > 0) {
    criteria.push((node) => {
      const rack = node.metadata.rack === undefined ? undefined : racks.get(node.metadata.rack);
      return rack !== undefined && anyLabel(rack.labels, rackLabels);
    });
  }
  if (criteria.length === 0) return new Set();
  const matches: Criterion =
    filter.filter_type === 'union' ? (node) => criteria.some((criterion) => criterion(node)) : (node) => criteria.every((criterion) => criterion(node));
  return new Set(nodes.filter(matches));
}

function matchesSelection(node: BaremetalNode, selection: NodeSelection): boolean {
  const { names, labels, racks, hardwareProfiles } = selection;
  return (
    (names === undefined || names.includes(node.name)) &&
    (labels === undefined || Object.entries(labels).every(([key, value]) => node.metadata.owner_data[key] === value)) &&
    (racks === undefined || (node.metadata.rack !== undefined && racks.includes(node.metadata.rack))) &&
    (hardwareProfiles === undefined || (node.hardware_profile !== undefined && hardwareProfiles.includes(node.hardware_profile)))
  );
}

/**
 * The design's nodes a node filter selects (no filter: all of them), in design order, narrowed by
 * `extra` (by name, owner_data labels, rack, hardware profile). The filters of a set combine by
 * `filter_set_type`.
 */
export function selectNodes(design: SiteDesign, filter: NodeFilterSet | null | undefined, extra?: NodeSelection): BaremetalNode[] {
  let selected: BaremetalNode[] = design.nodes;
  if (filter) {
    const racks = new Map(design.racks.map((rack) => [rack.name, rack]));
    const sets = filter.filter_set.map((item) => selectByFilter(design.nodes, racks, item));
    selected =
      filter.filter_set_type === 'union'
        ? design.nodes.filter((node) => sets.some((set) => set.has(node)))
        : design.nodes.filter((node) => sets.length > 0 && sets.every((set) => set.has(node)));
  }
  return extra === undefined ? [...selected] : selected.filter((node) => matchesSelection(node, extra));
}
