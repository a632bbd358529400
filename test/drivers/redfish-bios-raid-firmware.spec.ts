// The redfish bios, raid and firmware interfaces against the virtual BMC: each step's writes, the
// STEP_WAIT it returns, and the periodic check that resumes (or fails) the waiting step once the
// BMC is done. The vbmc and the driver each run on a hand-driven clock, so BMC tasks end and step
// timeouts pass only when a test says so.
import {
  describeInterfaceConformance,
  DriverOperationError,
  getSteps,
  InvalidParameterValueError,
  periodicsOf,
  runStep,
  STEP_WAIT,
  type DriverNode,
  type DriverTask,
  type JsonObject,
  type NodeVisitOptions,
  type PeriodicContext,
  type StepKind,
} from '@slipway/drivers-framework';
import { BIOS_AWAITED, FIRMWARE_AWAITED, RAID_AWAITED } from '@slipway/drivers-redfish';
import { failureOf, INVALID_REDFISH_DRIVER_INFO, OFFLINE_DRIVER_INFO, RedfishBench, type RedfishBenchOptions } from './redfish-task.fixture';

const START = Date.parse('2030-01-01T00:00:00Z');
const STARTED_AT = '2030-01-01T00:00:00.000Z';
/** How long the vbmc's volume and firmware tasks run (on the vbmc clock). */
const TASK_MS = 5_000;
const CHECK_SECONDS = 30;
const TIMEOUT_SECONDS = 600;
const GIB = 1024 ** 3;

type Kind = 'bios' | 'raid' | 'firmware';

/** Two clocks that move only when told: the vbmc's (its tasks) and the driver's (step timeouts). */
const clocks = { vbmc: START, driver: START };

/** An answer the vbmc gives instead of its own (`answer`), or its own answer changed (`rewrite`). */
interface Interception {
  method: string;
  path: string;
  answer?: { status: number; body?: unknown };
  rewrite?: (body: Record<string, unknown>) => unknown;
}

interface Bench {
  bench: RedfishBench;
  /** Active until the end of the test, or until the function it returns is called. */
  intercept(interception: Interception): () => void;
}

/** A bench whose vbmc powers on and off at once and runs tasks for TASK_MS of its clock; each test may change some answers. */
function useBench(vbmc: RedfishBenchOptions['vbmc'] = {}): Bench {
  const interceptions: Interception[] = [];
  const bench = RedfishBench.use({
    vbmc: { systems: 12, powerDelayMs: 0, taskDurationMs: TASK_MS, taskRetryAfterSeconds: 0, now: () => clocks.vbmc, ...vbmc },
    driver: { now: () => clocks.driver, statusCheckIntervalSeconds: CHECK_SECONDS, stepTimeoutSeconds: TIMEOUT_SECONDS },
  });
  const matching = (method: string, url: string) => interceptions.filter((item) => item.method === method && comparable(item.path) === comparable(url.split('?')[0]));
  bench.vbmc.server.addHook('preHandler', async (request, reply) => {
    const answer = matching(request.method, request.url).find((item) => item.answer)?.answer;
    if (answer) return reply.code(answer.status).type('application/json').send(answer.body === undefined ? '' : JSON.stringify(answer.body));
  });
  bench.vbmc.server.addHook('onSend', async (request, _reply, payload) => {
    const rewrite = matching(request.method, request.url).find((item) => item.rewrite)?.rewrite;
    return rewrite && typeof payload === 'string' ? JSON.stringify(rewrite(JSON.parse(payload) as Record<string, unknown>)) : payload;
  });
  beforeEach(() => {
    clocks.vbmc = START;
    clocks.driver = START;
    interceptions.length = 0;
  });
  return {
    bench,
    intercept: (interception) => {
      interceptions.push(interception);
      return () => void interceptions.splice(interceptions.indexOf(interception), 1);
    },
  };
}

/** The writes that reached the vbmc's handlers, logins left out. */
function writes(bench: RedfishBench, method?: string) {
  return bench.requests.filter((request) => request.method !== 'GET' && (method === undefined || request.method === method) && !request.path.startsWith('/redfish/v1/SessionService'));
}

function comparable(path: string): string {
  return path.replace(/\/+$/, '').toLowerCase();
}

