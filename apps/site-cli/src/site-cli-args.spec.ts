import { DEFAULT_ORCHESTRATOR_URL, parseSiteCliArgs } from './site-cli-args';
import { SiteCliUsageError } from './site-cli-usage.error';

describe('parseSiteCliArgs', () => {
  it('reads each command with its options, and the global options anywhere', () => {
    expect(parseSiteCliArgs(['design', 'create', '--name', 'lab', '--file', 'site.yaml'])).toEqual({
      url: DEFAULT_ORCHESTRATOR_URL,
      user: undefined,
      json: false,
      intervalMs: 2000,
      command: { kind: 'design-create', name: 'lab', input: { file: 'site.yaml' } },
    });
    expect(parseSiteCliArgs(['--url', 'http://orch:9000/', 'design', 'list', '--json'])).toMatchObject({ url: 'http://orch:9000', json: true, command: { kind: 'design-list' } });
    expect(parseSiteCliArgs(['validate', '--href', 'https://example.com/site.yaml']).command).toEqual({ kind: 'validate', input: { href: 'https://example.com/site.yaml' } });
    expect(parseSiteCliArgs(['task', 'create', '--action', 'deploy_nodes', '--design', 'lab', '--node', 'n1', '--node', 'n2', '--rack', 'r1', '--label', 'role=compute', '--hardware-profile', 'hp', '--watch']).command).toEqual({
      kind: 'task-create',
      action: 'deploy_nodes',
      design: 'lab',
      nodes: ['n1', 'n2'],
      racks: ['r1'],
      labels: { role: 'compute' },
      hardwareProfiles: ['hp'],
      watch: true,
    });
    expect(parseSiteCliArgs(['task', 'watch', 'abc', '--interval', '0.5'])).toMatchObject({ intervalMs: 500, command: { kind: 'task-watch', id: 'abc' } });
    expect(parseSiteCliArgs(['task', 'show', 'abc']).command).toEqual({ kind: 'task-show', id: 'abc' });
    expect(parseSiteCliArgs(['task', 'list', '--all', '--limit', '10']).command).toEqual({ kind: 'task-list', all: true, limit: 10 });
    expect(parseSiteCliArgs(['task', 'list']).command).toEqual({ kind: 'task-list', all: false, limit: 50 });
    expect(parseSiteCliArgs(['task', 'terminate', 'abc']).command).toEqual({ kind: 'task-terminate', id: 'abc' });
    expect(parseSiteCliArgs(['nodes', '--design', 'lab']).command).toEqual({ kind: 'nodes', design: 'lab' });
    expect(parseSiteCliArgs(['--user', 'ops:secret', 'nodes']).user).toBe('ops:secret');
    expect(parseSiteCliArgs(['--help']).command).toEqual({ kind: 'help' });
    expect(parseSiteCliArgs(['task', 'show', 'abc', '--help']).command).toEqual({ kind: 'help' });
  });

  it.each([
    [[], 'no command given'],
    [['deploy'], 'unknown command: deploy'],
    [['task'], 'unknown command: task (nothing)'],
    [['design', 'delete'], 'unknown command: design delete'],
    [['design', 'create', '--file', 'a.yaml'], 'design create needs --name'],
    [['design', 'create', '--name', 'lab'], 'give the design with --file F or --href H'],
    [['validate', '--file', 'a', '--href', 'b'], 'give --file or --href, not both'],
    [['task', 'create', '--design', 'lab'], 'task create needs --action'],
    [['task', 'create', '--action', 'deploy_nodes', '--design', 'lab', '--label', 'role'], '--label must be KEY=VALUE, got "role"'],
    [['task', 'show'], 'task show needs the task id'],
    [['task', 'show', 'a', 'b'], 'task show takes one argument, got a b'],
    [['design', 'list', 'extra'], 'design list takes no argument, got extra'],
    [['design', 'list', '--node', 'n1'], 'design list does not take --node'],
    [['task', 'list', '--limit', 'many'], '--limit must be a whole number from 1 to 1000, got "many"'],
    [['nodes', '--frobnicate'], "Unknown option '--frobnicate'"],
    [['--url', 'orch:9000', 'nodes'], '--url must be an http(s) URL, got "orch:9000"'],
    [['--user', 'ops', 'nodes'], '--user must be USER:PASSWORD'],
    [['--interval', '0', 'task', 'watch', 'a'], '--interval must be a number of seconds from 0.1 to 3600'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseSiteCliArgs(argv)).toThrow(SiteCliUsageError);
    expect(() => parseSiteCliArgs(argv)).toThrow(message);
  });

  it('reports every problem at once', () => {
    expect(() => parseSiteCliArgs(['task', 'create', '--json', '--file', 'x'])).toThrow('task create does not take --file\ntask create needs --action\ntask create needs --design');
  });
});
