import { InvalidParameterValueError } from '@slipway/errors';
import { isUuid } from '../common/identifiers';
import { additionalPropertiesMessage, isJsonObject, pythonRepr, SchemaIssues, typeMessage } from '../common/schema-messages';
import { traitProblem } from '../common/trait-name';

/** An allocation body that passed Ironic's ALLOCATION_SCHEMA (every field optional and nullable). */
export interface AllocationBody {
  candidate_nodes?: string[] | null;
  extra?: Record<string, unknown> | null;
  name?: string | null;
  node?: string | null;
  owner?: string | null;
  resource_class?: string | null;
  traits?: string[] | null;
  uuid?: string | null;
}

type Check = (value: unknown, issues: SchemaIssues) => void;

const nullableString: Check = (value, issues) => {
  if (value !== null && typeof value !== 'string') issues.add(1, typeMessage(value, ['string', 'null']));
};

const nullableStringList = (itemCheck: (item: unknown) => string | undefined): Check => (value, issues) => {
  if (value === null) return;
  if (!Array.isArray(value)) return issues.add(1, typeMessage(value, ['array', 'null']));
  for (const item of value) {
    const problem = itemCheck(item);
    if (problem !== undefined) issues.add(2, problem);
  }
};

/** Ironic's ALLOCATION_SCHEMA, property by property, in its order. */
const PROPERTIES: Record<keyof AllocationBody, Check> = {
  candidate_nodes: nullableStringList((item) => (typeof item === 'string' ? undefined : typeMessage(item, ['string']))),
  extra: (value, issues) => {
    if (value !== null && !isJsonObject(value)) issues.add(1, typeMessage(value, ['object', 'null']));
  },
  name: nullableString,
  node: nullableString,
  owner: nullableString,
  resource_class: (value, issues) => {
    nullableString(value, issues);
    if (typeof value === 'string' && value.length > 80) issues.add(1, `${pythonRepr(value)} is too long`);
  },
  traits: nullableStringList(traitProblem),
  uuid: nullableString,
};

/**
 * Checks a body against Ironic's allocation schema, then the uuid's form. `label` names the
 * document in the message ("allocation" for a POST, "patch" for a patched allocation).
 */
export function validateAllocationBody(body: unknown, label: 'allocation' | 'patch'): AllocationBody {
  const issues = new SchemaIssues();
  if (!isJsonObject(body)) {
    issues.add(0, typeMessage(body, ['object']));
  } else {
    const unexpected = Object.keys(body).filter((key) => !(key in PROPERTIES));
    if (unexpected.length) issues.add(0, additionalPropertiesMessage(unexpected));
    for (const [key, check] of Object.entries(PROPERTIES)) if (key in body) check(body[key], issues);
  }
  if (issues.first !== undefined) throw new InvalidParameterValueError(`Schema error for ${label}: ${issues.first}`);
  const valid = body as AllocationBody;
  if (typeof valid.uuid === 'string' && !isUuid(valid.uuid)) throw new InvalidParameterValueError(`Expected UUID for uuid: ${valid.uuid}`);
  return valid;
}
