// Out-of-band inspection and virtual media boot of the redfish hardware type against the virtual
// BMC: what the node learns from each mockup, which slot gets the image, what the BMC boots.
import { describeInterfaceConformance, MissingParameterValueError, type BootInterface, type DriverTask, type InspectInterface, type InspectionReport } from '@slipway/drivers-framework';
import { failureOf, INVALID_REDFISH_DRIVER_INFO, RedfishBench } from './redfish-task.fixture';

const DEPLOY_ISO = 'http://images.example/deploy.iso';
const INSTANCE_ISO = 'http://images.example/instance.iso';
const inspect = (task: DriverTask) => task.driver.inspect as InspectInterface;
const boot = (task: DriverTask) => task.driver.boot as BootInterface;
const insertedImages = (bench: RedfishBench, system: number) => bench.state(system).virtualMedia.filter((slot) => slot.inserted).map((slot) => slot.image);

describe('redfish inspection and virtual media boot against the vbmc (DMTF rack mount)', () => {
  const bench = RedfishBench.use();
  const conformanceSystem = bench.freshSystem();
  /** An InsertMedia action the vbmc refuses like a KVM-only slot, set by a test (hooks go in before the vbmc listens). */
  let refusedInsert: string | undefined;
  bench.vbmc.server.addHook('preHandler', async (request, reply) => {
    if (request.method === 'POST' && request.url.toLowerCase() === refusedInsert) return reply.code(400).send({ error: { code: 'Base.1.8.ActionNotSupported', message: 'This slot is KVM only.' } });
  });
  afterEach(() => (refusedInsert = undefined));

  it('inspects out of band: cpus, cpu_arch, memory_mb, local_gb and boot_mode from the System, the inventory for the ports', async () => {
    const system = bench.freshSystem();
    const task = bench.taskOn(system, { properties: { capabilities: 'profile:compute' } });
    const report = (await inspect(task).inspectHardware(task)) as InspectionReport;
    expect(task.node.properties).toEqual({ cpus: 16, cpu_arch: 'x86_64', memory_mb: 98304, local_gb: 3724, capabilities: 'profile:compute,boot_mode:uefi' });
    const nics = await bench.redfish('GET', `${bench.systemPath(system)}/EthernetInterfaces`);
    const macs = [];
    for (const member of (nics.body as { Members: Array<{ '@odata.id': string }> }).Members) {
      macs.push(String(((await bench.redfish('GET', member['@odata.id'])).body as { MACAddress: string }).MACAddress).toLowerCase());
    }
    const interfaces = report.inventory['interfaces'] as Array<{ mac_address: string }>;
    expect(new Set(interfaces.map((nic) => nic.mac_address))).toEqual(new Set(macs));
    expect(report.inventory).toMatchObject({ cpu: { count: 16, architecture: 'x86_64' }, memory: { physical_mb: 98304 }, boot: { current_boot_mode: 'uefi' } });
    expect((report.inventory['disks'] as unknown[]).length).toBeGreaterThan(0);
  });

  it('keeps a boot_mode capability the operator set', async () => {
    const task = bench.taskOn(bench.freshSystem(), { properties: { capabilities: 'boot_mode:bios' } });
    await inspect(task).inspectHardware(task);
    expect(task.node.properties['capabilities']).toBe('boot_mode:bios');
  });

  it('boots a ramdisk: the deploy ISO in the CD slot and the CD as one-time boot device', async () => {
    const system = bench.freshSystem();
    const task = bench.taskOn(system, { driverInfo: { deploy_iso: DEPLOY_ISO } });
    await boot(task).prepareRamdisk(task, {}, 'deploy');
    expect(insertedImages(bench, system)).toEqual([DEPLOY_ISO]);
    expect(bench.state(system).boot).toMatchObject({ BootSourceOverrideTarget: 'Cd', BootSourceOverrideEnabled: 'Once' });
    await boot(task).cleanUpRamdisk(task);
    expect(insertedImages(bench, system)).toEqual([]);
  });

  it('replaces whatever the slot held, and refuses a ramdisk boot without deploy_iso', async () => {
    const system = bench.freshSystem();
    const task = bench.taskOn(system, { driverInfo: { deploy_iso: DEPLOY_ISO } });
    await boot(task).prepareRamdisk(task, {});
    const again = bench.taskOn(system, { driverInfo: { deploy_iso: 'http://images.example/newer.iso' } });
    await boot(again).prepareRamdisk(again, {});
    expect(insertedImages(bench, system)).toEqual(['http://images.example/newer.iso']);
    const without = bench.taskOn(system);
    const failure = await failureOf(boot(without).prepareRamdisk(without, {}));
    expect(failure).toBeInstanceOf(MissingParameterValueError);
    expect(failure.message).toContain('needs driver_info/deploy_iso (the URL of an ISO image) to boot over virtual media');
  });

  it('boots an instance ISO on every boot; without one, ejects and boots from disk', async () => {
    const system = bench.freshSystem();
    const withIso = bench.taskOn(system, { instanceInfo: { boot_iso: INSTANCE_ISO } });
    await boot(withIso).prepareInstance(withIso);
    expect(insertedImages(bench, system)).toEqual([INSTANCE_ISO]);
    expect(bench.state(system).boot).toMatchObject({ BootSourceOverrideTarget: 'Cd', BootSourceOverrideEnabled: 'Continuous' });
    const fromDisk = bench.taskOn(system);
    await boot(fromDisk).prepareInstance(fromDisk);
    expect(insertedImages(bench, system)).toEqual([]);
    expect(bench.state(system).boot).toMatchObject({ BootSourceOverrideTarget: 'Hdd', BootSourceOverrideEnabled: 'Continuous' });
  });

  it('moves on to the next CD slot when one refuses the image (400)', async () => {
    const system = bench.freshSystem();
    refusedInsert = `${bench.systemPath(system)}/VirtualMedia/CD1/Actions/VirtualMedia.InsertMedia`.toLowerCase();
    const task = bench.taskOn(system, { driverInfo: { deploy_iso: DEPLOY_ISO } });
    await boot(task).prepareRamdisk(task, {});
    const slots = bench.state(system).virtualMedia;
    expect(slots.filter((slot) => slot.inserted).map((slot) => slot.path)).toEqual([`${bench.systemPath(system)}/VirtualMedia/CD2`]);
  });

  it('refuses an image that is not an http(s) URL, at enrolment and at validation', async () => {
    const task = bench.taskOn(bench.freshSystem(), { driverInfo: { deploy_iso: 'ftp://images.example/deploy.iso' } });
    expect(() => boot(task).checkDriverInfo?.(task.node)).toThrow('driver_info/deploy_iso of node redfish-node-');
    await expect(boot(task).validate(task)).rejects.toThrow('must be an http or https URL of an ISO image, got "ftp://images.example/deploy.iso"');
  });

  it('refuses a ramdisk instance given as kernel and ramdisk: virtual media boots an ISO (validated by the ramdisk deploy too)', async () => {
    const task = bench.taskOn(bench.freshSystem(), { instanceInfo: { kernel: 'http://images.example/vmlinuz', ramdisk: 'http://images.example/initrd' } });
    expect(task.node.deployInterface).toBe('ramdisk');
    const failure = await failureOf(task.driver.deploy.validate(task));
    expect(failure).toBeInstanceOf(MissingParameterValueError);
    expect(failure.message).toContain('needs instance_info/boot_iso (the URL of an ISO image); building an ISO from instance_info kernel and ramdisk is not supported');
    const withIso = bench.taskOn(bench.freshSystem(), { instanceInfo: { boot_iso: INSTANCE_ISO } });
    await expect(withIso.driver.deploy.validate(withIso)).resolves.toBeUndefined();
  });

  for (const type of ['inspect', 'boot'] as const) {
    describeInterfaceConformance({
      type,
      name: type === 'boot' ? 'redfish-virtual-media' : 'redfish',
      task: (init = {}) => bench.task({ uuid: `conformance-${type}`, ...init }),
      get validDriverInfo() {
        return bench.driverInfo(conformanceSystem, { deploy_iso: DEPLOY_ISO });
      },
      invalidDriverInfo: INVALID_REDFISH_DRIVER_INFO,
    });
  }
});

describe('redfish inspection and virtual media boot against the vbmc (HPE iLO 5: virtual media under the manager)', () => {
  const bench = RedfishBench.use({ vbmc: { mockup: 'hpe-ilo5-dl365-gen10plus', systems: 4 } });

  it('inspects what the iLO reports', async () => {
    const task = bench.taskOn(bench.freshSystem());
    await inspect(task).inspectHardware(task);
    expect(task.node.properties).toMatchObject({ cpus: 64, cpu_arch: 'x86_64', memory_mb: 196608, local_gb: 1489 });
  });

  it("inserts into the system's own manager's CD slot", async () => {
    const system = bench.freshSystem();
    const task = bench.taskOn(system, { driverInfo: { deploy_iso: DEPLOY_ISO } });
    await boot(task).prepareRamdisk(task, {});
    const inserted = bench.state(system).virtualMedia.filter((slot) => slot.inserted);
    expect(inserted.map((slot) => slot.image)).toEqual([DEPLOY_ISO]);
    expect(inserted[0].path.toLowerCase()).toContain('/managers/');
    expect(bench.state(system).boot).toMatchObject({ BootSourceOverrideTarget: 'Cd', BootSourceOverrideEnabled: 'Once' });
  });
});
