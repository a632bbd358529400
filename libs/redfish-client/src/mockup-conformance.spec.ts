import { serveMockup } from './__fixtures__/mockup-server.fixture';
import { useTestBmc, type TestBmc } from './__fixtures__/test-bmc.fixture';
import { type Inventory, readInventory } from './inventory/inventory-reader';
import { RedfishClient } from './redfish-client';
import type { RedfishConnection } from './redfish-connection';
import { ResourceCollection } from './resources/collection';
import { VirtualMedia } from './resources/manager/virtual-media';
import { load, optional } from './resources/resource';
import type { ComputerSystem } from './resources/system/computer-system';

// Every mockup tree in shared/redfish-mockups, served read-only, is read through the typed
// resources the driver uses. The expected values below were read by hand from the JSON files
// (noted where a number is derived), so a parsing mistake fails here.

/** What the crawl saw of one BMC; compared whole with the expectation. */
interface Crawl {
  root: { vendor?: string; product?: string; redfishVersion?: string };
  systemPath: string;
  systemEtag?: string;
  processors: string[];
  memoryDevices: number;
  nics: string[];
  simpleStorageDevices: number;
  storage: Array<{ id?: string; controllers: number; drives: number; volumes: Array<{ raidType?: string; capacityBytes?: number; drives: number }> }>;
  bios: { registry?: string; attributes: number; settingsPath: string | null; pendingAttributes: number | null } | null;
  secureBoot: { enabled?: boolean; mode?: string } | null;
  virtualMedia: Array<{ id?: string; mediaTypes: readonly string[]; inserted?: boolean; canInsert: boolean }>;
  managers: Array<{ id?: string; firmwareVersion?: string }>;
  chassis: string[];
  boot: { target?: string; enabled?: string; mode?: string };
  resetTypes: readonly string[] | undefined;
  updateService: { simpleUpdate: boolean; protocols: readonly string[] | undefined } | null;
  tasks: { total: number; succeeded: number } | null;
  sessions: { timeout?: number; open: number } | null;
}

async function crawl(client: RedfishClient): Promise<{ crawl: Crawl; inventory: Inventory }> {
  const root = await client.serviceRoot();
  const system = await client.system();
  const [processors, memory, nics, simpleStorage, storages, bios, secureBoot, managers, chassis] = await Promise.all([
    members(system.processors()),
    members(system.memory()),
    members(system.ethernetInterfaces()),
    members(system.simpleStorage()),
    members(system.storage()),
    optional(system.bios()),
    optional(system.secureBoot()),
    system.managers(),
    system.chassis(),
  ]);
  const storage = await Promise.all(
    storages.map(async (item) => ({
      id: item.id,
      controllers: item.storageControllers.length + (await members(item.controllers())).length,
      drives: (await item.drives()).length,
      volumes: (await members(item.volumes())).map((volume) => ({ raidType: volume.raidType, capacityBytes: volume.capacityBytes, drives: volume.drivePaths.length })),
    })),
  );
  // Virtual media: under the System (newer schema) when it links some, else under its managers.
  const slots = system.virtualMediaPath ? await members(system.virtualMedia()) : (await Promise.all(managers.map((manager) => members(manager.virtualMedia())))).flat();
  const [updateService, taskService, sessionService] = await Promise.all([optional(client.updateService()), optional(client.taskService()), optional(client.sessionService())]);
  const tasks = taskService ? await members(taskService.tasks()) : undefined;
  return {
    inventory: await readInventory(system),
    crawl: {
      root: { vendor: root.vendor, product: root.product, redfishVersion: root.redfishVersion },
      systemPath: system.path,
      systemEtag: system.etag,
      processors: processors.map((cpu) => cpu.id ?? '?'),
      memoryDevices: memory.length,
      nics: nics.map((nic) => nic.id ?? '?'),
      simpleStorageDevices: simpleStorage.flatMap((controller) => controller.devices).length,
      storage,
      bios: bios
        ? {
            registry: bios.attributeRegistry,
            attributes: Object.keys(bios.attributes).length,
            settingsPath: bios.settings?.objectPath ?? null,
            pendingAttributes: await optional(bios.pendingAttributes()).then((pending) => (pending ? Object.keys(pending).length : null)),
          }
        : null,
      secureBoot: secureBoot ? { enabled: secureBoot.secureBootEnable, mode: secureBoot.secureBootMode } : null,
      virtualMedia: slots.map((slot) => ({ id: slot.id, mediaTypes: slot.mediaTypes ?? [], inserted: slot.inserted, canInsert: slot.insertMediaAction !== undefined || slot.patchAllowed })),
      managers: managers.map((manager) => ({ id: manager.id, firmwareVersion: manager.firmwareVersion })),
      chassis: chassis.map((item) => item.id ?? '?'),
      boot: { target: system.boot.target, enabled: system.boot.enabled, mode: system.boot.mode },
      resetTypes: system.resetAction?.allowableValues,
      updateService: updateService ? { simpleUpdate: updateService.simpleUpdateAction !== undefined, protocols: updateService.simpleUpdateAction?.allowableValues } : null,
      tasks: tasks ? { total: tasks.length, succeeded: tasks.filter((task) => task.succeeded).length } : null,
      sessions: sessionService ? { timeout: sessionService.sessionTimeout, open: (await members(sessionService.sessions())).length } : null,
    },
  };
}

