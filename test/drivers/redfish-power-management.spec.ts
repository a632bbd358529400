// The redfish power and management interfaces against the virtual BMC: what each call sends, that
// it waits for the BMC, and what the BMC ends up in (read from the vbmc's own state).
import { describeInterfaceConformance, InvalidParameterValueError, POWER_OFF, POWER_ON, REBOOT, SOFT_POWER_OFF, SOFT_REBOOT, type PowerTarget } from '@slipway/drivers-framework';
import { quirksFor, RedfishManagementInterface, type RedfishNodes } from '@slipway/drivers-redfish';
import type { BootInfo, ComputerSystem } from '@slipway/redfish-client';
import { strictFake } from '@slipway/testing';
import { failureOf, INVALID_REDFISH_DRIVER_INFO, management, power, POWER_DELAY_MS, RedfishBench } from './redfish-task.fixture';


/** Runs `work` and says how long it took (ms). */
async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await work();
  return Date.now() - started;
}

describe('redfish power and management against the vbmc', () => {
  const bench = RedfishBench.use();
  /** For reads only; tests that change a system take a fresh one. */
  const readOnly = bench.freshSystem();
  const conformanceSystem = bench.freshSystem();

  describe('power', () => {
    it('powers off and on (ForceOff, On), returning only once the BMC is there', async () => {
      const system = bench.freshSystem();
      const task = bench.taskOn(system);
      const boots = bench.state(system).bootCount;

      expect(await timed(() => power(task).setPowerState(task, POWER_OFF))).toBeGreaterThanOrEqual(POWER_DELAY_MS);
      expect(bench.state(system).powerState).toBe('Off');
      expect(await power(task).getPowerState(task)).toBe(POWER_OFF);

      expect(await timed(() => power(task).setPowerState(task, POWER_ON))).toBeGreaterThanOrEqual(POWER_DELAY_MS);
      expect(bench.state(system).powerState).toBe('On');
      expect(await power(task).getPowerState(task)).toBe(POWER_ON);
      expect(bench.state(system).bootCount).toBe(boots + 1);
      expect(bench.resetsOf(system)).toEqual(['ForceOff', 'On']);
    });

    it('soft power off is a GracefulShutdown, waited for', async () => {
      const system = bench.freshSystem();
      const task = bench.taskOn(system);
      expect(await timed(() => power(task).setPowerState(task, SOFT_POWER_OFF))).toBeGreaterThanOrEqual(POWER_DELAY_MS);
      expect(bench.state(system).powerState).toBe('Off');
      expect(bench.resetsOf(system)).toEqual(['GracefulShutdown']);
    });

    it.each<[PowerTarget, string[]]>([
      [REBOOT, ['ForceOff', 'On']],
      [SOFT_REBOOT, ['GracefulRestart']],
    ])('%s with %j: one boot more, waited for until the host is on again', async (target, resets) => {
      const system = bench.freshSystem();
      const task = bench.taskOn(system);
      const boots = bench.state(system).bootCount;
      expect(await timed(() => power(task).setPowerState(task, target))).toBeGreaterThanOrEqual(2 * POWER_DELAY_MS);
      expect(bench.state(system)).toMatchObject({ powerState: 'On', bootCount: boots + 1 });
      expect(bench.resetsOf(system)).toEqual(resets);
    });

    it('reboots a node that is off with On alone', async () => {
      const system = bench.freshSystem();
      const task = bench.taskOn(system);
      await power(task).setPowerState(task, POWER_OFF);
      bench.requests.length = 0;
      await power(task).reboot(task);
      expect(bench.state(system).powerState).toBe('On');
      expect(bench.resetsOf(system)).toEqual(['On']);
    });

    it('reads PoweringOn as power on and PoweringOff as power off', async () => {
      const system = bench.freshSystem();
      const task = bench.taskOn(system);
      const action = `${bench.systemPath(system)}/Actions/ComputerSystem.Reset`;
      await power(task).setPowerState(task, POWER_OFF);

      bench.freezeClock();
      expect((await bench.redfish('POST', action, { ResetType: 'On' })).status).toBe(204);
      expect(bench.state(system).powerState).toBe('PoweringOn');
      expect(await power(task).getPowerState(task)).toBe(POWER_ON);
      bench.thawClock();

      await power(task).setPowerState(task, POWER_ON);
      bench.freezeClock();
      await bench.redfish('POST', action, { ResetType: 'ForceOff' });
      expect(bench.state(system).powerState).toBe('PoweringOff');
      expect(await power(task).getPowerState(task)).toBe(POWER_OFF);
    });

    it('offers every power target', async () => {
      const task = bench.taskOn(readOnly);
      expect(await power(task).getSupportedPowerStates(task)).toEqual([POWER_ON, POWER_OFF, REBOOT, SOFT_REBOOT, SOFT_POWER_OFF]);
    });

    it('injects an NMI (ComputerSystem.Reset Nmi) without changing the power state', async () => {
      const system = bench.freshSystem();
      const task = bench.taskOn(system);
      await management(task).injectNmi(task);
      expect(bench.state(system)).toMatchObject({ nmiCount: 1, powerState: 'On' });
      expect(bench.resetsOf(system)).toEqual(['Nmi']);
    });
  });

  describe('boot device', () => {
    it('sets a one-time device, sending only what changes; the next boot uses it up', async () => {
      const system = bench.freshSystem();
      const task = bench.taskOn(system);
      // The mockup starts at Pxe, Once: only the target changes.
      await management(task).setBootDevice(task, 'cdrom', false);
      expect(bench.patchesOf(bench.systemPath(system))).toEqual([{ Boot: { BootSourceOverrideTarget: 'Cd' } }]);
      expect(bench.state(system).boot).toMatchObject({ BootSourceOverrideTarget: 'Cd', BootSourceOverrideEnabled: 'Once' });
      expect(await management(task).getBootDevice(task)).toEqual({ bootDevice: 'cdrom', persistent: false });

      await power(task).setPowerState(task, REBOOT);
      expect(bench.state(system).lastBoot?.target).toBe('Cd');
      expect(bench.state(system).boot.BootSourceOverrideEnabled).toBe('Disabled');
      expect(await management(task).getBootDevice(task)).toEqual({ bootDevice: null, persistent: null });
    });

    it('sets a persistent device (Continuous), used by every boot', async () => {
      const system = bench.freshSystem();
      const task = bench.taskOn(system);
      await management(task).setBootDevice(task, 'disk', true);
      expect(bench.state(system).boot).toMatchObject({ BootSourceOverrideTarget: 'Hdd', BootSourceOverrideEnabled: 'Continuous' });
      expect(await management(task).getBootDevice(task)).toEqual({ bootDevice: 'disk', persistent: true });
      for (let boot = 0; boot < 2; boot++) {
        await power(task).setPowerState(task, REBOOT);
        expect(bench.state(system).lastBoot?.target).toBe('Hdd');
      }
      expect(bench.state(system).boot.BootSourceOverrideEnabled).toBe('Continuous');
      expect(task.node.driverInternalInfo).toEqual({});
    });

    it("lists the devices the BMC's allowable values allow", async () => {
      const task = bench.taskOn(readOnly);
      expect(await management(task).getSupportedBootDevices(task)).toEqual(['pxe', 'cdrom', 'disk', 'bios']);
    });

    it('refuses a device the BMC does not allow with InvalidParameterValue, sending nothing', async () => {
      const system = bench.freshSystem();
      const task = bench.taskOn(system);
      const failure = await failureOf(management(task).setBootDevice(task, 'uefi http', false));
      expect(failure).toBeInstanceOf(InvalidParameterValueError);
      expect(failure.message).toBe(`Boot device uefi http is not supported by the BMC's system ${bench.systemPath(system)}; supported: pxe, cdrom, disk, bios.`);
      expect(bench.patchesOf(bench.systemPath(system))).toEqual([]);
    });
  });

  describe('boot mode and secure boot', () => {
    it('reads and sets the boot mode (BootSourceOverrideMode)', async () => {
      const system = bench.freshSystem();
      const task = bench.taskOn(system);
      expect(await management(task).getSupportedBootModes(task)).toEqual(['uefi', 'bios']);
      expect(await management(task).getBootMode(task)).toBe('uefi');
      await management(task).setBootMode(task, 'bios');
      expect(bench.state(system).boot.BootSourceOverrideMode).toBe('Legacy');
      expect(await management(task).getBootMode(task)).toBe('bios');
      await management(task).setBootMode(task, 'uefi');
      expect(bench.state(system).boot.BootSourceOverrideMode).toBe('UEFI');
    });

    it('reads and sets secure boot in UEFI mode', async () => {
      const system = bench.freshSystem();
      const task = bench.taskOn(system);
      expect(await management(task).getSecureBootState(task)).toBe(false);
      await management(task).setSecureBootState(task, true);
      expect(bench.state(system).secureBootEnable).toBe(true);
      expect(await management(task).getSecureBootState(task)).toBe(true);
      await management(task).setSecureBootState(task, false);
      expect(bench.state(system).secureBootEnable).toBe(false);
    });

    it('refuses to enable secure boot in legacy mode', async () => {
      const system = bench.freshSystem();
      const task = bench.taskOn(system);
      await management(task).setBootMode(task, 'bios');
      const failure = await failureOf(management(task).setSecureBootState(task, true));
      expect(failure).toBeInstanceOf(InvalidParameterValueError);
      expect(failure.message).toBe(`Secure boot needs UEFI boot mode, and node ${task.node.uuid} boots in legacy (bios) mode.`);
      expect(bench.state(system).secureBootEnable).toBeUndefined();
    });
  });

  describe('sensors', () => {
    it("reads temperatures and fans from the chassis' Thermal and power supplies from its Power", async () => {
      const task = bench.taskOn(readOnly);
      const sensors = await management(task).getSensorsData(task);
      expect(Object.keys(sensors).sort()).toEqual(['Fan', 'Power', 'Temperature']);
      const [cpu1] = Object.entries(sensors['Temperature']).filter(([name]) => name.startsWith('CPU1 Temp@'));
      expect(cpu1[1]).toEqual({ identity: '0', state: 'Enabled', health: 'OK', reading_celsius: 41, physical_context: 'CPU' });
      expect(Object.values(sensors['Fan'])[0]).toMatchObject({ reading: 2100, reading_units: 'RPM' });
      expect(Object.keys(sensors['Power']).length).toBeGreaterThan(0);
    });
  });

  describe('vendor quirks', () => {
    it('sends Target, Enabled and Mode together for an AMI node (properties.vendor)', async () => {
      const system = bench.freshSystem();
      const task = bench.taskOn(system, { properties: { vendor: 'AMI' } });
      await management(task).setBootDevice(task, 'cdrom', false);
      expect(bench.patchesOf(bench.systemPath(system))).toEqual([{ Boot: { BootSourceOverrideTarget: 'Cd', BootSourceOverrideEnabled: 'Once', BootSourceOverrideMode: 'UEFI' } }]);
      await management(task).setBootMode(task, 'bios');
      expect(bench.patchesOf(bench.systemPath(system))[1]).toEqual({ Boot: { BootSourceOverrideTarget: 'Cd', BootSourceOverrideEnabled: 'Once', BootSourceOverrideMode: 'Legacy' } });
    });

    it('always sends Enabled for a Supermicro node, even when it does not change', async () => {
      const system = bench.freshSystem();
      const task = bench.taskOn(system, { properties: { vendor: 'Supermicro' } });
      await management(task).setBootDevice(task, 'cdrom', false);
      // The mode stayed UEFI, so there is nothing to set again.
      expect(bench.patchesOf(bench.systemPath(system))).toEqual([{ Boot: { BootSourceOverrideTarget: 'Cd', BootSourceOverrideEnabled: 'Once' } }]);
    });

    it('sets the boot mode back when a Supermicro BMC resets it with the device (a fake BMC: the vbmc keeps the mode)', async () => {
      const boot: { -readonly [K in keyof BootInfo]?: BootInfo[K] } = { target: 'Pxe', enabled: 'Once', mode: 'UEFI' };
      const sent: unknown[] = [];
      const system: ComputerSystem = strictFake<ComputerSystem>('ComputerSystem', {
        path: '/redfish/v1/Systems/1',
        get boot() {
          return boot as BootInfo;
        },
        refresh: async (): Promise<ComputerSystem> => system,
        setBoot: async (override) => {
          sent.push(override);
          if (override.target !== undefined) boot.mode = 'Legacy';
          if (override.mode !== undefined) boot.mode = override.mode;
        },
      });
      const nodes = strictFake<RedfishNodes>('RedfishNodes', { system: async () => system, quirks: async () => quirksFor({ vendor: 'Supermicro' }) });
      const task = bench.taskOn(readOnly);
      await new RedfishManagementInterface(nodes).setBootDevice(task, 'disk', false);
      expect(sent).toEqual([{ target: 'Hdd', enabled: 'Once' }, { mode: 'UEFI' }]);
      expect(boot.mode).toBe('UEFI');
    });
  });

  for (const type of ['power', 'management'] as const) {
    describeInterfaceConformance({
      type,
      name: 'redfish',
      task: (init = {}) => bench.task({ uuid: `conformance-${type}`, ...init }),
      get validDriverInfo() {
        return bench.driverInfo(conformanceSystem);
      },
      invalidDriverInfo: INVALID_REDFISH_DRIVER_INFO,
    });
  }
});

