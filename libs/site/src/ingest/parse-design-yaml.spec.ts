import { parseDesignYaml } from './parse-design-yaml';

const messages = (text: string, file?: string) => parseDesignYaml(text, file).problems.map((problem) => problem.message);

describe('parseDesignYaml: documents', () => {
  it('reads both formats, with the source and the line of every field', () => {
    const { documents, problems } = parseDesignYaml(
      `---
schema: drydock/HostProfile/v1
metadata:
  name: p
  labels: {application: drydock, tier: 2}
data:
  interfaces:
    bond0:
      networks:
        - mgmt
        - private
---
apiVersion: drydock/v1
kind: Network
metadata:
  name: mgmt
spec:
  cidr: 10.0.0.0/24
`,
      'site.yaml',
    );
    expect(problems).toEqual([]);
    expect(documents.map(({ kind, name, labels, source }) => ({ kind, name, labels, source }))).toEqual([
      { kind: 'HostProfile', name: 'p', labels: { application: 'drydock', tier: '2' }, source: { file: 'site.yaml', index: 0, line: 2 } },
      { kind: 'Network', name: 'mgmt', labels: {}, source: { file: 'site.yaml', index: 1, line: 13 } },
    ]);
    expect(documents[0].data).toEqual({ interfaces: { bond0: { networks: ['mgmt', 'private'] } } });
    expect(documents[0].lines.get('')).toBe(6);
    expect(documents[0].lines.get('interfaces.bond0')).toBe(8);
    expect(documents[0].lines.get('interfaces.bond0.networks[1]')).toBe(11);
    expect(documents[1].data).toEqual({ cidr: '10.0.0.0/24' });
    expect(documents[1].lines.get('cidr')).toBe(18);
  });

  it('passes over documents that are not Drydock design documents', () => {
    const { documents, problems } = parseDesignYaml(`---
schema: deckhand/DataSchema/v1
metadata: {name: drydock/Foo/v1}
data: {}
---
schema: promenade/Genesis/v1
metadata: {name: genesis}
data: {}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm}
---
just a string
---
`);
    expect(documents).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('reads YAML as PyYAML (YAML 1.1) does: merge keys, yes/on booleans, not y/n; numeric keys keep their text', () => {
    const { documents, problems } = parseDesignYaml(`---
schema: drydock/BootAction/v1
metadata: {name: pkgs}
data:
  signaling: off
  assets:
    - type: pkg_list
      data:
        0xffff: null
        y: '1.0'
---
schema: drydock/HostProfile/v1
metadata: {name: p}
data:
  metadata:
    owner_data: &common {role: compute}
    boot_mac: 00:11:22:33:44:55
  platform:
    kernel_params:
      <<: *common
      nosmt: on
`);
    expect(problems).toEqual([]);
    expect(documents[0].data).toEqual({ signaling: false, assets: [{ type: 'pkg_list', data: { '0xffff': null, y: '1.0' } }] });
    expect(documents[1].data).toEqual({
      metadata: { owner_data: { role: 'compute' }, boot_mac: '00:11:22:33:44:55' },
      platform: { kernel_params: { nosmt: true, role: 'compute' } },
    });
  });
});

describe('parseDesignYaml: bad input', () => {
  it('reports malformed YAML with its line', () => {
    const { documents, problems } = parseDesignYaml('---\nschema: drydock/Network/v1\nmetadata:\n  name: x\ndata:\n  cidr: [10.0.0.0/24\n', 'bad.yaml');
    expect(documents).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'bad.yaml', line: expect.any(Number) });
    expect(problems[0].message).toMatch(/^YAML syntax error: .+ \(bad\.yaml line \d+\)$/);
    expect(problems[0].line).toBeGreaterThanOrEqual(6);
  });

  it('reports an empty key (PyYAML cannot read the file), in any document', () => {
    expect(messages('---\napiVersion:\n: Network\n')).toEqual(['YAML: the document has an empty key (line 3)']);
  });

  it('reports a key given twice in a Drydock document, at the field', () => {
    const { problems, documents } = parseDesignYaml('schema: drydock/Network/v1\nmetadata: {name: n}\ndata:\n  cidr: 10.0.0.0/24\n  mtu: 1500\n  mtu: 9000\n');
    expect(problems).toEqual([
      { document: 'Network/n', field: 'mtu', line: 6, message: 'Network/n: YAML: data.mtu is given twice (the last one counts) (line 6)' },
    ]);
    expect(documents[0].data.mtu).toBe(9000);
  });

  it('reports unknown kinds and versions of Drydock documents, in either format', () => {
    expect(
      messages(`---
schema: drydock/Widget/v1
metadata: {name: w}
data: {}
---
schema: drydock/Network/v2
metadata: {name: n}
data: {}
---
schema: drydock/Network
metadata: {name: n}
---
apiVersion: drydock/v1
kind: FooBar
metadata: {name: f}
spec: {}
`),
    ).toEqual([
      "Widget/w: unknown kind 'Widget' (the kinds are Region, Rack, NetworkLink, Network, HardwareProfile, HostProfile, BaremetalNode, BootAction) (line 2)",
      "Network/n: schema 'drydock/Network/v2' has an unknown version (only v1 is known) (line 6)",
      "Network/n: schema 'drydock/Network' is not of the form drydock/<Kind>/v1 (line 10)",
      "FooBar/f: unknown kind 'FooBar' (the kinds are Region, Rack, NetworkLink, Network, HardwareProfile, HostProfile, BaremetalNode, BootAction) (line 14)",
    ]);
  });

  it('reports a document without a name, and data that is not a mapping', () => {
    expect(
      messages(`---
schema: drydock/Rack/v1
metadata: {labels: {a: b}}
data: {}
---
schema: drydock/Rack/v1
metadata: {name: r}
data:
---
schema: drydock/Rack/v1
metadata: {name: s}
data: [a]
`),
    ).toEqual([
      'Rack/(document 1): metadata.name is required (line 3)',
      'Rack/r: data must be a mapping (got nothing) (line 8)',
      'Rack/s: data must be a mapping (got a list) (line 12)',
    ]);
  });
});

