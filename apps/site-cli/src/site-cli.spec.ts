import { strictFake } from '@slipway/testing';
import { deployTree, ROOT_ID } from './__fixtures__/task-views.fixture';
import { OrchestratorApiError, type TaskTree, type ValidationStatus } from './orchestrator-client';
import { parseSiteCliArgs } from './site-cli-args';
import { runSiteCli, type SiteApi, type SiteCliIo } from './site-cli';

// Small tests: commands against a strict fake of the API, output captured.
describe('runSiteCli', () => {
  function io(options: { isTTY?: boolean; files?: Record<string, string> } = {}) {
    const output = { out: '', err: '', sleeps: 0 };
    const value: SiteCliIo = {
      out: (text) => void (output.out += text),
      err: (text) => void (output.err += text),
      isTTY: options.isTTY ?? false,
      readFile: async (path) => {
        const text = options.files?.[path];
        if (text === undefined) throw new Error('ENOENT: no such file or directory');
        return text;
      },
      sleep: async () => void output.sleeps++,
    };
    return { io: value, output };
  }
  const status = (code: 200 | 400): ValidationStatus => ({
    kind: 'Status',
    apiVersion: 'v1.0',
    metadata: {},
    message: code === 200 ? 'Site design passed validation' : 'Site design failed validation.',
    reason: null,
    status: code === 200 ? 'Success' : 'Failure',
    code,
    details: { errorCount: code === 200 ? 0 : 1, messageList: [{ kind: 'ValidationMessage', name: 'DD1001', message: 'Rational Boot Storage: too small', error: code === 400, level: code === 200 ? 'Info' : 'Error', diagnostic: '', documents: [] }] },
  });

  it('validates a file it reads, printing each message; exit 1 when invalid', async () => {
    const sent: unknown[] = [];
    const api = strictFake<SiteApi>('api', { validate: async (source) => (sent.push(source), status(400)) });
    const { io: cli, output } = io({ files: { 'site.yaml': 'yaml text' } });
    expect(await runSiteCli(parseSiteCliArgs(['validate', '--file', 'site.yaml']), api, cli)).toBe(1);
    expect(sent).toEqual([{ yaml: 'yaml text' }]);
    expect(output.out).toBe('Error   DD1001 Rational Boot Storage: too small\nsite.yaml: Site design failed validation. (1 error)\n');
  });

  it('validates an href the orchestrator reads; exit 0 when valid', async () => {
    const api = strictFake<SiteApi>('api', { validate: async () => status(200) });
    const { io: cli } = io();
    expect(await runSiteCli(parseSiteCliArgs(['validate', '--href', 'https://example.com/site.yaml']), api, cli)).toBe(0);
  });

  it('says which file it cannot read, and API errors as the API gives them; exit 1', async () => {
    const { io: cli, output } = io();
    expect(await runSiteCli(parseSiteCliArgs(['design', 'create', '--name', 'lab', '--file', 'gone.yaml']), strictFake<SiteApi>('api', {}), cli)).toBe(1);
    expect(output.err).toBe('site: cannot read gone.yaml: ENOENT: no such file or directory\n');
    const failing = strictFake<SiteApi>('api', {
      createTask: async () => {
        throw new OrchestratorApiError(400, 'POST /tasks: HTTP 400: Unsupported action dance; the actions are …');
      },
    });
    expect(await runSiteCli(parseSiteCliArgs(['task', 'create', '--action', 'dance', '--design', 'lab']), failing, cli)).toBe(1);
    expect(output.err).toContain('site: POST /tasks: HTTP 400: Unsupported action dance');
  });

  it('creates a task with the simpler node filter from its flags', async () => {
    const calls: unknown[][] = [];
    const { root } = { root: deployTree()[ROOT_ID] as never };
    const api = strictFake<SiteApi>('api', { createTask: async (...call) => (calls.push(call), root) });
    const { io: cli, output } = io();
    expect(await runSiteCli(parseSiteCliArgs(['task', 'create', '--action', 'deploy_nodes', '--design', 'lab', '--rack', 'r1', '--label', 'role=compute']), api, cli)).toBe(0);
    expect(calls).toEqual([['deploy_nodes', 'lab', { rack_names: ['r1'], node_labels: { role: 'compute' } }]]);
    expect(output.out).toBe(`Queued task ${ROOT_ID} (deploy_nodes on design://44444444-4444-4444-8444-444444444444/2)\n`);
    await runSiteCli(parseSiteCliArgs(['task', 'create', '--action', 'verify_site', '--design', 'lab']), api, cli);
    expect(calls[1][2]).toBeNull();
  });

  /** A fake API whose task advances one poll at a time through `trees`. */
  function polling(trees: TaskTree[]): SiteApi {
    let poll = 0;
    return strictFake<SiteApi>('api', { taskTree: async () => trees[Math.min(poll++, trees.length - 1)] });
  }

  it('watches a task to its end with lines of changes when stdout is not a terminal', async () => {
    const { io: cli, output } = io();
    const code = await runSiteCli(parseSiteCliArgs(['task', 'watch', ROOT_ID]), polling([deployTree(), deployTree(), deployTree('complete', true)]), cli);
    expect(code).toBe(1);
    expect(output.sleeps).toBe(2);
    const lines = output.out.trimEnd().split('\n');
    expect(lines[0]).toBe(`task ${ROOT_ID} deploy_nodes: running, result incomplete (0 succeeded, 0 failed)`);
    expect(lines.at(-1)).toBe(`Task ${ROOT_ID} complete: partial_success (1 succeeded, 1 failed)`);
    expect(output.out).not.toContain('\x1b[');
  });

  it('redraws the task in place on a terminal', async () => {
    const { io: cli, output } = io({ isTTY: true });
    await runSiteCli(parseSiteCliArgs(['task', 'watch', ROOT_ID]), polling([deployTree(), deployTree('complete', true)]), cli);
    const frames = output.out.split('\x1b[');
    expect(frames[0]).toMatch(/^Task 11111111-.* deploy_nodes on design:/);
    expect(frames[0]).toContain('Status running, result incomplete; 1 of 2 subtasks finished');
    expect(frames[1]).toMatch(/^\d+F$/); // back to the top of the first frame
    expect(frames[2]).toMatch(/^JTask 11111111-/);
    expect(frames[2]).toContain('Status complete, result partial_success; 2 of 2 subtasks finished');
  });

  it('prints usage for help', async () => {
    const { io: cli, output } = io();
    expect(await runSiteCli(parseSiteCliArgs(['--help']), strictFake<SiteApi>('api', {}), cli)).toBe(0);
    expect(output.out).toContain('usage: npm run site -- [options] <command>');
  });
});
