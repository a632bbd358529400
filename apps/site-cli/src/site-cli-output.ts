import type { TaskView } from '@slipway/site';
import type { DesignSummary, SiteNode, TaskTree, ValidationMessage, ValidationStatus } from './orchestrator-client';

// How the CLI prints what the API answers: plain text, one fact a line, columns for lists.

/** Columns padded to their widest cell (the last one is not padded). */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

export function designCreatedLines(design: DesignSummary): string[] {
  const lines = [`Stored ${design.name} version ${design.version}: ${design.design_ref} (${design.document_count ?? '?'} documents from ${design.source_ref})`];
  for (const warning of design.warnings ?? []) lines.push(`  warning: ${warning.message}`);
  return lines;
}

export function designListLines(designs: readonly DesignSummary[]): string[] {
  if (designs.length === 0) return ['No design is stored.'];
  return table(
    ['NAME', 'VERSION', 'DESIGN_ID', 'CREATED', 'SOURCE'],
    designs.map((design) => [design.name, String(design.version), design.design_id, design.created_at, design.source_ref]),
  );
}

function messageLine(message: ValidationMessage): string {
  const where = [message.field === undefined ? undefined : `field ${message.field}`, message.line === undefined ? undefined : `line ${message.line}`].filter(Boolean).join(', ');
  return `${message.level.padEnd(7)} ${message.name.padEnd(6)} ${message.message}${where && !message.message.includes(`line ${message.line}`) ? ` (${where})` : ''}`;
}

/** Every message of a validation, then its verdict; `source` is the file or href validated. */
export function validationLines(status: ValidationStatus, source: string): string[] {
  const lines = status.details.messageList.map(messageLine);
  const errors = status.details.errorCount;
  lines.push(`${source}: ${status.message}${errors > 0 ? ` (${errors} error${errors === 1 ? '' : 's'})` : ''}`);
  return lines;
}

const short = (id: string) => id.slice(0, 8);

export function taskListLines(tasks: readonly TaskView[]): string[] {
  if (tasks.length === 0) return ['No task.'];
  return table(
    ['TASK_ID', 'ACTION', 'STATUS', 'RESULT', 'CREATED', 'DESIGN'],
    tasks.map((task) => [task.task_id, task.action, task.status, task.result.status, task.created, task.design_ref ?? '']),
  );
}

export function nodeListLines(nodes: readonly SiteNode[]): string[] {
  if (nodes.length === 0) return ['The design has no node.'];
  return table(
    ['HOSTNAME', 'RACK', 'HARDWARE_PROFILE', 'BOOT_IP', 'POWER_ADDRESS', 'PROVISION_STATE', 'POWER_STATE'],
    nodes.map((node) => [node.hostname, node.rack ?? '', node.hardware_profile ?? '', node.boot_ip ?? '', node.power_address ?? '', node.status_name ?? '(not enrolled)', node.power_state ?? '']),
  );
}

/** The tasks of a `layers=-1` answer, and the root. */
export function tasksOfTree(tree: TaskTree): { root: TaskView; tasks: Map<string, TaskView> } {
  const rootId = tree['init_task_id'] as string;
  const tasks = new Map<string, TaskView>();
  for (const [key, value] of Object.entries(tree)) {
    if (key !== 'init_task_id' && key !== 'subtask_errors' && typeof value === 'object' && value !== null) tasks.set(key, value as TaskView);
  }
  return { root: tasks.get(rootId) as TaskView, tasks };
}

function nodesLine(label: string, names: readonly string[]): string[] {
  return names.length === 0 ? [] : [`  ${label} ${names.join(' ')}`];
}

const MAX_SUBTASK_LINES = 40;
const MAX_MESSAGES = 5;

/**
 * A task as `task show` prints it and `task watch` redraws it: status and result, the nodes it
 * succeeded and failed on, its subtask tree (each subtask's status, result and nodes), and the last
 * messages of the whole tree.
 */
