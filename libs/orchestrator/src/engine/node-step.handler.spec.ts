import type { NodeEntity, NodeRepository, PortEntity, PortRepository, SiteBootActionEntity, SiteBootActionRepository } from '@slipway/db';
import { DuplicateNameError, NodeLockedError } from '@slipway/errors';
import { nodeChangePowerState, nodeCreate, nodeProvision, nodeSetBootDevice, nodeUpdate, nodeValidateInterfaces, portCreate, type AnyRpcContract } from '@slipway/rpc';
import type { SwitchDriver } from '@slipway/switch';
import { strictFake } from '@slipway/testing';
import { DESIGN_REF, exampleNode, exampleSite, RESTING_NODE } from './__fixtures__/example-site.fixture';
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from './engine-settings';
import type { NodeConductorRpcService } from './node-conductor-rpc.service';
import { NodeBootActions } from './node-boot-actions';
import { NodeNetworkSteps } from './node-network-steps';
import { NodeStepHandler, type NodeStepContext } from './node-step.handler';

const TASK = '00000000-0000-4000-8000-0000000000aa';
const SUBTASK = '00000000-0000-4000-8000-0000000000ab';

/** Where an event takes a node, state by state, one state per read of the node after the event. */
const CONDUCTOR_PATHS: Record<string, string[]> = {
  manage: ['verifying', 'manageable'],
  inspect: ['inspecting', 'manageable'],
  provide: ['cleaning', 'clean wait', 'cleaning', 'available'],
  deploy: ['deploying', 'wait call-back', 'deploying', 'active'],
  delete: ['deleting', 'cleaning', 'available'],
};

/**
 * A node and the conductor that owns it, as strict fakes: the repository reads the node, the RPC
 * service records every call and moves the node along CONDUCTOR_PATHS, one state per read.
 */
class FakeSite {
  node: NodeEntity | null;
  readonly calls: Array<{ method: string; request: unknown }> = [];
  /** Errors the next calls of a method throw, in order (a function makes its error, and may change the site meanwhile). */
  readonly refusals = new Map<string, Array<Error | (() => Error)>>();
  /** The site_boot_actions rows, as the repository keeps them. */
  readonly bootActionRows: SiteBootActionEntity[] = [];
  /** What conductor.node.validate-interfaces answers. */
  validation: Array<{ interface: string; result: boolean | null; reason?: string }> = [];
  private path: string[] = [];
  private readonly ports: PortEntity[] = [];

  constructor(node: Partial<NodeEntity> | null) {
    this.node = node === null ? null : entity(node);
  }

  repository(): NodeRepository {
    return strictFake<NodeRepository>('NodeRepository', {
      findByName: async () => {
        const next = this.path.shift();
        if (next !== undefined && this.node) this.node = { ...this.node, provisionState: next, targetProvisionState: this.path.length > 0 ? 'target' : null };
        return this.node === null ? null : { ...this.node };
      },
    });
  }

  portRepository(): PortRepository {
    return strictFake<PortRepository>('PortRepository', { findByAddress: async (address: string) => this.ports.find((port) => port.address === address) ?? null });
  }

  bootActionRepository(): SiteBootActionRepository {
    const mine = (taskId: string, nodeName: string) => this.bootActionRows.filter((row) => row.taskId === taskId && row.nodeName === nodeName);
    return strictFake<SiteBootActionRepository>('SiteBootActionRepository', {
      register: async (taskId, nodeName, rows) => {
        if (mine(taskId, nodeName).length === 0) this.bootActionRows.push(...rows.map((row) => ({ ...row, updatedAt: null })));
        return mine(taskId, nodeName);
      },
      forNodeInTask: async (taskId, nodeName) => mine(taskId, nodeName).map((row) => ({ ...row })),
    });
  }

