import {
  ExclusiveLockRequiredError,
  InvalidParameterValueError,
  NoFreePhysicalPortsError,
  UnsupportedDriverExtensionError,
  VifAlreadyAttachedError,
  VifNotAttachedError,
} from '@slipway/errors';
import { sampleTask } from '../__fixtures__/sample-drivers.fixture';
import { newDriverNode, type DriverPort } from '../driver-node';
import type { Driver } from '../interface-map';
import { NoopManagementInterface } from './noop-management.interface';
import { NoopNetworkInterface, TENANT_VIF_KEY } from './noop-network.interface';
import { NoBiosInterface, NoRaidInterface, NoVendorInterface } from './unsupported.interface';

function port(uuid: string, pxeEnabled: boolean): DriverPort {
  return { uuid, address: null, pxeEnabled, physicalNetwork: null, localLinkConnection: {}, internalInfo: {}, extra: {} };
}

const node = () => newDriverNode({ uuid: 'n1', driver: 'manual-management' });

describe('no-op interfaces', () => {
  it('answer UnsupportedDriverExtension for optional capabilities, validate included', async () => {
    const task = sampleTask(node(), {} as Driver);
    await expect(new NoBiosInterface().validate(task)).rejects.toThrow(UnsupportedDriverExtensionError);
    await expect(new NoRaidInterface().createConfiguration(task)).rejects.toThrow(/does not support raid/);
    await expect(new NoVendorInterface().validate(task)).rejects.toThrow(UnsupportedDriverExtensionError);
    await expect(new NoopManagementInterface().getBootMode(task)).rejects.toThrow(/does not support get_boot_mode/);
  });

  it('noop management accepts supported boot devices without remembering them', async () => {
    const task = sampleTask(node(), {} as Driver);
    const management = new NoopManagementInterface();
    await management.setBootDevice(task, 'disk', true);
    await expect(management.getBootDevice(task)).resolves.toEqual({ bootDevice: null, persistent: null });
    await expect(management.setBootDevice(task, 'cdrom')).rejects.toThrow(InvalidParameterValueError);
  });
});

describe('noop network VIFs', () => {
  const network = new NoopNetworkInterface();

  it('binds a VIF to a free port, PXE-enabled ones first, and lists it', async () => {
    const ports = [port('p-data', false), port('p-pxe', true)];
    const task = sampleTask(node(), {} as Driver, { ports });
    await network.vifAttach(task, { id: 'vif-1' });
    expect(ports[1]?.internalInfo).toEqual({ [TENANT_VIF_KEY]: 'vif-1' });
    await network.vifAttach(task, { id: 'vif-2' });
    await expect(network.vifList(task)).resolves.toEqual([{ id: 'vif-2' }, { id: 'vif-1' }]);
  });

  it('refuses a second attach of the same VIF and an attach with no free port', async () => {
    const task = sampleTask(node(), {} as Driver, { ports: [port('p1', true)] });
    await network.vifAttach(task, { id: 'vif-1' });
    await expect(network.vifAttach(task, { id: 'vif-1' })).rejects.toThrow(VifAlreadyAttachedError);
    await expect(network.vifAttach(task, { id: 'vif-2' })).rejects.toThrow(NoFreePhysicalPortsError);
  });

  it('detaches a bound VIF and refuses an unknown one', async () => {
    const ports = [port('p1', true)];
    const task = sampleTask(node(), {} as Driver, { ports });
    await network.vifAttach(task, { id: 'vif-1', portUuid: 'p1' });
    await network.vifDetach(task, 'vif-1');
    expect(ports[0]?.internalInfo).toEqual({});
    await expect(network.vifDetach(task, 'vif-1')).rejects.toThrow(VifNotAttachedError);
  });

  it('needs the exclusive lock to change bindings', async () => {
    const task = sampleTask(node(), {} as Driver, { ports: [port('p1', true)], shared: true });
    await expect(network.vifAttach(task, { id: 'vif-1' })).rejects.toThrow(ExclusiveLockRequiredError);
    await expect(network.vifList(task)).resolves.toEqual([]);
  });
});