describe('redfish management against a BMC without persistent boot (Lenovo XCC mockup: Once and Disabled only)', () => {
  const bench = RedfishBench.use({ vbmc: { mockup: 'lenovo-xcc-bmclib-fixtures', systems: 1 } });

  it('sets a persistent device once, remembers it, and sets it again before every power on and reboot', async () => {
    const task = bench.taskOn(1);
    const path = bench.systemPath(1);
    await management(task).setBootDevice(task, 'pxe', true);
    expect(bench.state(1).boot).toMatchObject({ BootSourceOverrideTarget: 'Pxe', BootSourceOverrideEnabled: 'Once' });
    expect(task.node.driverInternalInfo).toEqual({ redfish_boot_device: 'pxe' });
    expect(await management(task).getBootDevice(task)).toEqual({ bootDevice: 'pxe', persistent: true });

    await power(task).setPowerState(task, REBOOT);
    expect(bench.state(1).lastBoot?.target).toBe('Pxe');
    expect(bench.state(1).boot.BootSourceOverrideEnabled).toBe('Disabled');

    // Used up by that boot: the next power on sets it first.
    await power(task).setPowerState(task, POWER_OFF);
    bench.requests.length = 0;
    await power(task).setPowerState(task, POWER_ON);
    expect(bench.requests.filter((request) => request.method !== 'GET').map((request) => [request.method, request.path, request.body])).toEqual([
      ['PATCH', path, { Boot: { BootSourceOverrideTarget: 'Pxe', BootSourceOverrideEnabled: 'Once' } }],
      ['POST', `${path}/Actions/ComputerSystem.Reset`, { ResetType: 'On' }],
    ]);
    expect(bench.state(1).lastBoot?.target).toBe('Pxe');

    await management(task).setBootDevice(task, 'disk', false);
    expect(task.node.driverInternalInfo).toEqual({});
    expect(await management(task).getBootDevice(task)).toEqual({ bootDevice: 'disk', persistent: false });
  });
});