describe('parseDesignYaml: schemas', () => {
  const check = (kind: string, data: string) =>
    messages(`schema: drydock/${kind}/v1\nmetadata:\n  name: x\ndata:\n${data.replace(/^/gm, '  ')}\n`);

  it('names a missing required field, an unknown field and a wrong type, at their lines', () => {
    expect(check('Network', 'mtu: 1500\nvlna: 5\nroutes:\n  - {gateway: 10.0.0.1}')).toEqual([
      'Network/x: data.cidr is required (line 4)',
      'Network/x: data.vlna is not a known field here (line 6)',
      'Network/x: data.routes[0] needs a subnet or a routedomain (line 8)',
    ]);
    expect(check('HardwareProfile', "generation: 9\nvendor: 'HP'")).toEqual(['HardwareProfile/x: data.generation must be a string (got 9) (line 5)']);
  });

  it('checks the enums', () => {
    expect(check('NetworkLink', 'bonding: {mode: lacp}\ntrunking: {mode: tagged}')).toEqual([
      'NetworkLink/x: data.bonding.mode must be one of disabled, 802.3ad, balance-rr, active-backup (got "lacp") (line 5)',
      'NetworkLink/x: data.trunking.mode must be one of disabled, 802.1q (got "tagged") (line 6)',
    ]);
    expect(check('HardwareProfile', 'boot_mode: efi\nbootstrap_protocol: http')).toEqual([
      'HardwareProfile/x: data.boot_mode must be one of bios, uefi (got "efi") (line 5)',
      'HardwareProfile/x: data.bootstrap_protocol must be one of pxe, usb, hdd (got "http") (line 6)',
    ]);
    expect(check('BootAction', 'assets:\n  - {type: script, path: /x}')).toEqual([
      'BootAction/x: data.assets[0].type must be one of unit, file, pkg_list (got "script") (line 6)',
    ]);
  });

  it('checks boot action assets: absolute paths, quoted permissions, data by type', () => {
    expect(
      check(
        'BootAction',
        "assets:\n  - {type: file, path: etc/motd, permissions: 644, data: hi}\n  - {type: unit, path: /u, data: {a: b}}\n  - {type: pkg_list, data: 'curl'}",
      ),
    ).toEqual([
      'BootAction/x: data.assets[0].path must be an absolute path (line 6)',
      'BootAction/x: data.assets[0].permissions must be a string (got 644) (line 6)',
      'BootAction/x: data.assets[1].data must be a string for a unit asset (line 7)',
      'BootAction/x: data.assets[2].data must be a mapping of package names to versions for a pkg_list asset without a location (line 8)',
    ]);
  });

  it('requires at least one address of a node, and typed storage', () => {
    expect(check('BaremetalNode', 'addressing: []\nstorage:\n  physical_devices:\n    sda: {partitions: [{size: 10g}]}')).toEqual([
      'BaremetalNode/x: data.addressing needs at least one address (an IP address or "dhcp", and its network) (line 5)',
      'BaremetalNode/x: data.storage.physical_devices.sda.partitions[0].name is required (line 8)',
    ]);
  });
});
