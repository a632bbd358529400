import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidParameterValueError, MissingParameterValueError } from '@slipway/drivers-framework';
import { parseRedfishDriverInfo, tlsVerificationOf } from './redfish-driver-info';

const node = (driverInfo: Record<string, unknown>) => ({ uuid: 'n1', driverInfo });
const failure = (driverInfo: Record<string, unknown>, requireAddress = true) => {
  try {
    parseRedfishDriverInfo(node(driverInfo), requireAddress);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
};

describe('parseRedfishDriverInfo', () => {
  it("reads Ironic's keys with their defaults", () => {
    expect(parseRedfishDriverInfo(node({ redfish_address: 'https://bmc', redfish_system_id: '/redfish/v1/Systems/1', redfish_username: 'u', redfish_password: 'p' }))).toEqual({
      address: 'https://bmc',
      systemId: '/redfish/v1/Systems/1',
      username: 'u',
      password: 'p',
      verify: true,
      authType: 'auto',
    });
    expect(parseRedfishDriverInfo(node({ redfish_address: '10.0.0.1:8443', redfish_verify_ca: 'False', redfish_auth_type: 'basic' }))).toMatchObject({ verify: false, authType: 'basic' });
    expect(parseRedfishDriverInfo(node({ redfish_address: 'bmc', redfish_verify_ca: false })).verify).toBe(false);
  });

  it('names the missing address, unless only the keys present are checked', () => {
    const missing = failure({});
    expect(missing).toBeInstanceOf(MissingParameterValueError);
    expect(missing.message).toBe('Missing the following Redfish properties in node n1 driver_info: redfish_address.');
    expect(parseRedfishDriverInfo(node({}), false).address).toBe('');
  });

  it('says which key is wrong and why', () => {
    expect(failure({ redfish_address: 'ftp://bmc' }).message).toBe('Invalid Redfish address "ftp://bmc": the scheme must be http or https, not ftp (set in driver_info/redfish_address on node n1).');
    expect(failure({ redfish_address: 'ftp://bmc' }, false)).toBeInstanceOf(InvalidParameterValueError);
    expect(failure({ redfish_address: 'bmc', redfish_system_id: 'https://bmc/redfish/v1/Systems/1' }).message).toContain('driver_info/redfish_system_id on node n1: it must be a path, not a URL');
    expect(failure({ redfish_address: 'bmc', redfish_system_id: 7 }).message).toContain('it must be a string');
    expect(failure({ redfish_address: 'bmc', redfish_verify_ca: '/no/such/bundle.pem' }).message).toContain('driver_info/redfish_verify_ca on node n1: it should be a Boolean or the path of an existing CA bundle');
    expect(failure({ redfish_address: 'bmc', redfish_auth_type: 'token' }).message).toContain('it should be one of basic, session, auto');
  });

  it('reads a CA bundle from a file or from every file of a directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redfish-ca-'));
    writeFileSync(join(dir, 'a.pem'), 'A');
    writeFileSync(join(dir, 'b.pem'), 'B');
    const fromFile = parseRedfishDriverInfo(node({ redfish_address: 'bmc', redfish_verify_ca: join(dir, 'a.pem') })).verify;
    expect(tlsVerificationOf(fromFile)).toEqual({ ca: 'A' });
    const fromDir = tlsVerificationOf(parseRedfishDriverInfo(node({ redfish_address: 'bmc', redfish_verify_ca: dir })).verify);
    expect(fromDir).toEqual({ ca: 'A\nB' });
  });
});