export function taskLines(tree: TaskTree): string[] {
  const { root, tasks } = tasksOfTree(tree);
  const all = [...tasks.values()];
  const finished = all.filter((task) => task !== root && (task.status === 'complete' || task.status === 'terminated')).length;
  const lines = [
    `Task ${root.task_id} ${root.action} on ${root.design_ref ?? '(no design)'}`,
    `Status ${root.status}, result ${root.result.status}${root.terminate && root.status !== 'terminated' ? ' (termination asked)' : ''}; ${finished} of ${all.length - 1} subtasks finished`,
    `Nodes: ${root.result.successes.length} succeeded, ${root.result.failures.length} failed`,
    ...nodesLine('succeeded:', root.result.successes),
    ...nodesLine('failed:   ', root.result.failures),
  ];
  if (root.result.message) lines.push(`Message: ${root.result.message}`);
  const subtaskLines: string[] = [];
  const walk = (task: TaskView, depth: number) => {
    for (const id of task.subtask_id_list) {
      const subtask = tasks.get(id);
      if (subtask === undefined) continue;
      const { successes, failures } = subtask.result;
      const nodes = [successes.length ? `ok: ${successes.join(' ')}` : '', failures.length ? `failed: ${failures.join(' ')}` : ''].filter(Boolean).join('; ');
      subtaskLines.push(`${'  '.repeat(depth)}- ${subtask.action} ${short(subtask.task_id)}  ${subtask.status}  ${subtask.result.status}${nodes ? `  ${nodes}` : ''}`);
      walk(subtask, depth + 1);
    }
  };
  walk(root, 1);
  if (subtaskLines.length > 0) {
    lines.push('Subtasks:', ...subtaskLines.slice(0, MAX_SUBTASK_LINES));
    if (subtaskLines.length > MAX_SUBTASK_LINES) lines.push(`  … ${subtaskLines.length - MAX_SUBTASK_LINES} more`);
  }
  const messages = all
    .flatMap((task) => task.result.details.messageList)
    .sort((a, b) => a.ts.localeCompare(b.ts))
    .slice(-MAX_MESSAGES);
  if (messages.length > 0) lines.push('Last messages:', ...messages.map((message) => `  ${message.ts} ${message.error ? 'ERROR ' : ''}${message.context}: ${message.message}`));
  return lines;
}

export const isFinished = (task: TaskView): boolean => task.status === 'complete' || task.status === 'terminated';

/** The last line of a watch, and its exit code: 0 only for a complete task that succeeded. */
export function verdict(task: TaskView): { line: string; code: number } {
  const ok = task.status === 'complete' && task.result.status === 'success';
  return {
    line: `Task ${task.task_id} ${task.status}: ${task.result.status} (${task.result.successes.length} succeeded, ${task.result.failures.length} failed)`,
    code: ok ? 0 : 1,
  };
}

/**
 * What changed between two polls of a task, one line per change, for a watch whose output is not
 * a terminal: the task's status or result, each subtask's, and every new message.
 */
export class TaskChangeLog {
  private readonly seen = new Map<string, string>();
  private readonly messages = new Set<string>();

  lines(tree: TaskTree): string[] {
    const { root, tasks } = tasksOfTree(tree);
    const lines: string[] = [];
    for (const task of [root, ...[...tasks.values()].filter((candidate) => candidate !== root)]) {
      const state = `${task.status} ${task.result.status} ${task.result.successes.length} ${task.result.failures.length}`;
      if (this.seen.get(task.task_id) !== state) {
        this.seen.set(task.task_id, state);
        const what = task === root ? `task ${task.task_id} ${task.action}` : `subtask ${task.action} ${short(task.task_id)}`;
        lines.push(`${what}: ${task.status}, result ${task.result.status} (${task.result.successes.length} succeeded, ${task.result.failures.length} failed)`);
      }
      for (const message of task.result.details.messageList) {
        const key = `${task.task_id} ${message.ts} ${message.context} ${message.message}`;
        if (this.messages.has(key)) continue;
        this.messages.add(key);
        lines.push(`  ${message.ts} ${message.error ? 'ERROR ' : ''}${message.context}: ${message.message}`);
      }
    }
    return lines;
  }
}
