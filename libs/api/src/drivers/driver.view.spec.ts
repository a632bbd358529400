import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConductorInterfaceRow } from '@slipway/db';
import { driverView } from './driver.view';

// Ironic 2023.1's own answer for fake-hardware (tools/capture-ironic-fixtures.py).
const exchanges = JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures/ironic-2023.1/exchanges.json'), 'utf8'));
const ironicShow = exchanges['drivers.show'].response.body as Record<string, unknown>;
const ironicListItem = (exchanges['drivers.list'].response.body as { drivers: Array<Record<string, unknown>> }).drivers[0];

const row = (interfaceType: string, interfaceName: string, isDefault = false): ConductorInterfaceRow => ({ hardwareType: 'fake-hardware', interfaceType, interfaceName, isDefault });

/** The rows Ironic's conductor registered for fake-hardware, rebuilt from its answer. */
function rowsOf(body: Record<string, unknown>): ConductorInterfaceRow[] {
  return Object.keys(body)
    .filter((key) => key.startsWith('enabled_'))
    .flatMap((key) => {
      const type = key.slice('enabled_'.length, -'_interfaces'.length);
      return (body[key] as string[]).map((name) => row(type, name, body[`default_${type}_interface`] === name));
    });
}

const base = 'http://127.0.0.1:6385';
const fakeHardware = { name: 'fake-hardware', hosts: ['localhost'] };

describe('driverView', () => {
  it("gives Ironic's driver detail, key for key, from the registered rows", () => {
    expect(driverView(fakeHardware, { baseUrl: base, minor: 82, interfaces: rowsOf(ironicShow) })).toEqual(ironicShow);
    expect(Object.keys(driverView(fakeHardware, { baseUrl: base, minor: 82, interfaces: rowsOf(ironicShow) }))).toEqual(Object.keys(ironicShow));
  });

  it("gives Ironic's list item without detail", () => {
    expect(driverView(fakeHardware, { baseUrl: base, minor: 82 })).toEqual(ironicListItem);
  });

  it('merges the rows of several conductors and leaves a type without rows empty', () => {
    const view = driverView(fakeHardware, {
      baseUrl: base,
      minor: 82,
      interfaces: [row('power', 'fake', true), row('power', 'ipmitool'), row('power', 'fake', true), row('power', 'redfish')],
    });

    expect(view).toMatchObject({ default_power_interface: 'fake', enabled_power_interfaces: ['fake', 'ipmitool', 'redfish'] });
    expect(view).toMatchObject({ default_boot_interface: null, enabled_boot_interfaces: [] });
    expect(view).not.toHaveProperty('default_firmware_interface');
  });

  it('shows what each version knows', () => {
    const rows = rowsOf(ironicShow);
    expect(Object.keys(driverView(fakeHardware, { baseUrl: base, minor: 13, interfaces: rows }))).toEqual(['name', 'hosts', 'links']);
    expect(Object.keys(driverView(fakeHardware, { baseUrl: base, minor: 29, interfaces: rows }))).toEqual(['name', 'hosts', 'links', 'properties']);
    const at32 = driverView(fakeHardware, { baseUrl: base, minor: 32, interfaces: rows });
    expect(at32.type).toBe('dynamic');
    for (const hidden of ['storage', 'rescue', 'bios']) expect(at32).not.toHaveProperty(`default_${hidden}_interface`);
    expect(driverView(fakeHardware, { baseUrl: base, minor: 39, interfaces: rows })).not.toHaveProperty('enabled_bios_interfaces');
    expect(driverView(fakeHardware, { baseUrl: base, minor: 40, interfaces: rows })).toHaveProperty('enabled_bios_interfaces');
  });

  it('keeps the selected fields, and refuses one this form of the driver lacks', () => {
    expect(driverView(fakeHardware, { baseUrl: base, minor: 82, fields: ['hosts'] })).toEqual({ hosts: ['localhost'], links: ironicListItem.links });
    expect(() => driverView(fakeHardware, { baseUrl: base, minor: 82, fields: ['name', 'default_boot_interface'] })).toThrow('Field(s) "default_boot_interface" are not valid');
    expect(driverView(fakeHardware, { baseUrl: base, minor: 82, fields: ['default_boot_interface'], interfaces: [row('boot', 'pxe', true)] })).toEqual({
      links: ironicListItem.links,
      default_boot_interface: 'pxe',
    });
  });
});
