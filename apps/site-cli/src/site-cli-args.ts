import { parseArgs } from 'node:util';
import { SiteCliUsageError } from './site-cli-usage.error';

/** Where the design comes from: a file this CLI reads, or an href the orchestrator reads. */
export type DesignInput = { file: string } | { href: string };

export type SiteCommand =
  | { kind: 'help' }
  | { kind: 'design-create'; name: string; input: DesignInput }
  | { kind: 'design-list' }
  | { kind: 'validate'; input: DesignInput }
  | { kind: 'task-create'; action: string; design: string; nodes: string[]; racks: string[]; labels: Record<string, string>; hardwareProfiles: string[]; watch: boolean }
  | { kind: 'task-show'; id: string }
  | { kind: 'task-watch'; id: string }
  | { kind: 'task-list'; all: boolean; limit: number }
  | { kind: 'task-terminate'; id: string }
  | { kind: 'nodes'; design?: string };

export interface SiteCliArgs {
  /** The orchestrator's base URL (standalone serves it beside the Ironic API). */
  url: string;
  /** `user:password` for http_basic. */
  user?: string;
  /** Print the API's JSON instead of text. */
  json: boolean;
  /** `task watch` polls this often. */
  intervalMs: number;
  command: SiteCommand;
}

export const DEFAULT_ORCHESTRATOR_URL = 'http://127.0.0.1:6385';

export const SITE_USAGE = `usage: npm run site -- [options] <command>
commands:
  design create --name N (--file F | --href H)   store a design version (F is read here, H by the orchestrator)
  design list                                   list the stored design versions
  validate (--file F | --href H)                validate a design; exit 1 when it is invalid
  task create --action A --design D [--node N]... [--rack R]... [--label K=V]... [--hardware-profile P]... [--watch]
                                                queue a task (A: validate_design, verify_site, prepare_site,
                                                verify_nodes, prepare_nodes, deploy_nodes, destroy_nodes,
                                                relabel_nodes; D: a design name, id or design://<id>/<version>)
  task show ID                                  a task, its nodes and its subtasks
  task watch ID                                 follow a task until it is complete or terminated;
                                                exit 1 unless it succeeded
  task list [--all] [--limit N]                 tasks, newest first (--all: subtasks too)
  task terminate ID                             ask a task to stop
  nodes [--design D]                            the design's nodes and their Ironic states
options:
  --url URL            the orchestrator (default ${DEFAULT_ORCHESTRATOR_URL}, the standalone server)
  --user USER:PASSWORD credentials when the server uses http_basic
  --json               print the API's JSON
  --interval SECONDS   how often task watch polls (default 2)
  --help               print this`;

const OPTIONS = {
  url: { type: 'string' },
  user: { type: 'string' },
  json: { type: 'boolean' },
  interval: { type: 'string' },
  help: { type: 'boolean' },
  name: { type: 'string' },
  file: { type: 'string' },
  href: { type: 'string' },
  action: { type: 'string' },
  design: { type: 'string' },
  node: { type: 'string', multiple: true },
  rack: { type: 'string', multiple: true },
  label: { type: 'string', multiple: true },
  'hardware-profile': { type: 'string', multiple: true },
  watch: { type: 'boolean' },
  all: { type: 'boolean' },
  limit: { type: 'string' },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K] extends { type: 'boolean' } ? boolean : string };

const GLOBAL_OPTIONS = ['url', 'user', 'json', 'interval', 'help'];

/** The options each command takes, besides the global ones. */
const COMMAND_OPTIONS: Record<string, { positionals: number; options: string[] }> = {
  'design create': { positionals: 0, options: ['name', 'file', 'href'] },
  'design list': { positionals: 0, options: [] },
  validate: { positionals: 0, options: ['file', 'href'] },
  'task create': { positionals: 0, options: ['action', 'design', 'node', 'rack', 'label', 'hardware-profile', 'watch'] },
  'task show': { positionals: 1, options: [] },
  'task watch': { positionals: 1, options: [] },
  'task list': { positionals: 0, options: ['all', 'limit'] },
  'task terminate': { positionals: 1, options: [] },
  nodes: { positionals: 0, options: ['design'] },
};

function wholeNumber(flag: string, text: string, min: number, max: number, problems: string[]): number {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) problems.push(`--${flag} must be a whole number from ${min} to ${max}, got "${text}"`);
  return value;
}