async function members<R>(collection: Promise<{ members(): Promise<R[]> } | undefined>): Promise<R[]> {
  const found = await optional(collection);
  return found ? found.members() : [];
}

const cases: Array<[string, { inventory: Inventory; crawl: Crawl }]> = [
  [
    'dmtf-public-rackmount1',
    {
      inventory: {
        // CPU1 has 16 threads; CPU2 is an empty socket and FPGA1 no CPU.
        cpu: { count: 16, architecture: 'x86_64', modelName: 'Multi-Core Intel(R) Xeon(R) processor 7xxx Series', frequencyMHz: 3700 },
        memory: { physicalMb: 96 * 1024 },
        // No Storage: the SimpleStorage devices with a size (bays 3 and 4 are Absent).
        disks: [
          { name: 'SATA Bay 1', sizeBytes: 8_000_000_000_000 },
          { name: 'SATA Bay 2', sizeBytes: 4_000_000_000_000 },
        ],
        // The smaller enabled device: 4e12 B = 3725.29 GiB, minus 1, rounded down.
        localGb: 3724,
        interfaces: [
          { name: '12446A3B0411', macAddress: '12:44:6a:3b:04:11', speedMbps: 1000 },
          { name: '12446A3B8890', macAddress: 'aa:bb:cc:dd:ee:00', speedMbps: 1000 },
          { name: 'VLAN1', macAddress: '12:44:6a:3b:04:11', speedMbps: 1000 },
          { name: 'ToManager', macAddress: 'aa:bb:cc:dd:ee:fe', speedMbps: 100 },
        ],
        systemVendor: { manufacturer: 'Contoso', productName: '3500', serialNumber: '437XR1138R2', uuid: '38947555-7742-3448-3784-823347823834' },
        bootMode: 'uefi',
      },
      crawl: {
        root: { vendor: undefined, product: undefined, redfishVersion: '1.15.0' },
        systemPath: '/redfish/v1/Systems/437XR1138R2',
        systemEtag: undefined,
        processors: ['CPU1', 'CPU2', 'FPGA1'],
        memoryDevices: 4,
        nics: ['12446A3B0411', '12446A3B8890', 'VLAN1', 'ToManager'],
        simpleStorageDevices: 4,
        storage: [],
        bios: { registry: 'BiosAttributeRegistryP89.v1_0_0', attributes: 10, settingsPath: '/redfish/v1/Systems/437XR1138R2/Bios/Settings', pendingAttributes: 10 },
        secureBoot: { enabled: false, mode: 'UserMode' },
        virtualMedia: [
          { id: 'Floppy1', mediaTypes: ['Floppy', 'USBStick'], inserted: true, canInsert: false },
          { id: 'CD1', mediaTypes: ['CD', 'DVD'], inserted: true, canInsert: false },
          { id: 'CD2', mediaTypes: ['CD', 'DVD'], inserted: true, canInsert: false },
        ],
        managers: [{ id: 'BMC', firmwareVersion: '1.45.455b66-rev4' }],
        chassis: ['1U'],
        boot: { target: 'Pxe', enabled: 'Once', mode: 'UEFI' },
        resetTypes: ['On', 'ForceOff', 'GracefulShutdown', 'GracefulRestart', 'ForceRestart', 'Nmi', 'ForceOn', 'PushPowerButton'],
        updateService: { simpleUpdate: true, protocols: undefined },
        tasks: { total: 2, succeeded: 1 },
        sessions: { timeout: 30, open: 2 },
      },
    },
  ],
  [
    'hpe-ilo5-dl365-gen10plus',
    {
      inventory: {
        // Two EPYC 7313 with 32 threads each.
        cpu: { count: 64, architecture: 'x86_64', modelName: 'AMD EPYC 7313 16-Core Processor', frequencyMHz: 4100 },
        memory: { physicalMb: 192 * 1024 },
        disks: [
          { name: '1.6TB 12G SAS SSD', sizeBytes: 1_600_321_314_816 },
          { name: '1.6TB 12G SAS SSD', sizeBytes: 1_600_321_314_816 },
        ],
        // The RAID1 volume (1_600_287_760_384 B = 1490.38 GiB) wins over the drives.
        localGb: 1489,
        interfaces: [
          { name: '5', macAddress: '84:16:0c:39:a1:e2', speedMbps: null },
          { name: '6', macAddress: '84:16:0c:39:a1:e3', speedMbps: null },
        ],
        systemVendor: { manufacturer: 'HPE', productName: 'ProLiant DL365 Gen10 Plus -- SIMULATED', serialNumber: 'MXQ2370DLQ', uuid: '35383350-3837-584D-5132-333730444C51' },
        bootMode: 'uefi',
      },
      crawl: {
        root: { vendor: 'HPE', product: 'ProLiant DL365 Gen10 Plus -- SIMULATED', redfishVersion: '1.20.0' },
        systemPath: '/redfish/v1/Systems/1',
        systemEtag: 'W/"7A60FCF2"',
        processors: ['1', '2'],
        memoryDevices: 32,
        nics: ['5', '6'],
        simpleStorageDevices: 0,
        // Drives live under Chassis/DE042000; the controller is in a Controllers collection.
        storage: [{ id: 'DE042000', controllers: 1, drives: 2, volumes: [{ raidType: 'RAID1', capacityBytes: 1_600_287_760_384, drives: 2 }] }],
        // Linked in lower case with a trailing slash (`/redfish/v1/systems/1/bios/settings/`).
        bios: { registry: 'BiosAttributeRegistryA42.v1_3_72', attributes: 255, settingsPath: '/redfish/v1/systems/1/bios/settings/', pendingAttributes: 255 },
        secureBoot: { enabled: false, mode: 'UserMode' },
        virtualMedia: [
          { id: '1', mediaTypes: ['Floppy', 'USBStick'], inserted: false, canInsert: true },
          { id: '2', mediaTypes: ['CD', 'DVD'], inserted: false, canInsert: true },
        ],
        managers: [{ id: '1', firmwareVersion: 'iLO 5 v3.14' }],
        chassis: ['1'],
        boot: { target: 'None', enabled: 'Disabled', mode: 'UEFI' },
        resetTypes: ['On', 'ForceOff', 'GracefulShutdown', 'ForceRestart', 'Nmi', 'PushPowerButton', 'GracefulRestart'],
        updateService: { simpleUpdate: true, protocols: ['HTTP', 'HTTPS'] },
        tasks: { total: 0, succeeded: 0 },
        // Seven listed; the seventh was captured as an error body (a 404), so it is skipped.
        sessions: { timeout: 0, open: 6 },
      },
    },
  ],
  [
    'gigabyte-ami-h262',
    {
      inventory: {
        cpu: { count: 256, architecture: 'x86_64', modelName: 'AMD EPYC 7702 64-Core Processor', frequencyMHz: 3350 },
        // TotalSystemMemoryGiB 244 (the DIMMs would say 16 × 15625 MiB).
        memory: { physicalMb: 244 * 1024 },
        disks: [{ name: 'SAMSUNG MZ7LH1T9HMLT-00005', sizeBytes: 2_013_667_524_608 }],
        // The SimpleStorage device has no Status, so only the Storage drive counts: 1875.37 GiB.
        localGb: 1874,
        // In the collection's order (3, 2, 1); two NICs report the same MAC.
        interfaces: [
          { name: '3', macAddress: 'b4:2e:99:ba:de:16', speedMbps: null },
          { name: '2', macAddress: 'b4:2e:99:ba:de:16', speedMbps: null },
          { name: '1', macAddress: 'b4:2e:99:ba:de:15', speedMbps: null },
        ],
        systemVendor: { manufacturer: 'GIGABYTE', productName: 'H262-Z63-00', serialNumber: 'GJG9NF512A000302', uuid: 'e9184000-7983-11ec-8000-b42e99bade15' },
        bootMode: 'bios',
      },
      crawl: {
        root: { vendor: 'AMI', product: 'AMI Redfish Server', redfishVersion: '1.7.0' },
        systemPath: '/redfish/v1/Systems/Self',
        systemEtag: 'W/"1649881751"',
        processors: ['1', '2'],
        memoryDevices: 16,
        nics: ['3', '2', '1'],
        simpleStorageDevices: 1,
        storage: [{ id: '1', controllers: 0, drives: 1, volumes: [] }],
        // @Redfish.Settings without a SettingsObject: no settings object to write to.
        bios: { registry: 'BiosAttributeRegistry', attributes: 550, settingsPath: null, pendingAttributes: 0 },
        secureBoot: { enabled: false, mode: 'SetupMode' },
        virtualMedia: [{ id: 'CD1', mediaTypes: [], inserted: false, canInsert: true }],
        managers: [{ id: 'Self', firmwareVersion: '12.84.13' }],
        chassis: ['Self'],
        boot: { target: 'None', enabled: 'Disabled', mode: 'Legacy' },
        // AMI describes ResetType through @Redfish.ActionInfo only: no list, everything allowed.
        resetTypes: undefined,
        updateService: { simpleUpdate: true, protocols: undefined },
        tasks: { total: 15, succeeded: 10 },
        sessions: { timeout: 30, open: 0 },
      },
    },
  ],
  [
    'intel-s2600bpb',
    {
      inventory: {
        cpu: { count: 8, architecture: 'x86_64', modelName: 'Intel Xeon processor', frequencyMHz: 4000 },
        memory: { physicalMb: 48 * 1024 },
        // The one drive (linked 32 times) was a 404 when captured.
        disks: [],
        localGb: 0,
        interfaces: [],
        systemVendor: { manufacturer: 'Intel Corporation', productName: 'S2600BPB', serialNumber: 'QSBP74100021', uuid: '3504bf7d-ae5b-11e7-ab21-a4bf012890a8' },
        bootMode: 'bios',
      },
      crawl: {
        root: { vendor: undefined, product: undefined, redfishVersion: '1.1.0' },
        systemPath: '/redfish/v1/Systems/QSBP74100021',
        systemEtag: undefined,
        processors: ['CPU1', 'CPU2'],
        memoryDevices: 6,
        nics: [],
        simpleStorageDevices: 0,
        storage: [{ id: '1', controllers: 0, drives: 0, volumes: [] }],
        bios: { registry: 'BiosAttributeRegistry', attributes: 864, settingsPath: '/redfish/v1/Systems/QSBP74100021/Bios/Settings', pendingAttributes: 0 },
        secureBoot: null,
        virtualMedia: [],
        managers: [{ id: 'BMC', firmwareVersion: '1.93.870cf4f0' }],
        // Chassis/RackMount was captured as an error body (a 404): skipped.
        chassis: [],
        boot: { target: 'None', enabled: 'Disabled', mode: 'Legacy' },
        resetTypes: ['PushPowerButton', 'On', 'GracefulShutdown', 'ForceRestart', 'Nmi', 'ForceOn', 'ForceOff'],
        updateService: { simpleUpdate: true, protocols: undefined },
        tasks: null,
        sessions: { timeout: 1800, open: 0 },
      },
    },
  ],
  [
    'dell-idrac-bmclib-fixtures',
    {
      inventory: {
        // No Processors collection in the fixtures: the summary's 48 logical processors.
        cpu: { count: 48, architecture: null, modelName: 'AMD EPYC 7402P 24-Core Processor', frequencyMHz: null },
        memory: { physicalMb: 64 * 1024 },
        disks: [],
        localGb: 0,
        interfaces: [],
        systemVendor: { manufacturer: 'Dell Inc.', productName: 'PowerEdge R6515', serialNumber: 'CNCMU0005400IJ', uuid: '4c4c4544-004c-4410-8058-c6c04f443533' },
        bootMode: 'bios',
      },
      crawl: {
        root: { vendor: 'Dell', product: 'Integrated Dell Remote Access Controller', redfishVersion: '1.9.0' },
        systemPath: '/redfish/v1/Systems/System.Embedded.1',
        systemEtag: undefined,
        processors: [],
        memoryDevices: 0,
        nics: [],
        simpleStorageDevices: 0,
        storage: [],
        // The settings object itself was not captured.
        bios: { registry: 'BiosAttributeRegistry.v1_0_3', attributes: 195, settingsPath: '/redfish/v1/Systems/System.Embedded.1/Bios/Settings', pendingAttributes: null },
        secureBoot: { enabled: true, mode: 'SetupMode' },
        // The slots exist under the System, but this System JSON does not link them (see below).
        virtualMedia: [],
        managers: [{ id: 'iDRAC.Embedded.1', firmwareVersion: '1.20.50.52' }],
        chassis: [],
        boot: { target: 'None', enabled: 'Disabled', mode: 'Legacy' },
        resetTypes: ['On', 'ForceOff', 'ForceRestart', 'GracefulRestart', 'GracefulShutdown', 'PushPowerButton', 'Nmi', 'PowerCycle'],
        updateService: null,
        tasks: null,
        sessions: null,
      },
    },
  ],
  [
    'lenovo-xcc-bmclib-fixtures',
    {
      inventory: {
        // Neither Processors nor a ProcessorSummary nor memory in these fixtures.
        cpu: { count: 0, architecture: null, modelName: null, frequencyMHz: null },
        memory: { physicalMb: 0 },
        // Drives Disk.0/Disk.1 were not captured; the RAID1 volume is 999_653_638_144 B = 931 GiB.
        disks: [],
        localGb: 930,
        interfaces: [{ name: 'NIC.1', macAddress: '7c:d3:0a:44:55:66', speedMbps: null }],
        systemVendor: { manufacturer: 'Lenovo', productName: 'ThinkSystem SR650', serialNumber: 'J100ABCD', uuid: '92384634-2938-2342-8820-489239905423' },
        bootMode: 'bios',
      },
      crawl: {
        root: { vendor: 'Lenovo', product: 'ThinkSystem', redfishVersion: '1.15.0' },
        systemPath: '/redfish/v1/Systems/1',
        systemEtag: undefined,
        processors: [],
        memoryDevices: 0,
        nics: ['NIC.1'],
        simpleStorageDevices: 0,
        storage: [{ id: 'RAID_Slot1', controllers: 1, drives: 0, volumes: [{ raidType: 'RAID1', capacityBytes: 999_653_638_144, drives: 0 }] }],
        bios: { registry: 'BiosAttributeRegistry.1.0.0', attributes: 5, settingsPath: '/redfish/v1/Systems/1/Bios/Pending', pendingAttributes: 0 },
        secureBoot: { enabled: true, mode: 'SetupMode' },
        // No actions and no Allow: PATCH header from a static server, so nothing to insert with.
        virtualMedia: [
          { id: 'CD', mediaTypes: ['CD', 'DVD'], inserted: false, canInsert: false },
          { id: 'Floppy', mediaTypes: ['Floppy', 'USBStick'], inserted: true, canInsert: false },
        ],
        managers: [{ id: '1', firmwareVersion: 'TEE142M-2.41' }],
        chassis: ['1'],
        boot: { target: 'Hdd', enabled: 'Once', mode: 'Legacy' },
        resetTypes: ['On', 'ForceOff', 'GracefulShutdown', 'GracefulRestart', 'ForceRestart', 'Nmi', 'ForceOn'],
        updateService: { simpleUpdate: true, protocols: undefined },
        tasks: { total: 1, succeeded: 1 },
        sessions: null,
      },
    },
  ],
];

