import { isJsonObject } from './json-values';
import { stepInterfaces } from './steps';

/** The step lists a provision request may carry. */
export type RequestedStepKind = 'clean' | 'service' | 'deploy';

const OPTIONAL_KEYS: Readonly<Record<RequestedStepKind, readonly string[]>> = {
  clean: ['args', 'order', 'execute_on_child_nodes', 'limit_child_node_execution'],
  service: ['args', 'order', 'execute_on_child_nodes', 'limit_child_node_execution'],
  deploy: [],
};

const REQUIRED_KEYS: Readonly<Record<RequestedStepKind, readonly string[]>> = {
  clean: ['interface', 'step'],
  service: ['interface', 'step'],
  // A requested deploy step must say where it goes in the generated deploy step list.
  deploy: ['interface', 'step', 'args', 'priority'],
};

/**
 * What is wrong with a user-supplied step list (`clean_steps`, `service_steps`, `deploy_steps`),
 * or undefined when it has the expected shape. Whether the named steps exist is for the conductor
 * to decide, since only the node's driver knows its steps.
 */
export function requestedStepsProblem(kind: RequestedStepKind, steps: unknown): string | undefined {
  if (!Array.isArray(steps)) return 'expected a list of steps';
  for (const [index, step] of steps.entries()) {
    const problem = stepProblem(kind, step);
    if (problem !== undefined) return `step ${index}: ${problem}`;
  }
  return undefined;
}

function stepProblem(kind: RequestedStepKind, step: unknown): string | undefined {
  if (!isJsonObject(step)) return 'expected an object';

  const allowedKeys = new Set([...REQUIRED_KEYS[kind], ...OPTIONAL_KEYS[kind]]);
  const extra = Object.keys(step).filter((key) => !allowedKeys.has(key));
  if (extra.length > 0) return `unexpected key(s) ${extra.join(', ')}`;
  const missing = REQUIRED_KEYS[kind].filter((key) => !(key in step));
  if (missing.length > 0) return `missing key(s) ${missing.join(', ')}`;

  const interfaces = stepInterfaces(kind);
  if (typeof step['interface'] !== 'string' || !interfaces.includes(step['interface'])) {
    return `"interface" must be one of ${interfaces.join(', ')}`;
  }
  if (typeof step['step'] !== 'string' || step['step'].length === 0) return '"step" must be a non-empty string';
  if ('args' in step && !isJsonObject(step['args'])) return '"args" must be an object';
  if ('priority' in step && !isPriority(step['priority'])) return '"priority" must be a non-negative integer';
  if ('order' in step && !isNonNegativeInteger(step['order'])) return '"order" must be a non-negative integer';
  if ('execute_on_child_nodes' in step && typeof step['execute_on_child_nodes'] !== 'boolean') {
    return '"execute_on_child_nodes" must be a boolean';
  }
  if ('limit_child_node_execution' in step && !isStringList(step['limit_child_node_execution'])) {
    return '"limit_child_node_execution" must be a list of strings';
  }
  return undefined;
}

function isNonNegativeInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Ironic also takes the priority as a string of digits (clients that send form values). */
function isPriority(value: unknown): boolean {
  return isNonNegativeInteger(value) || (typeof value === 'string' && /^[0-9]+$/.test(value));
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
