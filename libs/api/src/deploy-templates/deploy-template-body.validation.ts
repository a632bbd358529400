import { errorFromWire, InvalidDeployTemplateError, InvalidParameterValueError } from '@slipway/errors';
import { isUuid } from '../common/identifiers';
import { additionalPropertiesMessage, isJsonObject, jsonType, pythonRepr, requiredMessage, SchemaIssues, typeMessage } from '../common/schema-messages';
import { traitProblem } from '../common/trait-name';

/**
 * The interfaces a deploy step may belong to, in Ironic 2023.1's order (it lists them so in its
 * message). Later releases added more; the api serves 2023.1's microversions.
 */
export const DEPLOY_STEP_INTERFACES = ['power', 'management', 'deploy', 'bios', 'raid'] as const;

/** One deploy step after the checks: the priority is a number even when sent as digits. */
export interface DeployStep {
  interface: string;
  step: string;
  args: Record<string, unknown>;
  priority: number;
}

/** A template body after the checks. */
export interface DeployTemplateBody {
  name: string;
  steps: DeployStep[];
  extra: Record<string, unknown>;
  uuid?: string;
}

const TEMPLATE_KEYS = ['description', 'extra', 'name', 'steps', 'uuid'];
const STEP_KEYS = ['args', 'interface', 'priority', 'step'];

/**
 * Checks a body against Ironic's template schema, then its duplicate-step and uuid rules. `label`
 * names the document in the message ("template" for a POST, "patch" for a patched template).
 * `description` is accepted and dropped: Ironic 2023.1's schema has it, its templates do not.
 */
export function validateDeployTemplate(body: unknown, label: 'template' | 'patch'): DeployTemplateBody {
  const issues = new SchemaIssues();
  if (!isJsonObject(body)) {
    issues.add(0, typeMessage(body, ['object']));
  } else {
    for (const key of ['steps', 'name']) if (!(key in body)) issues.add(0, requiredMessage(key));
    const unexpected = Object.keys(body).filter((key) => !TEMPLATE_KEYS.includes(key));
    if (unexpected.length) issues.add(0, additionalPropertiesMessage(unexpected));
    if ('description' in body) checkDescription(body.description, issues);
    if ('extra' in body && body.extra !== null && !isJsonObject(body.extra)) issues.add(1, typeMessage(body.extra, ['object', 'null']));
    if ('name' in body) {
      const problem = traitProblem(body.name);
      if (problem !== undefined) issues.add(1, problem);
    }
    if ('steps' in body) checkSteps(body.steps, issues);
    if ('uuid' in body && body.uuid !== null && typeof body.uuid !== 'string') issues.add(1, typeMessage(body.uuid, ['string', 'null']));
  }
  if (issues.first !== undefined) throw new InvalidParameterValueError(`Schema error for ${label}: ${issues.first}`);

  const valid = body as Record<string, unknown>;
  const steps = (valid.steps as Record<string, unknown>[]).map(toStep);
  checkDuplicateSteps(steps);
  if (typeof valid.uuid === 'string' && !isUuid(valid.uuid)) throw new InvalidParameterValueError(`Expected UUID for uuid: ${valid.uuid}`);
  return {
    name: valid.name as string,
    steps,
    extra: (valid.extra as Record<string, unknown> | null | undefined) ?? {},
    uuid: typeof valid.uuid === 'string' ? valid.uuid : undefined,
  };
}

/** A step of a patched template, pruned of unknown keys first as Ironic does, then checked alone. */
export function pruneStep(step: unknown): unknown {
  if (!isJsonObject(step)) return step;
  return Object.fromEntries(Object.entries(step).filter(([key]) => STEP_KEYS.includes(key)));
}

/** One step of a patched template, checked on its own ("Schema error for patch: ..."). */
export function validateDeployStepOfPatch(step: unknown): unknown {
  const issues = new SchemaIssues();
  checkStep(step, issues);
  if (issues.first !== undefined) throw new InvalidParameterValueError(`Schema error for patch: ${issues.first}`);
  return step;
}