describe.each(cases)('mockup %s', (name, expected) => {
  let bmc: TestBmc;
  let connection: RedfishConnection;
  // No reset between the tests: the last one looks at every request the others made.
  useTestBmc((started) => ({ bmc, connection } = started), { start: () => serveMockup(name), reset: false });

  it('reads the service root, the system and everything linked from it', async () => {
    const { crawl: seen } = await crawl(new RedfishClient(connection));
    expect(seen).toEqual(expected.crawl);
  });

  it('reads the inventory inspection needs', async () => {
    const system: ComputerSystem = await new RedfishClient(connection).system();
    expect(await readInventory(system)).toEqual(expected.inventory);
  });

  it('sends only GETs, one at a time', () => {
    expect(bmc.requests.every((request) => request.method === 'GET')).toBe(true);
    expect(bmc.peakInFlight).toBe(1);
  });
});

describe('mockup dell-idrac-bmclib-fixtures, virtual media under the System', () => {
  let connection: RedfishConnection;
  useTestBmc((started) => ({ connection } = started), { start: () => serveMockup('dell-idrac-bmclib-fixtures') });

  it('reads the slots by path (the fixture System predates the VirtualMedia link)', async () => {
    const collection = await load(connection, '/redfish/v1/Systems/System.Embedded.1/VirtualMedia', ResourceCollection.of((init) => new VirtualMedia(init)));
    const slots = await collection.members();
    expect(collection.etag).toBe('W/"gen-1"');
    expect(slots.map((slot) => [slot.id, slot.mediaTypes, slot.inserted, slot.image, slot.etag])).toEqual([
      ['2', ['CD', 'DVD', 'USBStick'], false, undefined, 'W/"gen-2"'],
      ['1', ['CD', 'DVD', 'USBStick'], false, undefined, 'W/"gen-2"'],
    ]);
    expect(slots[1].insertMediaAction).toEqual({ target: '/redfish/v1/Systems/System.Embedded.1/VirtualMedia/1/Actions/VirtualMedia.InsertMedia', allowableValues: ['CIFS', 'HTTP', 'HTTPS', 'NFS'] });
  });
});
