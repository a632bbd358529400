import { DEPLOY_ID, deployTree, ROOT_ID } from './__fixtures__/task-views.fixture';
import type { ValidationStatus } from './orchestrator-client';
import { designListLines, nodeListLines, table, TaskChangeLog, taskLines, validationLines, verdict, tasksOfTree } from './site-cli-output';

describe('site CLI output', () => {
  it('pads columns to their widest cell', () => {
    expect(table(['A', 'LONG'], [['wide cell', 'x'], ['b', '']])).toEqual(['A          LONG', 'wide cell  x', 'b']);
  });

  it('lists designs, and says when there is none', () => {
    expect(designListLines([])).toEqual(['No design is stored.']);
    expect(designListLines([{ design_id: 'd1', name: 'lab', version: 2, design_ref: 'design://d1/2', source_ref: 'inline', created_at: '2030-01-01T00:00:00.000Z' }])).toEqual([
      'NAME  VERSION  DESIGN_ID  CREATED                   SOURCE',
      'lab   2        d1         2030-01-01T00:00:00.000Z  inline',
    ]);
  });

  it('prints every validation message with its level and rule, where it is, then the verdict', () => {
    const status: ValidationStatus = {
      kind: 'Status',
      apiVersion: 'v1.0',
      metadata: {},
      message: 'Site design failed validation.',
      reason: 'See detail messages.',
      status: 'Failure',
      code: 400,
      details: {
        errorCount: 2,
        messageList: [
          { kind: 'ValidationMessage', name: 'DD001', message: 'Design Ingestion: BaremetalNode/n3: data.host_profile names no HostProfile missing', error: true, level: 'Error', diagnostic: '', documents: [], field: 'host_profile', line: 12 },
          { kind: 'ValidationMessage', name: 'DD001', message: 'Design Ingestion: YAML syntax error (line 5)', error: true, level: 'Error', diagnostic: '', documents: [], line: 5 },
          { kind: 'ValidationMessage', name: 'DD2006', message: 'CIDR Validity: Validation successful.', error: false, level: 'Info', diagnostic: '', documents: [] },
        ],
      },
    };
    expect(validationLines(status, 'site.yaml')).toEqual([
      'Error   DD001  Design Ingestion: BaremetalNode/n3: data.host_profile names no HostProfile missing (field host_profile, line 12)',
      'Error   DD001  Design Ingestion: YAML syntax error (line 5)',
      'Info    DD2006 CIDR Validity: Validation successful.',
      'site.yaml: Site design failed validation. (2 errors)',
    ]);
  });

  it('lists nodes, those not enrolled in Ironic too', () => {
    const lines = nodeListLines([{ hostname: 'n1', rack: 'r1', host_profile: null, hardware_profile: null, tags: [], addressing: [], boot_mac: null, boot_ip: '10.0.0.11', power_address: null, status_name: null, power_state: null, ironic_node: null }]);
    expect(lines[0].split(/\s+/)).toEqual(['HOSTNAME', 'RACK', 'HARDWARE_PROFILE', 'BOOT_IP', 'POWER_ADDRESS', 'PROVISION_STATE', 'POWER_STATE']);
    expect(lines[1].split(/\s{2,}/)).toEqual(['n1', 'r1', '10.0.0.11', '(not enrolled)']);
    expect(lines[1].indexOf('10.0.0.11')).toBe(lines[0].indexOf('BOOT_IP'));
  });

  it('shows a task: status, nodes, subtask tree and last messages', () => {
    expect(taskLines(deployTree('complete', true))).toEqual([
      `Task ${ROOT_ID} deploy_nodes on design://44444444-4444-4444-8444-444444444444/2`,
      'Status complete, result partial_success; 2 of 2 subtasks finished',
      'Nodes: 1 succeeded, 1 failed',
      '  succeeded: n1',
      '  failed:    n2',
      'Subtasks:',
      '  - apply_node_networking 22222222  complete  success  ok: n1 n2',
      '  - deploy_node 33333333  complete  partial_success  ok: n1; failed: n2',
      'Last messages:',
      '  2030-01-01T00:00:05.000Z ERROR n2: image not found',
    ]);
  });

  it('ends a watch with 0 only for a complete task that succeeded', () => {
    const { root } = tasksOfTree(deployTree('complete', true));
    expect(verdict(root)).toEqual({ line: `Task ${ROOT_ID} complete: partial_success (1 succeeded, 1 failed)`, code: 1 });
    expect(verdict({ ...root, result: { ...root.result, status: 'success' } }).code).toBe(0);
    expect(verdict({ ...root, status: 'terminated', result: { ...root.result, status: 'success' } }).code).toBe(1);
  });

  it('logs only what changed between polls', () => {
    const log = new TaskChangeLog();
    expect(log.lines(deployTree())).toEqual([
      `task ${ROOT_ID} deploy_nodes: running, result incomplete (0 succeeded, 0 failed)`,
      'subtask apply_node_networking 22222222: complete, result success (2 succeeded, 0 failed)',
      'subtask deploy_node 33333333: running, result partial_success (1 succeeded, 1 failed)',
      '  2030-01-01T00:00:05.000Z ERROR n2: image not found',
    ]);
    expect(log.lines(deployTree())).toEqual([]);
    expect(log.lines(deployTree('complete', true))).toEqual([
      `task ${ROOT_ID} deploy_nodes: complete, result partial_success (1 succeeded, 1 failed)`,
      `subtask deploy_node ${DEPLOY_ID.slice(0, 8)}: complete, result partial_success (1 succeeded, 1 failed)`,
    ]);
  });
});