function checkDescription(value: unknown, issues: SchemaIssues): void {
  if (value !== null && typeof value !== 'string') issues.add(1, typeMessage(value, ['string', 'null']));
  else if (typeof value === 'string' && value.length > 255) issues.add(1, `${pythonRepr(value)} is too long`);
}

function checkSteps(steps: unknown, issues: SchemaIssues): void {
  if (!Array.isArray(steps)) return issues.add(1, typeMessage(steps, ['array']));
  if (steps.length < 1) return issues.add(1, `${pythonRepr(steps)} is too short`);
  for (const step of steps) checkStep(step, issues);
}

function checkStep(step: unknown, issues: SchemaIssues): void {
  if (!isJsonObject(step)) return issues.add(2, typeMessage(step, ['object']));
  for (const key of ['interface', 'step', 'args', 'priority']) if (!(key in step)) issues.add(2, requiredMessage(key));
  const unexpected = Object.keys(step).filter((key) => !STEP_KEYS.includes(key));
  if (unexpected.length) issues.add(2, additionalPropertiesMessage(unexpected));
  if ('args' in step && !isJsonObject(step.args)) issues.add(3, typeMessage(step.args, ['object']));
  if ('interface' in step) {
    if (typeof step.interface !== 'string') issues.add(3, typeMessage(step.interface, ['string']));
    else if (!(DEPLOY_STEP_INTERFACES as readonly string[]).includes(step.interface)) {
      issues.add(3, `${pythonRepr(step.interface)} is not one of ${pythonRepr([...DEPLOY_STEP_INTERFACES])}`);
    }
  }
  if ('priority' in step) {
    const problem = priorityProblem(step.priority);
    if (problem !== undefined) issues.add(3, problem);
  }
  if ('step' in step) {
    if (typeof step.step !== 'string') issues.add(3, typeMessage(step.step, ['string']));
    else if (step.step.length < 1) issues.add(3, `${pythonRepr(step.step)} is too short`);
  }
}

/**
 * `priority`: a non-negative integer or a string of digits. When the value has one of the two
 * types, jsonschema reports the failure of that branch; otherwise the anyOf as a whole.
 */
function priorityProblem(value: unknown): string | undefined {
  const type = jsonType(value);
  if (type === 'integer') return (value as number) < 0 ? `${pythonRepr(value)} is less than the minimum of 0` : undefined;
  if (type === 'string') {
    const text = value as string;
    if (text.length < 1) return `${pythonRepr(text)} is too short`;
    return /^[0-9]+$/.test(text) ? undefined : `${pythonRepr(text)} does not match '^[0-9]+$'`;
  }
  return `${pythonRepr(value)} is not valid under any of the given schemas. Possible root cause: ${pythonRepr(value)} is not of type 'integer'`;
}

function toStep(step: Record<string, unknown>): DeployStep {
  return { interface: step.interface as string, step: step.step as string, args: step.args as Record<string, unknown>, priority: Number(step.priority) };
}

/** Each (interface, step) at most once; Ironic lists the duplicates. */
function checkDuplicateSteps(steps: DeployStep[]): void {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const { interface: iface, step } of steps) {
    const key = `interface: ${iface}, step: ${step}`;
    if (seen.has(key) && !duplicates.includes(key)) duplicates.push(key);
    seen.add(key);
  }
  if (!duplicates.length) return;
  const err = `Duplicate deploy steps. A deploy template cannot have multiple deploy steps with the same interface and step. Duplicates: ${duplicates.join('; ')}`;
  // Ironic 2023.1 words InvalidDeployTemplate "Deploy template invalid: ..."; clients show it.
  throw errorFromWire({ type: InvalidDeployTemplateError.code, message: `Deploy template invalid: ${err}.`, details: { err } });
}
