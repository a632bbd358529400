// One suite every SwitchDriver implementation must pass, fake or real: call it from a spec file
// of the driver with a factory. It checks what the orchestrator relies on: configuration reads
// back through interrogate_port, old VLANs go, repeating a request changes nothing, and bad
// requests are refused before the switch is touched.
import { InvalidParameterValueError } from '@slipway/errors';
import type { SwitchDriver } from './switch-driver.interface';
import { SwitchPortNotFoundError } from './switch-port-not-found.error';
import type { PortState, PortVlans } from './switch-port';

export interface SwitchDriverConformanceSubject {
  name: string;
  /** A fresh driver whose network services are available, with two ports it knows and one it does not. */
  create(): Promise<{ driver: SwitchDriver; ports: [string, string]; unknownPort: string }>;
}

export function describeSwitchDriverConformance(subject: SwitchDriverConformanceSubject): void {
  const vlansOf = ({ mode, nativeVlan, allowedVlans }: PortState): PortVlans => ({ mode, ...(nativeVlan === undefined ? {} : { nativeVlan }), allowedVlans });

  describe(`switch driver ${subject.name} (conformance)`, () => {
    it('declares a driverName and describes its configuration keys with non-empty descriptions', async () => {
      const { driver } = await subject.create();
      expect((driver.constructor as unknown as { driverName: unknown }).driverName).toEqual(expect.stringMatching(/^[a-z][a-z0-9-]*$/));
      const properties = driver.getProperties();
      expect(Object.keys(properties).length).toBeGreaterThan(0);
      for (const [key, description] of Object.entries(properties)) {
        expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(description.trim()).not.toBe('');
      }
    });

    it('validates its configuration and its network services', async () => {
      const { driver } = await subject.create();
      await expect(driver.validate()).resolves.toBeUndefined();
      await expect(driver.validateNetworkServices()).resolves.toBeUndefined();
    });

    it('interrogates a port: its name, link state and a consistent VLAN view', async () => {
      const { driver, ports } = await subject.create();
      const state = await driver.interrogatePort(ports[0]);
      expect(state.port).toBe(ports[0]);
      expect(['up', 'down']).toContain(state.adminState);
      expect(['up', 'down', 'unknown']).toContain(state.operState);
      expect(state.allowedVlans).toEqual([...new Set(state.allowedVlans)].sort((a, b) => a - b));
      if (state.nativeVlan !== undefined) expect(state.allowedVlans).toContain(state.nativeVlan);
    });

    it('makes a provisioning port an access port on the provisioning VLAN', async () => {
      const { driver, ports } = await subject.create();
      await driver.configurePortProvisioning(ports[0], { provisioningVlan: 100 });
      expect(vlansOf(await driver.interrogatePort(ports[0]))).toEqual({ mode: 'access', nativeVlan: 100, allowedVlans: [100] });
    });

    it.each([
      ['a trunk with a native VLAN', { nativeVlan: 200, allowedVlans: [300, 200, 4094] }, { mode: 'trunk', nativeVlan: 200, allowedVlans: [200, 300, 4094] }],
      ['a trunk of tagged VLANs only', { allowedVlans: [301, 300, 301] }, { mode: 'trunk', allowedVlans: [300, 301] }],
      ['an access port when one VLAN is allowed', { allowedVlans: [1] }, { mode: 'access', nativeVlan: 1, allowedVlans: [1] }],
    ] as const)('configures production as %s, replacing the provisioning VLAN', async (_label, config, expected) => {
      const { driver, ports } = await subject.create();
      await driver.configurePortProvisioning(ports[0], { provisioningVlan: 100 });
      await driver.configurePortProduction(ports[0], { ...config, allowedVlans: [...config.allowedVlans] });
      expect(vlansOf(await driver.interrogatePort(ports[0]))).toEqual(expected);
    });

    it('changes nothing when the same configuration is asked twice, and leaves the other ports alone', async () => {
      const { driver, ports } = await subject.create();
      const other = vlansOf(await driver.interrogatePort(ports[1]));
      const config = { nativeVlan: 10, allowedVlans: [10, 20] };
      await driver.configurePortProduction(ports[0], config);
      const once = await driver.interrogatePort(ports[0]);
      await driver.configurePortProduction(ports[0], config);
      expect(await driver.interrogatePort(ports[0])).toEqual(once);
      expect(vlansOf(await driver.interrogatePort(ports[1]))).toEqual(other);
    });

    it.each([
      ['VLAN 0', (driver: SwitchDriver, port: string) => driver.configurePortProvisioning(port, { provisioningVlan: 0 }), /provisioningVlan must be a VLAN id from 1 to 4094, got 0/],
      ['VLAN 4095', (driver: SwitchDriver, port: string) => driver.configurePortProduction(port, { allowedVlans: [10, 4095] }), /allowedVlans\[1\] must be a VLAN id from 1 to 4094, got 4095/],
      ['a fractional VLAN', (driver: SwitchDriver, port: string) => driver.configurePortProduction(port, { nativeVlan: 10.5, allowedVlans: [10] }), /nativeVlan must be a VLAN id/],
      ['a VLAN given as text', (driver: SwitchDriver, port: string) => driver.configurePortProvisioning(port, { provisioningVlan: '10' as unknown as number }), /got "10"/],
      ['no allowed VLANs', (driver: SwitchDriver, port: string) => driver.configurePortProduction(port, { allowedVlans: [] }), /allowedVlans must list at least one VLAN id/],
      ['a native VLAN that is not allowed', (driver: SwitchDriver, port: string) => driver.configurePortProduction(port, { nativeVlan: 5, allowedVlans: [10, 20] }), /nativeVlan 5 must be one of allowedVlans \(10, 20\)/],
    ])('refuses %s with InvalidParameterValue and leaves the port as it was', async (_label, request, message) => {
      const { driver, ports } = await subject.create();
      const before = await driver.interrogatePort(ports[0]);
      const failure = await request(driver, ports[0]).then(() => undefined, (error: unknown) => error);
      expect(failure).toBeInstanceOf(InvalidParameterValueError);
      expect((failure as Error).message).toMatch(message);
      expect(await driver.interrogatePort(ports[0])).toEqual(before);
    });

    it('answers SwitchPortNotFound for a port it does not know, and InvalidParameterValue for a malformed name', async () => {
      const { driver, unknownPort } = await subject.create();
      await expect(driver.interrogatePort(unknownPort)).rejects.toBeInstanceOf(SwitchPortNotFoundError);
      await expect(driver.configurePortProvisioning(unknownPort, { provisioningVlan: 100 })).rejects.toBeInstanceOf(SwitchPortNotFoundError);
      await expect(driver.configurePortProduction(unknownPort, { allowedVlans: [100, 200] })).rejects.toBeInstanceOf(SwitchPortNotFoundError);
      await expect(driver.interrogatePort('no-slash')).rejects.toThrow(new InvalidParameterValueError('Switch port "no-slash" must be named <switch>/<port>, e.g. "tor-1/Ethernet1/3".'));
    });
  });
}