describe('redfish management against an AMI MegaRAC BMC (GIGABYTE mockup)', () => {
  const bench = RedfishBench.use({ vbmc: { mockup: 'gigabyte-ami-h262', systems: 2 } });

  it('knows the vendor from the service root: every boot PATCH has Target, Enabled and Mode', async () => {
    const task = bench.taskOn(1);
    await management(task).setBootDevice(task, 'pxe', false);
    expect(bench.patchesOf(bench.systemPath(1))).toEqual([{ Boot: { BootSourceOverrideTarget: 'Pxe', BootSourceOverrideEnabled: 'Once', BootSourceOverrideMode: 'Legacy' } }]);
  });

  it("lists the boot devices this BMC's allowable values allow, UEFI HTTP among them", async () => {
    const task = bench.taskOn(1);
    expect(await management(task).getSupportedBootDevices(task)).toEqual(['pxe', 'cdrom', 'disk', 'bios', 'uefi http']);
  });

  it('reads and sets the indicator LEDs of the system and of its chassis', async () => {
    const task = bench.taskOn(2);
    const supported = await management(task).getSupportedIndicators(task);
    const systemLed = Object.keys(supported['system'] ?? {});
    const chassisLed = Object.keys(supported['chassis'] ?? {});
    expect(systemLed).toEqual([bench.systemId(2)]);
    expect(chassisLed).toHaveLength(1);
    expect(supported['chassis'][chassisLed[0]]).toEqual({ readonly: false, states: ['off', 'on', 'blinking'] });

    expect(await management(task).getIndicatorState(task, 'system', systemLed[0])).toBe('off');
    await management(task).setIndicatorState(task, 'system', systemLed[0], 'on');
    await management(task).setIndicatorState(task, 'chassis', chassisLed[0], 'blinking');
    expect(await management(task).getIndicatorState(task, 'system', systemLed[0])).toBe('on');
    expect(await management(task).getIndicatorState(task, 'chassis', chassisLed[0])).toBe('blinking');
    expect(bench.patchesOf(`/redfish/v1/Chassis/${chassisLed[0]}`)).toEqual([{ IndicatorLED: 'Blinking' }]);

    const unknown = await failureOf(management(task).setIndicatorState(task, 'chassis', 'no-such-chassis', 'on'));
    expect(unknown).toBeInstanceOf(InvalidParameterValueError);
    expect(unknown.message).toBe(`Node ${task.node.uuid} has no indicator no-such-chassis of component chassis.`);
  });
});
