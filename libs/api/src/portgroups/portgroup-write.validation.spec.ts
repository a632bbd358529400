import { checkPortgroupName, refuseModeAndProperties, validatePortgroupBody } from './portgroup-write.validation';

const NODE = '0b6a3a94-1f7c-4f1b-9d70-4b7c9c5a0000';

function messageOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('portgroup validation', () => {
  it('checks the body as Ironic does and normalises the MAC address', () => {
    expect(validatePortgroupBody('portgroup', { node_uuid: NODE, address: '52:54:00:AA:CC:01', standalone_ports_supported: 'false', name: 'bond0' })).toEqual({
      node_uuid: NODE,
      address: '52:54:00:aa:cc:01',
      standalone_ports_supported: false,
      name: 'bond0',
    });
    expect(messageOf(() => validatePortgroupBody('portgroup', { name: 'x' }))).toBe("Schema error for portgroup: 'node_uuid' is a required property");
    expect(messageOf(() => validatePortgroupBody('patch', { node_uuid: NODE, mode: 5 }))).toBe("Schema error for patch: 5 is not of type 'string', 'null'");
    expect(messageOf(() => validatePortgroupBody('portgroup', { node_uuid: NODE, address: 'zz' }))).toBe('Expected valid MAC address for address: zz');
  });

  it('refuses mode and properties before 1.26 unless empty (Python truth)', () => {
    expect(() => refuseModeAndProperties(['802.3ad', undefined], 25)).toThrow('Request not acceptable.');
    expect(() => refuseModeAndProperties([{ a: 1 }], 25)).toThrow('Request not acceptable.');
    expect(() => refuseModeAndProperties([null, {}], 25)).not.toThrow();
    expect(() => refuseModeAndProperties(['802.3ad', { a: 1 }], 26)).not.toThrow();
  });

  it('takes logical names (hostname-safe ones before 1.10)', () => {
    const message = (name: string) => `Cannot create portgroup with invalid name '${name}'`;
    expect(messageOf(() => checkPortgroupName('pg 1', 82, message))).toBe("Cannot create portgroup with invalid name 'pg 1'");
    expect(() => checkPortgroupName('Bond_0.a~b', 82, message)).not.toThrow();
    expect(() => checkPortgroupName('Bond_0', 9, message)).toThrow(message('Bond_0'));
    expect(() => checkPortgroupName('bond-0.rack1', 9, message)).not.toThrow();
  });
});