/** A task on a node whose clean step `step` of interface `type` runs (Ironic's node.clean_step set by the conductor). */
function stepTask(bench: RedfishBench, system: number, type: Kind, step: string, init: Partial<DriverNode> = {}): DriverTask {
  return bench.taskOn(system, { provisionState: 'cleaning', cleanStep: { interface: type, step, priority: 0, args: {} }, ...init });
}

/** Runs a step by name as the conductor does; STEP_WAIT moves the node to `clean wait`. */
async function runCleanStep(task: DriverTask, type: Kind, step: string, args: JsonObject = {}, kind: StepKind = 'clean') {
  const outcome = await runStep(task.driver[type], kind, step, task, args);
  if (outcome === STEP_WAIT) task.node.provisionState = 'clean wait';
  return outcome;
}

/**
 * One run of the interface's periodic over one node, with a context like the conductor's: the
 * node is visited when it is in one of the states asked for; resumeSteps calls are recorded
 * (undefined: resumed, a string: failed with it).
 */
async function runPeriodic(task: DriverTask, type: Kind): Promise<{ resumed: Array<string | undefined>; visits: NodeVisitOptions[] }> {
  const resumed: Array<string | undefined> = [];
  const visits: NodeVisitOptions[] = [];
  const context: PeriodicContext = {
    signal: new AbortController().signal,
    hostname: 'conductor-1',
    forEachNode: async (work, options = {}) => {
      visits.push(options);
      if (options.provisionStates && !options.provisionStates.includes(task.node.provisionState)) return 0;
      await work(task);
      return 1;
    },
    resumeSteps: (resumedTask, error) => {
      expect(resumedTask).toBe(task);
      resumed.push(error);
    },
  };
  const [periodic] = periodicsOf(task.driver[type]);
  await periodic.run(context);
  return { resumed, visits };
}

/** The steps of an interface as the API lists them: [kind, name, priority, argument names, requires ramdisk]. */
function stepsOf(task: DriverTask, type: Kind) {
  return (['clean', 'deploy', 'service'] as const).flatMap((kind) =>
    getSteps(task.driver[type], kind).map((step) => [kind, step.step, step.priority, Object.keys(step.argsinfo ?? {}), step.requiresRamdisk]),
  );
}

function conformance(bench: RedfishBench, type: Kind): void {
  describeInterfaceConformance({
    type,
    name: 'redfish',
    task: (init = {}) => bench.task({ uuid: `conformance-${type}`, ...init }),
    validDriverInfo: OFFLINE_DRIVER_INFO,
    invalidDriverInfo: INVALID_REDFISH_DRIVER_INFO,
  });
}