function designInput(values: Values, problems: string[]): DesignInput {
  if (values.file !== undefined && values.href !== undefined) problems.push('give --file or --href, not both');
  if (values.file === undefined && values.href === undefined) problems.push('give the design with --file F or --href H');
  return values.href !== undefined ? { href: values.href } : { file: values.file ?? '' };
}

function labelsOf(texts: readonly string[], problems: string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const text of texts) {
    const separator = text.indexOf('=');
    if (separator <= 0) problems.push(`--label must be KEY=VALUE, got "${text}"`);
    else labels[text.slice(0, separator)] = text.slice(separator + 1);
  }
  return labels;
}

function commandOf(name: string, positionals: string[], values: Values, problems: string[]): SiteCommand {
  switch (name) {
    case 'design create':
      if (values.name === undefined) problems.push('design create needs --name');
      return { kind: 'design-create', name: values.name ?? '', input: designInput(values, problems) };
    case 'design list':
      return { kind: 'design-list' };
    case 'validate':
      return { kind: 'validate', input: designInput(values, problems) };
    case 'task create':
      if (values.action === undefined) problems.push('task create needs --action');
      if (values.design === undefined) problems.push('task create needs --design');
      return {
        kind: 'task-create',
        action: values.action ?? '',
        design: values.design ?? '',
        nodes: values.node ?? [],
        racks: values.rack ?? [],
        labels: labelsOf(values.label ?? [], problems),
        hardwareProfiles: values['hardware-profile'] ?? [],
        watch: values.watch === true,
      };
    case 'task show':
      return { kind: 'task-show', id: positionals[0] };
    case 'task watch':
      return { kind: 'task-watch', id: positionals[0] };
    case 'task list':
      return { kind: 'task-list', all: values.all === true, limit: values.limit === undefined ? 50 : wholeNumber('limit', values.limit, 1, 1000, problems) };
    case 'task terminate':
      return { kind: 'task-terminate', id: positionals[0] };
    default:
      return { kind: 'nodes', design: values.design };
  }
}

/** Parses the command line; every problem is reported at once (SiteCliUsageError). */
export function parseSiteCliArgs(argv: readonly string[]): SiteCliArgs {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true }) as { values: Values; positionals: string[] };
  } catch (error) {
    throw new SiteCliUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const problems: string[] = [];
  const url = values.url ?? DEFAULT_ORCHESTRATOR_URL;
  if (!/^https?:\/\/[^/]+/.test(url)) problems.push(`--url must be an http(s) URL, got "${url}"`);
  if (values.user !== undefined && !values.user.includes(':')) problems.push('--user must be USER:PASSWORD');
  const intervalMs = values.interval === undefined ? 2000 : Number(values.interval) * 1000;
  if (!(intervalMs >= 100 && intervalMs <= 3_600_000)) problems.push(`--interval must be a number of seconds from 0.1 to 3600, got "${values.interval}"`);
  const base = { url: url.replace(/\/+$/, ''), user: values.user, json: values.json === true, intervalMs };

  if (values.help === true || positionals.length === 0) {
    if (positionals.length === 0 && values.help !== true) throw new SiteCliUsageError('no command given');
    return { ...base, command: { kind: 'help' } };
  }
  const twoWords = `${positionals[0]} ${positionals[1] ?? ''}`.trim();
  const name = COMMAND_OPTIONS[twoWords] && ['design', 'task'].includes(positionals[0]) ? twoWords : positionals[0];
  const spec = COMMAND_OPTIONS[name];
  if (spec === undefined) {
    const group = ['design', 'task'].includes(positionals[0]) ? `${positionals[0]} ${positionals[1] ?? '(nothing)'}` : positionals[0];
    throw new SiteCliUsageError(`unknown command: ${group}`);
  }
  const rest = positionals.slice(name.split(' ').length);
  if (rest.length < spec.positionals) problems.push(`${name} needs the task id`);
  if (rest.length > spec.positionals) problems.push(`${name} takes ${spec.positionals === 0 ? 'no argument' : 'one argument'}, got ${rest.join(' ')}`);
  const misplaced = Object.keys(values).filter((option) => !GLOBAL_OPTIONS.includes(option) && !spec.options.includes(option));
  for (const option of misplaced) problems.push(`${name} does not take --${option}`);
  const command = commandOf(name, rest, values, problems);
  if (problems.length > 0) throw new SiteCliUsageError(problems.join('\n'));
  return { ...base, command };
}
