import type { NodeFilterSet } from '../model/site-design';
import { compileYaml, designDoc, nodeDoc } from './__fixtures__/design-yaml.fixture';
import { selectNodes } from './node-filter';

const PROFILES = [
  designDoc('HardwareProfile', 'gen10', 'vendor: HP'),
  designDoc('HostProfile', 'compute', 'hardware_profile: hw\nmetadata: {tags: [compute], owner_data: {role: compute}}'),
  designDoc('HostProfile', 'control', 'hardware_profile: gen10\nmetadata: {tags: [control], owner_data: {role: control}}'),
].join('');

const { design, problems } = compileYaml(
  [
    PROFILES,
    nodeDoc('c1', 'compute', 'metadata: {rack: r1}'),
    nodeDoc('c2', 'compute', 'metadata: {rack: r2, tags: [gpu], owner_data: {gpu: a100}}'),
    nodeDoc('k1', 'control', 'metadata: {rack: r1}'),
    nodeDoc('k2', 'control', 'metadata: {rack: r2}'),
  ].join(''),
);

const names = (filter: NodeFilterSet | undefined, extra?: Parameters<typeof selectNodes>[2]) => selectNodes(design, filter, extra).map((node) => node.name);
const one = (filterType: 'union' | 'intersection', criteria: Omit<NodeFilterSet['filter_set'][number], 'filter_type'>): NodeFilterSet => ({
  filter_set_type: 'union',
  filter_set: [{ filter_type: filterType, ...criteria }],
});

describe('selectNodes', () => {
  it('builds on a site without problems', () => expect(problems).toEqual([]));

  it('selects every node without a filter', () => {
    expect(names(undefined)).toEqual(['c1', 'c2', 'k1', 'k2']);
  });

  it('selects by node names, tags (any), owner_data labels and rack names', () => {
    expect(names(one('union', { node_names: ['k2', 'c1', 'nope'] }))).toEqual(['c1', 'k2']);
    expect(names(one('union', { node_tags: ['gpu', 'control'] }))).toEqual(['c2', 'k1', 'k2']);
    expect(names(one('union', { node_labels: { role: 'control' } }))).toEqual(['k1', 'k2']);
    expect(names(one('union', { rack_names: ['r2'] }))).toEqual(['c2', 'k2']);
  });

  it('selects by the labels of the Rack (Drydock selected every node)', () => {
    expect(names(one('union', { rack_labels: { zone: 'a' } }))).toEqual(['c1', 'k1']);
    expect(names(one('union', { rack_labels: { zone: 'c' } }))).toEqual([]);
  });

  it('combines criteria by filter_type and filters by filter_set_type', () => {
    expect(names(one('intersection', { node_tags: ['compute'], rack_names: ['r2'] }))).toEqual(['c2']);
    expect(names(one('union', { node_tags: ['compute'], rack_names: ['r2'] }))).toEqual(['c1', 'c2', 'k2']);
    const computeNodes = { filter_type: 'union' as const, node_labels: { role: 'compute' } };
    const rackA = { filter_type: 'union' as const, rack_labels: { zone: 'a' } };
    expect(names({ filter_set_type: 'intersection', filter_set: [computeNodes, rackA] })).toEqual(['c1']);
    expect(names({ filter_set_type: 'union', filter_set: [computeNodes, rackA] })).toEqual(['c1', 'c2', 'k1']);
  });

  it('selects nothing with a filter without criteria, or a set without filters', () => {
    expect(names(one('intersection', { node_names: [] }))).toEqual([]);
    expect(names({ filter_set_type: 'intersection', filter_set: [] })).toEqual([]);
  });

  it('narrows by name, labels (all of them), rack and hardware profile', () => {
    expect(names(undefined, { hardwareProfiles: ['gen10'] })).toEqual(['k1', 'k2']);
    expect(names(undefined, { racks: ['r1'], hardwareProfiles: ['hw'] })).toEqual(['c1']);
    expect(names(undefined, { labels: { role: 'compute', gpu: 'a100' } })).toEqual(['c2']);
    expect(names(one('union', { rack_names: ['r1'] }), { names: ['k1', 'c2'] })).toEqual(['k1']);
  });
});