describe('redfish bios against the vbmc', () => {
  const { bench, intercept } = useBench();
  const settingsPath = (system: number) => `${bench.systemPath(system)}/Bios/Settings`;
  const attributes = (system: number) => bench.state(system).biosAttributes as Record<string, unknown>;
  /** The step's PATCH answers 204 but stages nothing: the values never become current. */
  const swallowPatches = (system: number) => intercept({ method: 'PATCH', path: settingsPath(system), answer: { status: 204 } });

  it('stages the changes (OnReset, typed as the BMC has them), reboots and waits; the periodic resumes the step once the reboot applied them', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'bios', 'apply_configuration');
    const settings = [
      { name: 'ProcTurboMode', value: 'Disabled' },
      { name: 'ProcCoreDisable', value: '2' },
      { name: 'BootMode', value: 'Uefi' },
    ];
    expect(await runCleanStep(task, 'bios', 'apply_configuration', { settings })).toBe(STEP_WAIT);
    expect(bench.patchesOf(settingsPath(system))).toEqual([{ Attributes: { ProcTurboMode: 'Disabled', ProcCoreDisable: 2 }, '@Redfish.SettingsApplyTime': { ApplyTime: 'OnReset' } }]);
    expect(bench.resetsOf(system)).toEqual(['ForceOff', 'On']);
    expect(attributes(system)).toMatchObject({ ProcTurboMode: 'Disabled', ProcCoreDisable: 2 });
    expect(task.node.driverInternalInfo[BIOS_AWAITED]).toEqual({ attributes: { ProcTurboMode: 'Disabled', ProcCoreDisable: '2' }, started_at: STARTED_AT, step: 'bios.apply_configuration' });

    const check = await runPeriodic(task, 'bios');
    expect(check.visits).toEqual([{ provisionStates: ['clean wait', 'wait call-back', 'service wait'], shared: false }]);
    expect(check.resumed).toEqual([undefined]);
    expect(task.node.driverInternalInfo[BIOS_AWAITED]).toBeUndefined();
    expect(await task.driver.bios.cacheBiosSettings(task)).toContainEqual({ name: 'ProcCoreDisable', value: '2' });
  });

  it('sends again nothing already pending; waits while values are not current; fails the step when the BMC reports the application failed', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'bios', 'apply_configuration');
    // Staged by another client, not applied yet: the same value is not written again.
    await bench.redfish('PATCH', settingsPath(system), { Attributes: { NicBoot2: 'NetworkBoot' } });
    swallowPatches(system);
    const settings = [{ name: 'NicBoot2', value: 'NetworkBoot' }, { name: 'UsbControl', value: 'UsbDisabled' }];
    expect(await runCleanStep(task, 'bios', 'apply_configuration', { settings })).toBe(STEP_WAIT);
    expect(bench.patchesOf(settingsPath(system)).at(-1)).toEqual({ Attributes: { UsbControl: 'UsbDisabled' }, '@Redfish.SettingsApplyTime': { ApplyTime: 'OnReset' } });
    expect(attributes(system).NicBoot2).toBe('NetworkBoot');
    expect((await runPeriodic(task, 'bios')).resumed).toEqual([]);

    intercept({
      method: 'GET',
      path: `${bench.systemPath(system)}/Bios`,
      rewrite: (bios) => ({
        ...bios,
        '@Redfish.Settings': { ...(bios['@Redfish.Settings'] as object), Time: '2030-01-01T00:01:00Z', Messages: [{ MessageId: 'Base.1.8.SettingsFailed', Message: 'UsbControl could not be set.', Severity: 'Warning' }] },
      }),
    });
    expect((await runPeriodic(task, 'bios')).resumed).toEqual([
      `Redfish BIOS apply_configuration failed for node ${task.node.uuid}: the BMC reports: UsbControl could not be set. Not applied: UsbControl="UsbDisabled".`,
    ]);
    expect(task.node.driverInternalInfo[BIOS_AWAITED]).toBeUndefined();
  });

  it('does nothing, and does not reboot, when the values are already current', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'bios', 'apply_configuration');
    expect(await runCleanStep(task, 'bios', 'apply_configuration', { settings: [{ name: 'BootMode', value: 'Uefi' }, { name: 'ProcCoreDisable', value: 0 }] })).toBeUndefined();
    expect([bench.patchesOf(settingsPath(system)), bench.resetsOf(system), task.node.driverInternalInfo[BIOS_AWAITED]]).toEqual([[], [], undefined]);
  });

  it('refuses an unknown attribute with a clear error, before writing or rebooting', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'bios', 'apply_configuration');
    const failure = await failureOf(runCleanStep(task, 'bios', 'apply_configuration', { settings: [{ name: 'NoSuchThing', value: 'On' }] }));
    expect(failure).toBeInstanceOf(InvalidParameterValueError);
    expect(failure.message).toBe(`The BIOS of node ${task.node.uuid} has no attribute NoSuchThing; apply_configuration changes only attributes the BMC lists.`);
    expect([bench.patchesOf(settingsPath(system)), bench.resetsOf(system)]).toEqual([[], []]);
  });

  it('passes on what the BMC says when it refuses a value', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'bios', 'apply_configuration');
    intercept({ method: 'PATCH', path: settingsPath(system), answer: { status: 400, body: { error: { code: 'Base.1.8.PropertyValueNotInList', message: 'The value Sometimes for ProcTurboMode is not in the list of acceptable values.' } } } });
    const failure = await failureOf(runCleanStep(task, 'bios', 'apply_configuration', { settings: [{ name: 'ProcTurboMode', value: 'Sometimes' }] }));
    expect(failure).toBeInstanceOf(DriverOperationError);
    expect(failure.message).toContain(`applying BIOS settings failed for node ${task.node.uuid}`);
    expect(failure.message).toContain('HTTP 400');
    expect(bench.resetsOf(system)).toEqual([]);
  });

  it('refuses a value that conflicts with one already pending', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'bios', 'apply_configuration');
    await bench.redfish('PATCH', settingsPath(system), { Attributes: { ProcTurboMode: 'Disabled' } });
    const failure = await failureOf(runCleanStep(task, 'bios', 'apply_configuration', { settings: [{ name: 'ProcTurboMode', value: 'Auto' }] }));
    expect(failure).toBeInstanceOf(DriverOperationError);
    expect(failure.message).toContain('already has other values pending for ProcTurboMode (pending "Disabled", requested "Auto")');
    expect(bench.resetsOf(system)).toEqual([]);
  });

  it('fails the waiting step when the values are not current after stepTimeoutSeconds', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'bios', 'apply_configuration');
    swallowPatches(system);
    expect(await runCleanStep(task, 'bios', 'apply_configuration', { settings: [{ name: 'ProcTurboMode', value: 'Disabled' }] })).toBe(STEP_WAIT);
    clocks.driver += (TIMEOUT_SECONDS - 1) * 1000;
    expect((await runPeriodic(task, 'bios')).resumed).toEqual([]);
    clocks.driver += 1000;
    expect((await runPeriodic(task, 'bios')).resumed).toEqual([`Redfish applying BIOS settings for node ${task.node.uuid} did not finish within ${TIMEOUT_SECONDS} seconds (since ${STARTED_AT}).`]);
    expect(task.node.driverInternalInfo[BIOS_AWAITED]).toBeUndefined();
  });

  it('keeps waiting through BMC errors until the timeout, then fails with the last one', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'bios', 'apply_configuration');
    swallowPatches(system);
    expect(await runCleanStep(task, 'bios', 'apply_configuration', { settings: [{ name: 'ProcTurboMode', value: 'Disabled' }] })).toBe(STEP_WAIT);
    bench.vbmc.setFaults({ errorStatus: 503, systems: [bench.systemId(system)] });
    expect((await runPeriodic(task, 'bios')).resumed).toEqual([]);
    clocks.driver += TIMEOUT_SECONDS * 1000;
    const [error] = (await runPeriodic(task, 'bios')).resumed;
    expect(error).toMatch(new RegExp(`^Redfish applying BIOS settings for node ${task.node.uuid} failed: .*HTTP 503`));
  });

  it('leaves nodes that no longer wait alone, and drops the record of a step that no longer runs', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'bios', 'apply_configuration');
    swallowPatches(system);
    expect(await runCleanStep(task, 'bios', 'apply_configuration', { settings: [{ name: 'ProcTurboMode', value: 'Disabled' }] })).toBe(STEP_WAIT);
    task.node.provisionState = 'clean failed';
    expect((await runPeriodic(task, 'bios')).resumed).toEqual([]);
    expect(task.node.driverInternalInfo[BIOS_AWAITED]).toBeDefined();
    // Cleaning again, and now waiting in another interface's step: the record is stale.
    Object.assign(task.node, { provisionState: 'clean wait', cleanStep: { interface: 'deploy', step: 'erase_devices', priority: 0, args: {} } });
    expect((await runPeriodic(task, 'bios')).resumed).toEqual([]);
    expect(task.node.driverInternalInfo[BIOS_AWAITED]).toBeUndefined();
  });

  it('factory reset: ResetBios, then a reboot, which brings the defaults back', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'bios', 'factory_reset');
    await bench.redfish('PATCH', settingsPath(system), { Attributes: { ProcTurboMode: 'Disabled' } });
    await bench.redfish('POST', `${bench.systemPath(system)}/Actions/ComputerSystem.Reset`, { ResetType: 'ForceRestart' });
    expect(attributes(system).ProcTurboMode).toBe('Disabled');
    bench.requests.length = 0;
    expect(await runCleanStep(task, 'bios', 'factory_reset')).toBeUndefined();
    expect(writes(bench, 'POST').map((request) => request.path)).toEqual([
      `${bench.systemPath(system)}/Bios/Actions/Bios.ResetBios`,
      `${bench.systemPath(system)}/Actions/ComputerSystem.Reset`,
      `${bench.systemPath(system)}/Actions/ComputerSystem.Reset`,
    ]);
    expect(attributes(system).ProcTurboMode).toBe('Enabled');
  });

  it('has the steps of the fake bios (and Ironic), and a check every statusCheckIntervalSeconds', () => {
    const task = bench.task();
    expect(stepsOf(task, 'bios')).toEqual([
      ['clean', 'factory_reset', 0, [], true],
      ['clean', 'apply_configuration', 0, ['settings'], true],
      ['deploy', 'factory_reset', 0, [], false],
      ['deploy', 'apply_configuration', 0, ['settings'], false],
    ]);
    expect(periodicsOf(task.driver.bios).map((periodic) => [periodic.name, periodic.spacingSeconds, periodic.enabled])).toEqual([['RedfishBiosInterface.checkBiosSettings', CHECK_SECONDS, true]]);
  });

  conformance(bench, 'bios');
});

