import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSmartNicLink, refuseNewerPortFields, validatePortBody } from './port-write.validation';

const exchanges = JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures/ironic-2023.1/exchanges.json'), 'utf8'));
const NODE = '0b6a3a94-1f7c-4f1b-9d70-4b7c9c5a0000';

/** The message a validation throws (the test fails when nothing is thrown). */
function messageOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('validatePortBody', () => {
  it("refuses a bad MAC with Ironic's message (port.create.bad-mac)", () => {
    const { request, response } = exchanges['port.create.bad-mac'];
    expect(messageOf(() => validatePortBody('port', request.body))).toBe(JSON.parse(response.body.error_message).faultstring);
  });

  it('lower-cases MAC addresses and switch ids, and reads boolean words', () => {
    const port = validatePortBody('port', {
      address: '52:54:00:AA:BB:01',
      node_uuid: NODE.toUpperCase(),
      pxe_enabled: 'no',
      is_smartnic: true,
      local_link_connection: { port_id: 'Eth1', switch_id: 'AA:BB:CC:DD:EE:FF' },
      physical_network: null,
    });
    expect(port).toEqual({
      address: '52:54:00:aa:bb:01',
      node_uuid: NODE,
      pxe_enabled: false,
      is_smartnic: true,
      local_link_connection: { port_id: 'Eth1', switch_id: 'aa:bb:cc:dd:ee:ff' },
      physical_network: null,
    });
    expect(validatePortBody('port', { address: '52:54:00:aa:bb:01', node_uuid: NODE, local_link_connection: { port_id: 'x', switch_id: 'AABBCCDDEEFF0011' } }).local_link_connection).toEqual({
      port_id: 'x',
      switch_id: 'aabbccddeeff0011',
    });
  });

  // Each message below is what Ironic 2023.1 answered for the same body.
  it.each([
    [{ address: '52:54:00:aa:bb:02' }, "Schema error for port: 'node_uuid' is a required property"],
    [{ address: 5 }, "Schema error for port: 'node_uuid' is a required property"],
    [{ address: 5, node_uuid: NODE }, "Schema error for port: 5 is not of type 'string'"],
    [{ address: 5, foo: 1, node_uuid: 'x' }, "Schema error for port: Additional properties are not allowed ('foo' was unexpected)"],
    [[1], "Schema error for port: [1] is not of type 'object'"],
    [{ address: '52:54:00:aa:bb:03', node_uuid: 'nope' }, 'Expected UUID for node_uuid: nope'],
    [{ address: 'zz', node_uuid: 'nope' }, 'Expected valid MAC address for address: zz'],
    [{ address: '52:54:00:aa:bb:03', node_uuid: NODE, extra: 'x' }, "Schema error for port: 'x' is not of type 'object', 'null'"],
    [{ address: '52:54:00:aa:bb:03', node_uuid: NODE, uuid: 'abc' }, 'Expected UUID for uuid: abc'],
    [{ address: '52:54:00:aa:bb:03', node_uuid: NODE, physical_network: 'x'.repeat(70) }, `Schema error for port: '${'x'.repeat(70)}' is too long`],
    [
      { address: '52:54:00:aa:bb:03', node_uuid: NODE, pxe_enabled: 'maybe' },
      "Invalid pxe_enabled: Unrecognized value 'maybe', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'",
    ],
    [
      { address: '52:54:00:aa:bb:03', node_uuid: NODE, local_link_connection: { port_id: 'x' } },
      "Schema error for local_link_connection: {'port_id': 'x'} is not valid under any of the given schemas. Possible root cause: 'switch_id' is a required property",
    ],
    [
      { address: '52:54:00:aa:bb:04', node_uuid: NODE, local_link_connection: { port_id: 'x', switch_id: 'AA:BB:CC:DD:EE:FF', foo: 1 } },
      "Schema error for local_link_connection: {'port_id': 'x', 'switch_id': 'AA:BB:CC:DD:EE:FF', 'foo': 1} is not valid under any of the given schemas. Possible root cause: Additional properties are not allowed ('foo' was unexpected)",
    ],
    [{ address: '52:54:00:aa:bb:03', node_uuid: NODE, local_link_connection: { port_id: 'x', switch_id: 'zz' } }, 'Expected a MAC address or OpenFlow datapath ID but received zz.'],
  ])('refuses %j as Ironic does', (body, message) => {
    expect(messageOf(() => validatePortBody('port', body))).toBe(message);
  });

  it('accepts a Smart NIC link and an unmanaged link, and checks a Smart NIC names port and host', () => {
    expect(() => validatePortBody('port', { address: '52:54:00:aa:bb:05', node_uuid: NODE, local_link_connection: { port_id: 'p', hostname: 'h' } })).not.toThrow();
    expect(() => validatePortBody('port', { address: '52:54:00:aa:bb:05', node_uuid: NODE, local_link_connection: { network_type: 'unmanaged' } })).not.toThrow();
    expect(messageOf(() => checkSmartNicLink({ port_id: 'x', switch_id: 'aa:bb:cc:dd:ee:ff' }))).toBe('Smart NIC port must have port_id and hostname in local_link_connection');
    expect(() => checkSmartNicLink(undefined)).not.toThrow();
  });

  it('answers 406 for fields newer than the request', () => {
    expect(() => refuseNewerPortFields(['address', 'pxe_enabled'], undefined, 18)).toThrow('Request not acceptable.');
    expect(() => refuseNewerPortFields(['portgroup_uuid'], undefined, 23)).toThrow('Request not acceptable.');
    expect(() => refuseNewerPortFields(['physical_network'], undefined, 33)).toThrow('Request not acceptable.');
    expect(() => refuseNewerPortFields(['is_smartnic'], undefined, 52)).toThrow('Request not acceptable.');
    expect(() => refuseNewerPortFields(['local_link_connection'], { network_type: 'managed' }, 63)).toThrow('Request not acceptable.');
    expect(() => refuseNewerPortFields(['address', 'local_link_connection', 'is_smartnic'], { network_type: 'managed' }, 64)).not.toThrow();
  });
});
