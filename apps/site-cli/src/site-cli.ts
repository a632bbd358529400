import type { DesignInput, SiteCliArgs, SiteCommand } from './site-cli-args';
import { SITE_USAGE } from './site-cli-args';
import type { OrchestratorClient, TaskFilter } from './orchestrator-client';
import { OrchestratorApiError } from './orchestrator-client';
import { designCreatedLines, designListLines, isFinished, nodeListLines, TaskChangeLog, taskLines, taskListLines, tasksOfTree, validationLines, verdict } from './site-cli-output';

/** What the CLI needs of the API (the OrchestratorClient, or a fake in tests). */
export type SiteApi = Pick<OrchestratorClient, 'createDesign' | 'listDesigns' | 'validate' | 'createTask' | 'taskTree' | 'listTasks' | 'terminateTask' | 'nodes'>;

/** What the CLI needs of its process. */
export interface SiteCliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal: `task watch` redraws in place there, and prints changes as lines elsewhere. */
  isTTY: boolean;
  readFile(path: string): Promise<string>;
  sleep(ms: number): Promise<void>;
}

/** Moves the cursor to the start of the frame drawn before (`lines` lines up) and clears below. */
const redrawOver = (lines: number) => (lines > 0 ? `\x1b[${lines}F\x1b[J` : '');

/** Runs one command; returns the exit code (0 done, 1 failed or invalid). */
export async function runSiteCli(args: SiteCliArgs, api: SiteApi, io: SiteCliIo): Promise<number> {
  const print = (lines: readonly string[]) => io.out(lines.map((line) => `${line}\n`).join(''));
  const printJson = (value: unknown) => io.out(`${JSON.stringify(value, null, 2)}\n`);
  /** The API's answer as JSON (--json), or as text. */
  const show = (value: unknown, lines: () => string[]) => (args.json ? printJson(value) : print(lines()));
  try {
    return await run(args.command);
  } catch (error) {
    if (!(error instanceof OrchestratorApiError || error instanceof CliFileError)) throw error;
    io.err(`site: ${error.message}\n`);
    return 1;
  }

  async function run(command: SiteCommand): Promise<number> {
    switch (command.kind) {
      case 'help':
        io.out(`${SITE_USAGE}\n`);
        return 0;
      case 'design-create': {
        const design = await source(command.input);
        const created = await api.createDesign(command.name, design);
        show(created, () => designCreatedLines(created));
        return 0;
      }
      case 'design-list': {
        const designs = await api.listDesigns();
        show(designs, () => designListLines(designs));
        return 0;
      }
      case 'validate': {
        const design = await source(command.input);
        const status = await api.validate(design);
        show(status, () => validationLines(status, 'file' in command.input ? command.input.file : command.input.href));
        return status.code === 200 ? 0 : 1;
      }
      case 'task-create': {
        const task = await api.createTask(command.action, command.design, taskFilter(command));
        if (command.watch) return watch(task.task_id);
        show(task, () => [`Queued task ${task.task_id} (${task.action} on ${task.design_ref})`]);
        return 0;
      }
      case 'task-show': {
        const tree = await api.taskTree(command.id);
        show(tree, () => taskLines(tree));
        return 0;
      }
      case 'task-watch':
        return watch(command.id);
      case 'task-list': {
        const tasks = await api.listTasks({ topLevel: !command.all, limit: command.limit });
        show(tasks, () => taskListLines(tasks));
        return 0;
      }
      case 'task-terminate': {
        const task = await api.terminateTask(command.id);
        show(task, () => [`Task ${task.task_id} is ${task.status}${task.status === 'terminating' ? ' (it stops after the step in progress)' : ''}`]);
        return 0;
      }
      case 'nodes': {
        const nodes = await api.nodes(command.design);
        show(nodes, () => nodeListLines(nodes));
        return 0;
      }
    }
  }

  /** Polls the task until it is complete or terminated: a redrawn frame on a terminal, lines of changes elsewhere. */
  async function watch(id: string): Promise<number> {
    const changes = new TaskChangeLog();
    let drawn = 0;
    for (;;) {
      const tree = await api.taskTree(id);
      const { root } = tasksOfTree(tree);
      if (args.json) {
        if (isFinished(root)) printJson(tree);
      } else if (io.isTTY) {
        const lines = taskLines(tree);
        io.out(`${redrawOver(drawn)}${lines.join('\n')}\n`);
        drawn = lines.length;
      } else {
        print(changes.lines(tree));
      }
      if (isFinished(root)) {
        const { line, code } = verdict(root);
        if (!args.json) print([line]);
        return code;
      }
      await io.sleep(args.intervalMs);
    }
  }

  /** A file's YAML, read here (before any call of the API), or the href for the orchestrator to read. */
  async function source(input: DesignInput): Promise<{ yaml: string } | { href: string }> {
    if ('href' in input) return input;
    try {
      return { yaml: await io.readFile(input.file) };
    } catch (error) {
      throw new CliFileError(`cannot read ${input.file}: ${(error as Error).message}`);
    }
  }
}

class CliFileError extends Error {}

/** The simpler node_filter of the orchestrator's API, from the CLI's flags (null: every node). */
function taskFilter(command: Extract<SiteCommand, { kind: 'task-create' }>): TaskFilter | null {
  const filter: TaskFilter = {};
  if (command.nodes.length > 0) filter.node_names = command.nodes;
  if (command.racks.length > 0) filter.rack_names = command.racks;
  if (Object.keys(command.labels).length > 0) filter.node_labels = command.labels;
  if (command.hardwareProfiles.length > 0) filter.hardware_profiles = command.hardwareProfiles;
  return Object.keys(filter).length === 0 ? null : filter;
}