describe('redfish raid against the vbmc (iLO mockup: one Storage, two 1.6 TB SAS SSDs in a RAID1)', () => {
  const { bench, intercept } = useBench({ mockup: 'hpe-ilo5-dl365-gen10plus' });
  const storagePath = (system: number) => `${bench.systemPath(system)}/Storage/DE042000`;
  const volumes = async (system: number) => (await bench.redfish('GET', `${storagePath(system)}/Volumes`)).body as { Members: Array<{ '@odata.id': string }> };
  const mirror = (extra: JsonObject = {}) => ({ logical_disks: [{ size_gb: 100, raid_level: '1', is_root_volume: true, volume_name: 'os', ...extra }] });

  /** Runs create_configuration for `target`: the step's outcome. */
  async function create(task: DriverTask, target: JsonObject, args: JsonObject = {}) {
    task.node.targetRaidConfig = target;
    return runCleanStep(task, 'raid', 'create_configuration', args);
  }

  it('deletes the existing volume, creates a RAID1 over the two drives (202: a task), and writes raid_config once the periodic sees the task done', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'raid', 'create_configuration');
    const [existing] = (await volumes(system)).Members;
    const drives = ((await bench.redfish('GET', storagePath(system))).body as { Drives: Array<{ '@odata.id': string }> }).Drives;

    expect(await create(task, mirror())).toBe(STEP_WAIT);
    const sent = writes(bench);
    expect(sent.map((request) => [request.method, request.path])).toEqual([
      ['DELETE', existing['@odata.id']],
      ['POST', `${storagePath(system)}/Volumes`],
    ]);
    expect(sent[0].body).toEqual({ '@Redfish.OperationApplyTime': 'Immediate' });
    expect(sent[1].body).toEqual({ RAIDType: 'RAID1', CapacityBytes: 100 * GIB, Name: 'os', Links: { Drives: expect.arrayContaining(drives) }, '@Redfish.OperationApplyTime': 'Immediate' });
    const memo = task.node.driverInternalInfo[RAID_AWAITED] as { monitors: string[] };
    expect(memo).toEqual({ operation: 'create', monitors: [expect.stringMatching(/^\/redfish\/v1\/TaskService\/Tasks\/\d+$/)], pending: [], started_at: STARTED_AT, step: 'raid.create_configuration' });

    expect((await runPeriodic(task, 'raid')).resumed).toEqual([]);
    expect(task.node.raidConfig).toEqual({});

    clocks.vbmc += TASK_MS;
    expect((await runPeriodic(task, 'raid')).resumed).toEqual([undefined]);
    expect(task.node.raidConfig).toEqual({ logical_disks: [{ id: '2', name: 'os', controller: 'DE042000', size_gb: 100, raid_level: '1' }] });
    expect(task.node.driverInternalInfo[RAID_AWAITED]).toBeUndefined();
    expect((await volumes(system)).Members).toEqual([{ '@odata.id': `${storagePath(system)}/Volumes/2` }]);
  });

  it('delete_configuration deletes every volume (204: done at once) and empties raid_config', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'raid', 'delete_configuration', { raidConfig: { logical_disks: [{ size_gb: 1490, raid_level: '1' }] } });
    expect(await runCleanStep(task, 'raid', 'delete_configuration')).toBeUndefined();
    expect(task.node.raidConfig).toEqual({});
    expect((await volumes(system)).Members).toEqual([]);
    // Nothing left: deleting again is done too.
    expect(await runCleanStep(task, 'raid', 'delete_configuration')).toBeUndefined();
  });

  it('waits for deletions the BMC runs as tasks before creating, then creates the planned volumes (MAX: no CapacityBytes)', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'raid', 'create_configuration');
    const [existing] = (await volumes(system)).Members;
    // This BMC deletes through a task (the vbmc deletes at once): its 202 names the monitor in the body.
    const monitor = '/redfish/v1/TaskService/TaskMonitors/deleting';
    const deleting = [intercept({ method: 'DELETE', path: existing['@odata.id'], answer: { status: 202, body: { '@odata.id': monitor } } }), intercept({ method: 'GET', path: monitor, answer: { status: 202 } })];
    expect(await create(task, mirror({ size_gb: 'MAX' }))).toBe(STEP_WAIT);
    expect(task.node.driverInternalInfo[RAID_AWAITED]).toMatchObject({ operation: 'create', monitors: [monitor], pending: [{ volumes: `${storagePath(system)}/Volumes`, body: { RAIDType: 'RAID1', Name: 'os' } }] });
    expect((await runPeriodic(task, 'raid')).resumed).toEqual([]);
    expect(writes(bench, 'POST')).toEqual([]);

    // The BMC finishes the deletion: the periodic creates the volume, and waits for that task.
    deleting.forEach((stop) => stop());
    await bench.redfish('DELETE', existing['@odata.id']);
    intercept({ method: 'GET', path: monitor, answer: { status: 200, body: { '@odata.id': monitor, TaskState: 'Completed', TaskStatus: 'OK', Messages: [] } } });
    expect((await runPeriodic(task, 'raid')).resumed).toEqual([]);
    const posts = writes(bench, 'POST');
    expect(posts.map((request) => request.body)).toEqual([{ RAIDType: 'RAID1', Name: 'os', Links: { Drives: expect.any(Array) }, '@Redfish.OperationApplyTime': 'Immediate' }]);
    expect((task.node.driverInternalInfo[RAID_AWAITED] as { monitors: string[]; pending: unknown[] }).pending).toEqual([]);

    clocks.vbmc += TASK_MS;
    expect((await runPeriodic(task, 'raid')).resumed).toEqual([undefined]);
    expect(task.node.raidConfig).toEqual({ logical_disks: [{ id: '2', name: 'os', controller: 'DE042000', size_gb: 1490, raid_level: '1' }] });
  });

  it('fails the step with the task\'s messages when a volume task fails', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'raid', 'create_configuration');
    expect(await create(task, mirror())).toBe(STEP_WAIT);
    const [monitor] = (task.node.driverInternalInfo[RAID_AWAITED] as { monitors: string[] }).monitors;
    intercept({ method: 'GET', path: monitor, answer: { status: 200, body: { '@odata.id': monitor, Id: '9', TaskState: 'Exception', TaskStatus: 'Critical', Messages: [{ MessageId: 'Base.1.8.InternalError', Message: 'The controller rejected the volume.' }] } } });
    const [error] = (await runPeriodic(task, 'raid')).resumed;
    expect(error).toBe(`Redfish RAID create for node ${task.node.uuid} failed: The BMC task ${bench.url}${monitor} ended Exception with status Critical: The controller rejected the volume.`);
    expect(task.node.driverInternalInfo[RAID_AWAITED]).toBeUndefined();
    expect(task.node.raidConfig).toEqual({});
  });

  it('fails the step when the tasks are not done after stepTimeoutSeconds', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'raid', 'create_configuration');
    expect(await create(task, mirror())).toBe(STEP_WAIT);
    clocks.driver += TIMEOUT_SECONDS * 1000;
    expect((await runPeriodic(task, 'raid')).resumed).toEqual([`Redfish RAID configuration for node ${task.node.uuid} did not finish within ${TIMEOUT_SECONDS} seconds (since ${STARTED_AT}).`]);
  });

  it('touches nothing when the configuration cannot be built: too few drives for the level, or drives kept in use', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'raid', 'create_configuration');
    const tooFew = await failureOf(create(task, { logical_disks: [{ size_gb: 100, raid_level: '5' }] }));
    expect(tooFew).toBeInstanceOf(InvalidParameterValueError);
    expect(tooFew.message).toBe('logical_disks[0] (RAID 5, 100 GiB): no Storage has enough free drives for it.');
    const kept = await failureOf(create(task, mirror(), { delete_existing: false }));
    expect(kept.message).toBe('logical_disks[0] (RAID 1, 100 GiB): no Storage has enough free drives for it.');
    expect(await failureOf(create(task, mirror(), { create_root_volume: false, create_nonroot_volumes: false }))).toBeInstanceOf(InvalidParameterValueError);
    expect(writes(bench)).toEqual([]);
  });

  it('refuses target configurations Redfish cannot build when they are set', async () => {
    const task = bench.task();
    await expect(task.driver.raid.validateRaidConfig(task, { logical_disks: [{ size_gb: 10, raid_level: 'JBOD' }, { size_gb: 10, raid_level: '1', interface_type: 'scsi' }] })).rejects.toThrow(
      'RAID configuration is invalid: logical_disks[0].raid_level JBOD is not one the redfish RAID interface builds (0, 1, 5, 6, 1+0, 5+0, 6+0); logical_disks[1].interface_type scsi is not supported by Redfish RAID.',
    );
    await expect(task.driver.raid.validateRaidConfig(task, mirror())).resolves.toEqual(mirror());
  });

  it('has the steps of the fake raid (and Ironic), and a check every statusCheckIntervalSeconds', () => {
    const task = bench.task();
    expect(stepsOf(task, 'raid')).toEqual([
      ['clean', 'create_configuration', 0, ['create_root_volume', 'create_nonroot_volumes', 'delete_existing'], false],
      ['clean', 'delete_configuration', 0, [], false],
      ['deploy', 'delete_configuration', 0, [], false],
      ['deploy', 'apply_configuration', 0, ['raid_config', 'create_root_volume', 'create_nonroot_volumes', 'delete_existing'], false],
    ]);
    expect(periodicsOf(task.driver.raid).map((periodic) => [periodic.name, periodic.spacingSeconds])).toEqual([['RedfishRaidInterface.checkRaidTasks', CHECK_SECONDS]]);
  });

  describe('firmware on iLO (it lists the transfer protocols it takes)', () => {
    it('sends TransferProtocol from the URL scheme, and refuses a scheme the BMC does not list before sending anything', async () => {
      const system = bench.freshSystem();
      const task = stepTask(bench, system, 'firmware', 'update');
      expect(await runCleanStep(task, 'firmware', 'update', { settings: [{ component: 'bios', url: 'https://images.example/a42.fwpkg' }] })).toBe(STEP_WAIT);
      expect(writes(bench, 'POST').map((request) => request.body)).toEqual([
        { ImageURI: 'https://images.example/a42.fwpkg', TransferProtocol: 'HTTPS', Targets: [bench.systemPath(system)] },
      ]);
      const other = stepTask(bench, bench.freshSystem(), 'firmware', 'update');
      const failure = await failureOf(runCleanStep(other, 'firmware', 'update', { settings: [{ component: 'bios', url: 'ftp://images.example/a42.fwpkg' }] }));
      expect(failure).toBeInstanceOf(InvalidParameterValueError);
      expect(failure.message).toContain('TransferProtocol "FTP" is not accepted');
    });
  });

  conformance(bench, 'raid');
});

