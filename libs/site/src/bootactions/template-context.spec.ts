import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidParameterValueError } from '@slipway/errors';
import { sharedData } from '@slipway/test-data';
import { compileSiteDesign } from '../compile/compile-site-design';
import { parseDesignYaml } from '../ingest/parse-design-yaml';
import type { BaremetalNode, SiteDesign } from '../model/site-design';
import { bootActionTemplateContext, type BootActionIdentity } from './template-context';

const identity: BootActionIdentity = {
  actionId: '01J9Z8X7W6V5T4S3R2Q1P0N9M8',
  actionKey: 'A1B2C3D4',
  reportUrl: 'http://drydock.example.com:9000/api/v1.0/bootactions/',
  designRef: 'deckhand+http://deckhand/api/v1.0/revisions/7/rendered-documents',
};

function fullsite(): SiteDesign {
  const file = 'deckhand_fullsite.yaml';
  const { design, problems } = compileSiteDesign(parseDesignYaml(readFileSync(join(sharedData('drydock-samples'), file), 'utf8'), file).documents);
  expect(problems).toEqual([]);
  return design;
}

const nodeNamed = (design: SiteDesign, name: string): BaremetalNode => design.nodes.find((node) => node.name === name)!;

describe('bootActionTemplateContext', () => {
  it("builds Drydock's keys for compute01 of Drydock's full sample site", () => {
    const design = fullsite();
    const context = bootActionTemplateContext(nodeNamed(design, 'compute01'), design, identity);
    const mgmt = { ip: '172.16.1.21', cidr: '172.16.1.0/24', dns_suffix: 'mgmt.sitename.example.com' };
    expect(context).toEqual({
      node: {
        hostname: 'compute01',
        domain: 'mgmt.sitename.example.com',
        tags: ['test'],
        labels: { foo: 'bar' },
        // pxe is dhcp: no entry. default is the primary network (mgmt).
        network: {
          mgmt,
          default: mgmt,
          private: { ip: '172.16.2.21', cidr: '172.16.2.0/24', dns_suffix: 'priv.sitename.example.com' },
          oob: { ip: '172.16.100.21', cidr: '172.16.100.0/24', dns_suffix: 'ilo.sitename.att.com' },
        },
        interfaces: { pxe: { sriov: false }, bond0: { sriov: true, vf_count: 2, trustedmode: false } },
      },
      action: {
        action_id: identity.actionId,
        action_key: 'a1b2c3d4',
        report_url: identity.reportUrl,
        design_ref: identity.designRef,
      },
    });
  });

  it('gives domain local without a primary network, and no default network entry', () => {
    const design = fullsite();
    const node = { ...nodeNamed(design, 'compute02'), primary_network: undefined };
    const context = bootActionTemplateContext(node, design, identity);
    expect(context.node.domain).toBe('local');
    expect(context.node.network).not.toHaveProperty('default');
    expect(context.node.labels).toEqual({ foo: 'baz' });
  });

  it('refuses an address on a network the design does not define', () => {
    const design = fullsite();
    const node = { ...nodeNamed(design, 'compute01'), addressing: [{ network: 'storage', address: '10.0.0.1' }] };
    expect(() => bootActionTemplateContext(node, design, identity)).toThrow(
      new InvalidParameterValueError('Node compute01 has an address on network storage, which the site design does not define.'),
    );
  });

  it.each(['', 'abc', 'xyz0'])('refuses the action key %j (not hex bytes)', (actionKey) => {
    const design = fullsite();
    expect(() => bootActionTemplateContext(nodeNamed(design, 'compute01'), design, { ...identity, actionKey })).toThrow(
      'Boot action key for node compute01 must be a hex string of whole bytes.',
    );
  });
});