  rpc(): NodeConductorRpcService {
    return strictFake<NodeConductorRpcService>('NodeConductorRpcService', {
      call: (async (_node: unknown, contract: AnyRpcContract, request: Record<string, unknown>) => {
        this.calls.push({ method: contract.name, request });
        const refusal = this.refusals.get(contract.name)?.shift();
        if (refusal) throw typeof refusal === 'function' ? refusal() : refusal;
        if (contract.name === nodeCreate.name) {
          const fields = request['fields'] as { uuid: string; name: string; driver: string };
          this.node = entity({ uuid: fields.uuid, name: fields.name, driver: fields.driver });
        } else if (contract.name === nodeProvision.name) {
          this.path = [...CONDUCTOR_PATHS[request['event'] as string]];
          // The conductor enters the first state before it answers.
          this.node = { ...(this.node as NodeEntity), provisionState: this.path.shift() as string, targetProvisionState: 'target' };
        } else if (contract.name === nodeChangePowerState.name) {
          this.node = { ...(this.node as NodeEntity), powerState: 'power on', targetPowerState: null };
        } else if (contract.name === nodeValidateInterfaces.name) {
          return { interfaces: this.validation };
        } else if (contract.name === portCreate.name) {
          this.ports.push({ address: (request['fields'] as { address: string }).address, nodeId: this.node?.id } as PortEntity);
        }
        return request['uuid'] ? { uuid: request['uuid'] } : {};
      }) as NodeConductorRpcService['call'],
    });
  }
}

function entity(fields: Partial<NodeEntity>): NodeEntity {
  return {
    id: 7,
    uuid: '11111111-2222-4333-8444-555555555555',
    name: 'node01',
    driver: 'fake-hardware',
    conductorGroup: '',
    ...RESTING_NODE,
    inspectInterface: 'fake',
    deployInterface: 'fake',
    instanceInfo: {},
    extra: {},
    networkData: {},
    ...fields,
  } as NodeEntity;
}

const FAST: EngineSettings = { ...DEFAULT_ENGINE_SETTINGS, nodePollMinMs: 1, nodePollMaxMs: 2 };

function handler(site: FakeSite, settings: EngineSettings = FAST, now: () => Date = () => new Date(), switches: SwitchDriver | null = null) {
  const bootActions = new NodeBootActions(site.bootActionRepository(), { now }, settings, 'http://orchestrator.test:9000/api/v1.0/bootactions');
  return new NodeStepHandler(site.repository(), site.portRepository(), site.rpc(), new NodeNetworkSteps(site.repository(), switches), bootActions, { now }, settings);
}

function context(oob: Record<string, unknown> = { type: 'fake' }, metadata: Record<string, unknown> = {}): NodeStepContext {
  const node = exampleNode('node01', oob);
  return { node: { ...node, metadata: { ...node.metadata, ...metadata } }, design: exampleSite(), designRef: DESIGN_REF, taskId: TASK, subtaskId: SUBTASK };
}

/** The example site with its boot action (node-init, every node) signaling: the nodes report on it. */
function signalingContext(): NodeStepContext {
  const site = exampleSite();
  return { ...context(), design: { ...site, bootActions: site.bootActions.map((action) => ({ ...action, signaling: true })) } };
}

