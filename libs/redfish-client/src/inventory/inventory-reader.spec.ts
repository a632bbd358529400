import { useTestBmc, type TestBmc } from '../__fixtures__/test-bmc.fixture';
import { sushySample } from '../__fixtures__/mockup-server.fixture';
import type { RedfishConnection } from '../redfish-connection';
import { RedfishAccessError } from '../redfish-errors';
import { load } from '../resources/resource';
import { ComputerSystem } from '../resources/system/computer-system';
import { readInventory } from './inventory-reader';

// The fallbacks of the inventory reader that the mockups do not exercise.
describe('readInventory fallbacks', () => {
  const SYS = '/redfish/v1/Systems/1';
  let bmc: TestBmc;
  let connection: RedfishConnection;
  useTestBmc((started) => ({ bmc, connection } = started));
  const collection = (path: string, members: Array<[string, Record<string, unknown>]>) => {
    bmc.resource(path, { Members: members.map(([id]) => ({ '@odata.id': `${path}/${id}` })) });
    for (const [id, body] of members) bmc.resource(`${path}/${id}`, { Id: id, ...body });
  };
  const system = (body: Record<string, unknown>) => {
    bmc.resource(SYS, { Id: '1', ...body });
    return load(connection, SYS, (init) => new ComputerSystem(init));
  };

  it('counts cores when threads are missing, and sums DIMMs when the summary has no memory size', async () => {
    collection(`${SYS}/Processors`, [
      ['0', { ProcessorType: 'CPU', InstructionSet: 'ARM-A64', TotalCores: 80, Model: ' Ampere Altra ', MaxSpeedMHz: 3000 }],
      ['1', { ProcessorType: 'CPU', InstructionSet: 'ARM-A64', TotalCores: 80 }],
      ['gpu', { ProcessorType: 'GPU', TotalCores: 10752 }],
    ]);
    collection(`${SYS}/Memory`, [
      ['a', { CapacityMiB: 32768 }],
      ['b', { CapacityMiB: 32768 }],
      ['c', { Status: { State: 'Absent' } }],
    ]);
    const inventory = await readInventory(await system({ Processors: { '@odata.id': `${SYS}/Processors` }, Memory: { '@odata.id': `${SYS}/Memory` } }));
    expect(inventory.cpu).toEqual({ count: 160, architecture: 'aarch64', modelName: 'Ampere Altra', frequencyMHz: 3000 });
    expect(inventory.memory).toEqual({ physicalMb: 65536 });
  });

  it('counts processors when neither threads nor cores are given', async () => {
    collection(`${SYS}/Processors`, [
      ['0', { ProcessorArchitecture: 'x86' }],
      ['1', { ProcessorArchitecture: 'x86' }],
    ]);
    const inventory = await readInventory(await system({ Processors: { '@odata.id': `${SYS}/Processors` } }));
    expect(inventory.cpu).toEqual({ count: 2, architecture: 'x86_64', modelName: null, frequencyMHz: null });
  });

  it('skips invalid MACs, normalises the rest, and takes PermanentMACAddress when MACAddress is missing', async () => {
    const nics = sushySample('ethernet_interfaces.json');
    collection(`${SYS}/EthernetInterfaces`, [
      ['eth0', { MACAddress: '12-44-6A-3B-04-11', SpeedMbps: 25000 }],
      ['eth1', { MACAddress: 'not-a-mac' }],
      ['eth2', { MACAddress: '' }],
      ['eth3', { PermanentMACAddress: 'AA:BB:CC:DD:EE:FF' }],
      ['eth4', { ...nics, Id: 'eth4' }],
    ]);
    const inventory = await readInventory(await system({ EthernetInterfaces: { '@odata.id': `${SYS}/EthernetInterfaces` } }));
    expect(inventory.interfaces).toEqual([
      { name: 'eth0', macAddress: '12:44:6a:3b:04:11', speedMbps: 25000 },
      { name: 'eth3', macAddress: 'aa:bb:cc:dd:ee:ff', speedMbps: null },
      { name: 'eth4', macAddress: String(nics['MACAddress']).toLowerCase(), speedMbps: nics['SpeedMbps'] },
    ]);
  });

  it('reads storage failures other than refused access as no storage, as Ironic does', async () => {
    bmc.on('GET', `${SYS}/Storage`, { status: 500, body: {} });
    const inventory = await readInventory(await system({ Storage: { '@odata.id': `${SYS}/Storage` }, Boot: { BootSourceOverrideMode: 'UEFI' } }));
    expect([inventory.disks, inventory.localGb, inventory.bootMode]).toEqual([[], 0, 'uefi']);
    bmc.on('GET', `${SYS}/Storage`, { status: 401, body: {} });
    await expect(readInventory(await system({ Storage: { '@odata.id': `${SYS}/Storage` } }))).rejects.toBeInstanceOf(RedfishAccessError);
  });
});
