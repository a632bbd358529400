import { createSiteTask, formatTaskDesignRef, isSiteTaskAction, parseTaskDesignRef, SITE_TASK_ACTIONS } from './site-task';
import { T0 } from './__fixtures__/site-task.fixture';

describe('site task', () => {
  it('starts requested, incomplete, without retry, subtasks or termination', () => {
    const nodeFilter = { filter_set_type: 'union' as const, filter_set: [{ filter_type: 'union' as const, node_names: ['n1'] }] };
    const task = createSiteTask({ id: 't1', action: 'verify_nodes', at: T0, designRef: { designId: 'd', version: 2 }, nodeFilter, createdBy: 'ops' });
    expect(task).toEqual({
      id: 't1',
      parentId: null,
      action: 'verify_nodes',
      designRef: { designId: 'd', version: 2 },
      nodeFilter,
      status: 'requested',
      result: { status: 'incomplete', message: null, reason: null, successes: [], failures: [], links: {}, messages: [] },
      retry: 0,
      subtaskIds: [],
      createdAt: T0,
      createdBy: 'ops',
      updatedAt: null,
      terminate: false,
      terminatedAt: null,
      terminatedBy: null,
    });
    expect(createSiteTask({ id: 't2', action: 'noop', at: T0 })).toMatchObject({ parentId: null, designRef: null, nodeFilter: null, createdBy: null });
  });

  it("knows Drydock's orchestrator actions", () => {
    expect(SITE_TASK_ACTIONS).toEqual(['noop', 'validate_design', 'verify_site', 'prepare_site', 'verify_nodes', 'prepare_nodes', 'deploy_nodes', 'destroy_nodes', 'relabel_nodes']);
    expect(isSiteTaskAction('deploy_nodes')).toBe(true);
    expect(isSiteTaskAction('deploy_node')).toBe(false);
  });

  it('writes a design reference as design://<id>/<version> and reads it back', () => {
    const ref = { designId: '0b6f3f9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', version: 12 };
    expect(formatTaskDesignRef(ref)).toBe('design://0b6f3f9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/12');
    expect(parseTaskDesignRef(formatTaskDesignRef(ref))).toEqual(ref);
    expect(parseTaskDesignRef('DESIGN://0B6F3F9E-1C2D-4E5F-8A9B-0C1D2E3F4A5B/1')).toEqual({ designId: ref.designId, version: 1 });
    for (const text of ['design://x/1', `design://${ref.designId}/0`, `design://${ref.designId}`, `http://${ref.designId}/1`, `design://${ref.designId}/1/`]) {
      expect(parseTaskDesignRef(text)).toBeUndefined();
    }
  });
});
