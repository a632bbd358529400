import { DESIGN_REF, exampleNode } from './__fixtures__/example-site.fixture';
import { driverForOob, enrolmentFor } from './node-enrolment';

describe('driverForOob', () => {
  it.each([
    ['redfish', 'redfish'],
    ['fake', 'fake-hardware'],
    ['manual', 'fake-hardware'],
  ])('enrols OOB type %s on %s', (type, driver) => {
    expect(driverForOob(type)).toEqual({ ok: true, driver });
  });

  it.each(['ipmi', 'libvirt'])('refuses %s, a real BMC protocol Slipway has no driver for', (type) => {
    expect(driverForOob(type)).toEqual({ ok: false, reason: expect.stringContaining(`OOB type ${type} is not supported`) });
  });

  it('enrols other types (and none) on fake hardware, saying so', () => {
    expect(driverForOob('simulated')).toEqual({ ok: true, driver: 'fake-hardware', note: 'OOB type simulated is not a BMC protocol Slipway drives: the node is enrolled on fake-hardware.' });
    expect(driverForOob(undefined)).toMatchObject({ ok: true, driver: 'fake-hardware', note: expect.stringMatching(/^No OOB type is given/) });
  });
});

describe('enrolmentFor (design node → Ironic node)', () => {
  it("names the node after the design node and puts the design's view of it in extra.site", () => {
    const result = enrolmentFor(exampleNode('node12', { type: 'fake', network: 'oob' }), DESIGN_REF);
    expect(result).toEqual({
      ok: true,
      enrolment: {
        name: 'node12',
        driver: 'fake-hardware',
        driver_info: {},
        extra: { site: { design: DESIGN_REF, rack: 'rack02', tags: ['compute'], owner_data: { role: 'compute' }, labels: { 'switch_port.pxe': 'swp2', 'switch_port.bond0': 'swp22,swp42' } } },
        ports: [],
        notes: [],
      },
    });
  });

  it("passes the fake knobs of oob to a fake node's driver_info, and nothing else", () => {
    const result = enrolmentFor(exampleNode('node01', { type: 'fake', account: 'admin', fake_delay: 1, fake_fail: 'deploy.write_image' }), DESIGN_REF);
    expect(result).toMatchObject({ ok: true, enrolment: { driver_info: { fake_delay: 1, fake_fail: 'deploy.write_image' } } });
  });

  it('maps redfish oob fields to Ironic driver_info, the BMC address given in oob', () => {
    const oob = { type: 'redfish', network: 'oob', address: 'https://bmc.example:8443', system_id: '/redfish/v1/Systems/7', account: 'admin', credential: 's3cret', verify_ca: false, deploy_iso: 'http://images/ipa.iso' };
    expect(enrolmentFor(exampleNode('node01', oob), DESIGN_REF)).toMatchObject({
      ok: true,
      enrolment: {
        driver: 'redfish',
        driver_info: {
          redfish_address: 'https://bmc.example:8443',
          redfish_system_id: '/redfish/v1/Systems/7',
          redfish_username: 'admin',
          redfish_password: 's3cret',
          redfish_verify_ca: false,
          deploy_iso: 'http://images/ipa.iso',
        },
      },
    });
  });

  it("takes the node's static address on the OOB network as the BMC address when oob gives none", () => {
    const result = enrolmentFor(exampleNode('node01', { type: 'redfish', network: 'oob', account: 'admin', credential: 'pw' }), DESIGN_REF);
    expect(result).toMatchObject({ ok: true, enrolment: { driver_info: { redfish_address: '10.10.0.11', redfish_username: 'admin', redfish_password: 'pw' } } });
    if (result.ok) expect(result.enrolment.driver_info).not.toHaveProperty('redfish_system_id');
  });

  it('refuses a redfish node without a BMC address', () => {
    expect(enrolmentFor(exampleNode('node01', { type: 'redfish', network: 'pxe' }), DESIGN_REF)).toEqual({
      ok: false,
      reason: 'Node node01 has no BMC address: give oob.address, or a static address on its OOB network (oob.network).',
    });
  });

  it('refuses a node of an unsupported OOB type', () => {
    expect(enrolmentFor(exampleNode('node01'), DESIGN_REF)).toMatchObject({ ok: false, reason: expect.stringContaining('OOB type ipmi is not supported') });
  });

  it('makes a PXE port of metadata.boot_mac, lower case, and notes a MAC it cannot read', () => {
    const node = exampleNode('node01', { type: 'fake' });
    expect(enrolmentFor({ ...node, metadata: { ...node.metadata, boot_mac: '52:54:00:AB:cd:01' } }, DESIGN_REF)).toMatchObject({
      ok: true,
      enrolment: { ports: [{ address: '52:54:00:ab:cd:01', pxe_enabled: true }], notes: [] },
    });
    expect(enrolmentFor({ ...node, metadata: { ...node.metadata, boot_mac: 'not-a-mac' } }, DESIGN_REF)).toMatchObject({
      ok: true,
      enrolment: { ports: [], notes: ['metadata.boot_mac not-a-mac is not a MAC address; no port is created for it.'] },
    });
  });
});
