import { InvalidParameterValueError } from '@slipway/errors';

// RFC 6902 JSON Patch as Ironic applies it: a list of add/replace/remove operations, applied one
// at a time so an error names the operation; paths limited to what the resource lets change.

export interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

const OPS = ['add', 'replace', 'remove'];

/** Checks the body's shape: a list of operations with a known op, a path and (add/replace) a value. */
export function parsePatch(body: unknown): PatchOperation[] {
  if (!Array.isArray(body)) throw new InvalidParameterValueError('Schema error for patch: the body must be a list of patch operations');
  return body.map((item: unknown) => {
    const op = item as Partial<PatchOperation> | null;
    if (!op || typeof op !== 'object' || Array.isArray(op)) throw new InvalidParameterValueError('Schema error for patch: every patch operation must be an object');
    if (typeof op.op !== 'string' || !OPS.includes(op.op)) throw new InvalidParameterValueError(`Schema error for patch: '${String(op.op)}' is not one of ['add', 'replace', 'remove']`);
    if (typeof op.path !== 'string' || !/^\/./.test(op.path)) throw new InvalidParameterValueError(`Schema error for patch: '${String(op.path)}' is not a valid patch path`);
    if (op.op !== 'remove' && !('value' in op)) throw new InvalidParameterValueError(`Schema error for patch: 'value' is a required property of ${op.op}`);
    return { op: op.op, path: op.path, value: op.value } as PatchOperation;
  });
}

/** The first segment of every path must be one of `allowed`; Ironic lists them when it is not. */
export function checkPatchPaths(operations: PatchOperation[], allowed: readonly string[]): void {
  for (const { path } of operations) {
    const root = decodeSegment(path.split('/')[1]);
    if (!allowed.includes(root)) {
      throw new InvalidParameterValueError(`Cannot patch ${path}. Only the following can be updated: ${[...allowed].sort().join(', ')}`);
    }
  }
}

/** Applies the operations to a copy of `document` (the resource in its API form). */
export function applyPatch(document: Record<string, unknown>, operations: PatchOperation[]): Record<string, unknown> {
  let result: unknown = structuredClone(document);
  for (const operation of operations) result = applyOne(result, operation);
  return result as Record<string, unknown>;
}

function applyOne(document: unknown, operation: PatchOperation): unknown {
  const segments = operation.path.split('/').slice(1).map(decodeSegment);
  const fail = (reason: string): never => {
    throw new InvalidParameterValueError(`Couldn't apply patch '${describe(operation)}'. Reason: ${reason}`);
  };
  const parentPath = segments.slice(0, -1);
  const key = segments[segments.length - 1];
  let parent: unknown = document;
  for (const segment of parentPath) {
    if (!isContainer(parent) || !(segment in parent)) fail(`can't find the parent of ${operation.path}`);
    parent = (parent as Record<string, unknown>)[segment];
  }
  if (!isContainer(parent)) return fail(`the parent of ${operation.path} is not an object or a list`);
  if (Array.isArray(parent)) return applyToList(parent, key, operation, fail) ?? document;
  const object = parent as Record<string, unknown>;
  if (operation.op === 'remove' || operation.op === 'replace') {
    if (!(key in object)) fail(`can't ${operation.op} a non-existent object '${key}'`);
  }
  if (operation.op === 'remove') delete object[key];
  else object[key] = structuredClone(operation.value);
  return document;
}

function applyToList(list: unknown[], key: string, operation: PatchOperation, fail: (reason: string) => never): void {
  const index = key === '-' && operation.op === 'add' ? list.length : Number(key);
  if (!Number.isInteger(index) || index < 0 || index > list.length || (operation.op !== 'add' && index >= list.length)) fail(`index '${key}' is out of range`);
  if (operation.op === 'add') list.splice(index, 0, structuredClone(operation.value));
  else if (operation.op === 'replace') list[index] = structuredClone(operation.value);
  else list.splice(index, 1);
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** JSON Pointer escapes: `~1` is `/`, `~0` is `~`. */
function decodeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function describe(operation: PatchOperation): string {
  const value = operation.op === 'remove' ? '' : `, 'value': ${JSON.stringify(operation.value)}`;
  return `{'op': '${operation.op}', 'path': '${operation.path}'${value}}`;
}