describe('NodeStepHandler', () => {
  it('identify_node enrols an unknown node named after the design node, with its driver, driver_info and ports', async () => {
    const site = new FakeSite(null);
    const outcome = await handler(site).run('identify_node', context({ type: 'fake', fake_delay: 1 }, { boot_mac: '52:54:00:00:00:01' }));
    expect(outcome).toEqual({ kind: 'done', messages: [expect.stringMatching(/^Enrolled in Ironic as node .+ \(fake-hardware\)\.$/), 'Port 52:54:00:00:00:01 created.'] });
    expect(site.calls.map((call) => call.method)).toEqual([nodeCreate.name, portCreate.name]);
    expect(site.calls[0].request).toMatchObject({
      initialState: 'enroll',
      fields: { name: 'node01', driver: 'fake-hardware', driver_info: { fake_delay: 1 }, extra: { site: { design: DESIGN_REF, rack: 'rack01' } } },
    });
    expect(site.calls[1].request).toMatchObject({ nodeUuid: site.node?.uuid, portgroupUuid: null, fields: { address: '52:54:00:00:00:01', pxe_enabled: true } });
  });

  it('identify_node leaves a known node as it is, and takes a create that raced it as done', async () => {
    const known = new FakeSite({ provisionState: 'available' });
    expect(await handler(known).run('identify_node', context())).toEqual({ kind: 'done', messages: ['Known to Ironic as node 11111111-2222-4333-8444-555555555555 (fake-hardware, available).'] });
    expect(known.calls).toEqual([]);
    const raced = new FakeSite(null);
    // Another run of the job created the node just before this one.
    raced.refusals.set(nodeCreate.name, [() => ((raced.node = entity({})), new DuplicateNameError({ name: 'node01' }))]);
    expect(await handler(raced).run('identify_node', context())).toEqual({ kind: 'done', messages: [] });
  });

  it('identify_node fails a node whose OOB type Slipway cannot drive, without calling a conductor', async () => {
    const site = new FakeSite(null);
    expect(await handler(site).run('identify_node', context({ type: 'ipmi' }))).toMatchObject({ kind: 'failed', retryable: false, reason: expect.stringContaining('OOB type ipmi is not supported') });
    expect(site.calls).toEqual([]);
  });

  it('set_node_boot and power_cycle_node act on a node Ironic has not managed yet, and leave a known node alone', async () => {
    const fresh = new FakeSite({ provisionState: 'enroll' });
    expect(await handler(fresh).run('set_node_boot', context())).toEqual({ kind: 'done', messages: ['Boot device set to PXE.'] });
    expect(await handler(fresh).run('power_cycle_node', context())).toEqual({ kind: 'done', messages: ['Power action rebooting done.'] });
    expect(fresh.calls).toEqual([
      { method: nodeSetBootDevice.name, request: { uuid: fresh.node?.uuid, device: 'pxe', persistent: false } },
      { method: nodeChangePowerState.name, request: { uuid: fresh.node?.uuid, target: 'rebooting' } },
    ]);
    const known = new FakeSite({ provisionState: 'manageable' });
    expect(await handler(known).run('set_node_boot', context())).toMatchObject({ kind: 'done' });
    expect(await handler(known).run('power_cycle_node', context())).toMatchObject({ kind: 'done' });
    expect(known.calls).toEqual([]);
  });

  it('configure_hardware manages the node, then inspects it', async () => {
    const site = new FakeSite({ provisionState: 'enroll' });
    expect(await handler(site).run('configure_hardware', context())).toEqual({ kind: 'done', messages: ['Managed and inspected (fake).'] });
    expect(site.calls.map((call) => (call.request as { event: string }).event)).toEqual(['manage', 'inspect']);
    expect(site.node?.provisionState).toBe('manageable');
  });

  it('deploy_node provides a manageable node, waits for the cleaning, deploys with the node’s boot actions in its config drive, and waits until active', async () => {
    const site = new FakeSite({ provisionState: 'manageable' });
    expect(await handler(site).run('deploy_node', signalingContext())).toEqual({
      kind: 'done',
      messages: ['The node is active, power power off.', '1 boot action(s) handed to the node in its config drive.'],
    });
    expect(site.calls.map((call) => (call.request as { event: string }).event)).toEqual(['provide', 'deploy']);
    // The example design's one boot action, node-init (signaling), registered for node01 in this task.
    const [row] = site.bootActionRows;
    expect(row).toMatchObject({ taskId: TASK, subtaskId: SUBTASK, nodeName: 'node01', actionName: 'node-init', signaling: true, status: 'incomplete' });
    const base = 'http://orchestrator.test:9000/api/v1.0/bootactions';
    expect(site.calls[0].request).not.toHaveProperty('configdrive');
    expect(site.calls[1].request).toMatchObject({
      configdrive: {
        vendor_data: {
          slipway_bootactions: {
            key: row.identityKey,
            units_url: `${base}/nodes/node01/units`,
            files_url: `${base}/nodes/node01/files`,
            actions: [{ action_id: row.actionId, name: 'node-init', signaling: true, report_url: `${base}/${row.actionId}` }],
          },
        },
      },
    });
  });

  it('deploy_node registers no boot actions for a node already active, nor for a design without any', async () => {
    const active = new FakeSite({ provisionState: 'active' });
    expect(await handler(active).run('deploy_node', context())).toEqual({ kind: 'done', messages: ['The node is active, power power off.'] });
    expect(active.bootActionRows).toEqual([]);
    const bare = new FakeSite({ provisionState: 'available' });
    const plain = { ...context(), design: { ...exampleSite(), bootActions: [] } };
    expect(await handler(bare).run('deploy_node', plain)).toEqual({ kind: 'done', messages: ['The node is active, power power off.'] });
    expect(bare.calls[0].request).not.toHaveProperty('configdrive');
  });

  it('bootaction_report waits for the signaling boot actions, and fails a node whose action failed or never reported', async () => {
    const site = new FakeSite({ provisionState: 'available' });
    await handler(site).run('deploy_node', signalingContext());
    const [row] = site.bootActionRows;
    expect(row.status).toBe('incomplete');
    setTimeout(() => Object.assign(row, { status: 'success' }), 20);
    expect(await handler(site).run('bootaction_report', signalingContext())).toEqual({ kind: 'done', messages: ['Boot actions: node-init success.'] });
    row.status = 'failure';
    expect(await handler(site).run('bootaction_report', signalingContext())).toEqual({ kind: 'failed', reason: `Boot action node-init (${row.actionId}) reported failure.`, retryable: false });
    row.status = 'incomplete';
    const quick = { ...FAST, stepTimeoutMs: { ...FAST.stepTimeoutMs, bootaction_report: 30 } };
    expect(await handler(site, quick).run('bootaction_report', signalingContext())).toEqual({
      kind: 'failed',
      reason: `Timed out waiting for boot action node-init (${row.actionId}) to report (SLIPWAY_ORCHESTRATOR_BOOTACTION_TIMEOUT).`,
      retryable: false,
    });
    expect(await handler(new FakeSite(null)).run('bootaction_report', signalingContext())).toEqual({ kind: 'done', messages: ['No boot action to wait for: none targets the node, or this task did not deploy it.'] });
  });

  it('waits out a node locked by other work and then acts', async () => {
    const site = new FakeSite({ provisionState: 'available' });
    site.refusals.set(nodeProvision.name, [new NodeLockedError({ node: 'node01', host: 'c1' }), new NodeLockedError({ node: 'node01', host: 'c1' })]);
    expect(await handler(site).run('deploy_node', context())).toMatchObject({ kind: 'done' });
    expect(site.calls.map((call) => (call.request as { event: string }).event)).toEqual(['deploy', 'deploy', 'deploy']);
  });

  it("fails a step that outlasts its timeout, naming the node's state", async () => {
    const site = new FakeSite({ provisionState: 'deploying', targetProvisionState: 'active' });
    let now = 0;
    const settings = { ...FAST, stepTimeoutMs: { ...FAST.stepTimeoutMs, deploy_node: 5_000 } };
    const outcome = await handler(site, settings, () => new Date((now += 1_000))).run('deploy_node', context());
    expect(outcome).toEqual({ kind: 'failed', retryable: false, reason: 'Timed out waiting for the node to become active: the node is deploying → active.' });
    expect(site.calls).toEqual([]);
  });

  it('apply_node_platform writes only what differs, and nothing the second time', async () => {
    const site = new FakeSite({ provisionState: 'available', instanceInfo: { root_gb: 30 } });
    const step = handler(site);
    expect(await step.run('apply_node_platform', context())).toEqual({ kind: 'done', messages: ['Recorded on the node: instance_info, extra.'] });
    const update = site.calls[0];
    expect(update).toMatchObject({ method: nodeUpdate.name, request: { resetInterfaces: false, changes: { instance_info: { root_gb: 30, image_source: 'jammy' } } } });
    const changes = (update.request as { changes: { instance_info: Record<string, unknown>; extra: Record<string, unknown> } }).changes;
    site.node = { ...(site.node as NodeEntity), instanceInfo: changes.instance_info, extra: changes.extra };
    expect(await step.run('apply_node_platform', context())).toEqual({ kind: 'done', messages: ['Already recorded on the node.'] });
    expect(site.calls).toHaveLength(1);
  });

  it('fails the apply steps of a node not enrolled, and says a refused update is transient when the conductor says so', async () => {
    expect(await handler(new FakeSite(null)).run('apply_node_storage', context())).toEqual({ kind: 'failed', retryable: false, reason: 'Node node01 is not enrolled in Ironic: run prepare_nodes first.' });
    const locked = new FakeSite({ provisionState: 'available' });
    locked.refusals.set(nodeUpdate.name, [new NodeLockedError({ node: 'node01', host: 'c1' })]);
    expect(await handler(locked).run('apply_node_storage', context())).toMatchObject({ kind: 'failed', retryable: true });
  });

  it('destroy_node undeploys an active node, and has nothing to do for a node never enrolled', async () => {
    const site = new FakeSite({ provisionState: 'active' });
    expect(await handler(site).run('destroy_node', context())).toMatchObject({ kind: 'done' });
    expect(site.calls.map((call) => (call.request as { event: string }).event)).toEqual(['delete']);
    expect(await handler(new FakeSite(null)).run('destroy_node', context())).toEqual({ kind: 'done', messages: ['Not enrolled in Ironic: nothing to destroy.'] });
  });

  it('create_boot_media passes when the boot and deploy interfaces validate, and fails naming what is missing', async () => {
    const site = new FakeSite({ provisionState: 'available', bootInterface: 'redfish-virtual-media', deployInterface: 'ramdisk' });
    site.validation = [
      { interface: 'power', result: true },
      { interface: 'boot', result: true },
      { interface: 'deploy', result: true },
    ];
    expect(await handler(site).run('create_boot_media', context())).toEqual({ kind: 'done', messages: ['Boot media in place: boot valid, deploy valid (redfish-virtual-media, ramdisk).'] });
    site.validation = [
      { interface: 'boot', result: false, reason: 'instance_info.boot_iso is missing' },
      { interface: 'deploy', result: true },
    ];
    expect(await handler(site).run('create_boot_media', context())).toEqual({ kind: 'failed', reason: 'boot: instance_info.boot_iso is missing', retryable: false });
    expect(await handler(new FakeSite(null)).run('create_boot_media', context())).toMatchObject({ kind: 'failed', reason: 'Node node01 is not enrolled in Ironic: run prepare_nodes first.' });
  });

  it('create_storage_template writes the boot disk as root device hints, through the conductor', async () => {
    const site = new FakeSite({ provisionState: 'enroll', properties: { cpu_arch: 'x86_64' } });
    expect(await handler(site).run('create_storage_template', context())).toEqual({ kind: 'done', messages: ['Recorded on the node: properties.'] });
    expect(site.calls).toEqual([{ method: nodeUpdate.name, request: expect.objectContaining({ changes: { properties: { cpu_arch: 'x86_64', root_device: { name: '/dev/sda' } } } }) }]);
  });

  it('bootaction_report does not wait for a boot action without signaling (Drydock’s unreported)', async () => {
    const site = new FakeSite({ provisionState: 'available' });
    await handler(site).run('deploy_node', context());
    expect(site.bootActionRows.map((row) => [row.actionName, row.signaling, row.status])).toEqual([['node-init', false, 'unreported']]);
    expect(await handler(site).run('bootaction_report', context())).toEqual({ kind: 'done', messages: ['Boot actions: node-init unreported.'] });
  });
});