describe('redfish firmware against the vbmc', () => {
  const { bench, intercept } = useBench();
  const biosVersion = async (system: number) => ((await bench.redfish('GET', bench.systemPath(system))).body as { BiosVersion: string }).BiosVersion;
  const updates = (...components: string[]) => ({ settings: components.map((component) => ({ component, url: `http://images.example/${component}.bin` })) });

  it('starts SimpleUpdate (Targets: the node\'s System, as the BMC has several) and waits; the periodic reboots after a BIOS image and resumes', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'firmware', 'update');
    expect(await biosVersion(system)).toBe('P79 v1.45 (12/06/2017)');
    expect(await runCleanStep(task, 'firmware', 'update', updates('bios'))).toBe(STEP_WAIT);
    // The DMTF mockup lists no TransferProtocol values: none is sent.
    expect(writes(bench, 'POST').map((request) => [request.path, request.body])).toEqual([
      ['/redfish/v1/UpdateService/Actions/UpdateService.SimpleUpdate', { ImageURI: 'http://images.example/bios.bin', Targets: [bench.systemPath(system)] }],
    ]);
    expect(task.node.driverInternalInfo[FIRMWARE_AWAITED]).toEqual({
      current: { component: 'bios', url: 'http://images.example/bios.bin' },
      monitor: expect.stringMatching(/^\/redfish\/v1\/TaskService\/Tasks\/\d+$/),
      remaining: [],
      started_at: STARTED_AT,
      step: 'firmware.update',
    });

    expect((await runPeriodic(task, 'firmware')).resumed).toEqual([]);
    expect(bench.resetsOf(system)).toEqual([]);
    clocks.vbmc += TASK_MS;
    expect((await runPeriodic(task, 'firmware')).resumed).toEqual([undefined]);
    expect(await biosVersion(system)).toBe('P79 v1.46 (12/06/2017)');
    expect(bench.resetsOf(system)).toEqual(['ForceOff', 'On']);
    expect(task.node.driverInternalInfo[FIRMWARE_AWAITED]).toBeUndefined();
  });

  it('runs the updates one at a time: the next starts when the one before is done', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'firmware', 'update');
    expect(await runCleanStep(task, 'firmware', 'update', updates('bios', 'nic:1'))).toBe(STEP_WAIT);
    const first = (task.node.driverInternalInfo[FIRMWARE_AWAITED] as { monitor: string }).monitor;
    clocks.vbmc += TASK_MS;
    expect((await runPeriodic(task, 'firmware')).resumed).toEqual([]);
    const memo = task.node.driverInternalInfo[FIRMWARE_AWAITED] as { current: { component: string }; monitor: string; remaining: unknown[]; started_at: string };
    expect([memo.current.component, memo.monitor === first, memo.remaining, memo.started_at]).toEqual(['nic:1', false, [], STARTED_AT]);
    expect(bench.requests.filter((request) => request.method === 'POST' && request.path.endsWith('SimpleUpdate')).length).toBe(2);
    clocks.vbmc += TASK_MS;
    expect((await runPeriodic(task, 'firmware')).resumed).toEqual([undefined]);
    // Only the BIOS image needed a reboot.
    expect(bench.resetsOf(system)).toEqual(['ForceOff', 'On']);
  });

  it('fails the step with the task\'s messages when the update fails, and after stepTimeoutSeconds', async () => {
    const system = bench.freshSystem();
    const task = stepTask(bench, system, 'firmware', 'update');
    expect(await runCleanStep(task, 'firmware', 'update', updates('bmc'))).toBe(STEP_WAIT);
    const { monitor } = task.node.driverInternalInfo[FIRMWARE_AWAITED] as { monitor: string };
    intercept({ method: 'GET', path: monitor, answer: { status: 200, body: { '@odata.id': monitor, TaskState: 'Exception', TaskStatus: 'Critical', Messages: [{ Message: 'The image is not signed.' }] } } });
    expect((await runPeriodic(task, 'firmware')).resumed).toEqual([
      `Redfish firmware update of bmc from http://images.example/bmc.bin for node ${task.node.uuid} failed: The BMC task ${bench.url}${monitor} ended Exception with status Critical: The image is not signed.`,
    ]);

    const slow = stepTask(bench, bench.freshSystem(), 'firmware', 'update');
    expect(await runCleanStep(slow, 'firmware', 'update', updates('bios'))).toBe(STEP_WAIT);
    clocks.driver += TIMEOUT_SECONDS * 1000;
    expect((await runPeriodic(slow, 'firmware')).resumed).toEqual([`Redfish firmware update for node ${slow.node.uuid} did not finish within ${TIMEOUT_SECONDS} seconds (since ${STARTED_AT}).`]);
  });

  it('refuses updates without a component or an absolute URL', async () => {
    const task = stepTask(bench, 1, 'firmware', 'update');
    const failure = await failureOf(runCleanStep(task, 'firmware', 'update', { settings: [{ component: 'bios', url: 'bios.bin' }] }));
    expect(failure).toBeInstanceOf(InvalidParameterValueError);
    expect(failure.message).toBe('A firmware update needs a component and an absolute url, got {"component":"bios","url":"bios.bin"}.');
  });

  it('has the step of the fake firmware (and Ironic), and a check every statusCheckIntervalSeconds', () => {
    const task = bench.task();
    expect(stepsOf(task, 'firmware')).toEqual([['clean', 'update', 0, ['settings'], true]]);
    expect(periodicsOf(task.driver.firmware).map((periodic) => [periodic.name, periodic.spacingSeconds])).toEqual([['RedfishFirmwareInterface.checkFirmwareUpdates', CHECK_SECONDS]]);
  });

  conformance(bench, 'firmware');
});

describe('redfish firmware against a vbmc with one System', () => {
  const { bench } = useBench({ systems: 1 });

  it('sends no Targets', async () => {
    const task = stepTask(bench, bench.freshSystem(), 'firmware', 'update');
    expect(await runCleanStep(task, 'firmware', 'update', { settings: [{ component: 'bios', url: 'http://images.example/bios.bin' }] })).toBe(STEP_WAIT);
    expect(writes(bench, 'POST').map((request) => request.body)).toEqual([{ ImageURI: 'http://images.example/bios.bin' }]);
  });
});
