import { z } from 'zod';
import { InvalidParameterValueError, MissingParameterValueError } from '@slipway/errors';
import { readInput } from '../http/request-input';

// What POST /designs and POST /validatedesign take: the YAML itself (a YAML or text body, or
// `yaml` in JSON), or `href`, where the orchestrator reads it (http(s) URL, file URL, absolute path).

export type DesignSource = { kind: 'inline'; yaml: string } | { kind: 'href'; href: string };

export interface DesignRequest {
  /** The design's name; when absent, the name of its Region document. */
  name?: string;
  source: DesignSource;
}

/** Design names are also design references (`design_ref`), so they cannot look like an id or a URL. */
const DESIGN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;
const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const designNameSchema = z
  .string()
  .regex(DESIGN_NAME, { error: 'must be 1 to 255 letters, digits, ".", "_" or "-", starting with a letter or a digit' })
  .refine((name) => !UUID_LIKE.test(name), { error: 'must not look like a design id (a UUID)' });

const text = z.string().refine((value) => value.trim() !== '', { error: 'must not be empty' });

// Shipyard sends `rel` and `type` beside `href` to Drydock; they say nothing the body does not.
const sourceFields = { href: text.optional(), yaml: text.optional(), rel: z.string().optional(), type: z.string().optional() };

const FORMS = 'a YAML body (Content-Type application/x-yaml, text/yaml or text/plain), or JSON with `href` (an http(s) URL, a file URL or an absolute path) or `yaml`';

function sourceOf(fields: { href?: string; yaml?: string }, what: string): DesignSource {
  if (fields.href !== undefined && fields.yaml !== undefined) throw new InvalidParameterValueError(`Invalid ${what}: give either href or yaml, not both.`);
  if (fields.href !== undefined) return { kind: 'href', href: fields.href.trim() };
  if (fields.yaml !== undefined) return { kind: 'inline', yaml: fields.yaml };
  throw new MissingParameterValueError(`Invalid ${what}: no design given; send ${FORMS}.`);
}

function isText(body: unknown): body is string {
  return typeof body === 'string' && body.trim() !== '';
}

/** The body of POST /designs, with the `name` query parameter (for YAML bodies, or beside JSON). */
export function readDesignRequest(body: unknown, queryName: string | undefined): DesignRequest {
  const what = 'design request';
  const fromQuery = queryName === undefined ? undefined : readInput(designNameSchema, queryName, 'name (query parameter)');
  if (isText(body)) return { name: fromQuery, source: { kind: 'inline', yaml: body } };
  if (body === undefined || body === null || body === '') throw new MissingParameterValueError(`Invalid ${what}: the body is empty; send ${FORMS}.`);
  const fields = readInput(z.strictObject({ name: designNameSchema.optional(), ...sourceFields }), body, what);
  if (fields.name !== undefined && fromQuery !== undefined && fields.name !== fromQuery) {
    throw new InvalidParameterValueError(`Invalid ${what}: the body names the design ${fields.name} and the query ${fromQuery}.`);
  }
  return { name: fields.name ?? fromQuery, source: sourceOf(fields, what) };
}

/** The body of POST /validatedesign: Drydock's `{href}`, or the YAML inline. */
export function readValidationRequest(body: unknown): DesignSource {
  const what = 'validation request';
  if (isText(body)) return { kind: 'inline', yaml: body };
  if (body === undefined || body === null || body === '') throw new MissingParameterValueError(`Invalid ${what}: the body is empty; send ${FORMS}.`);
  return sourceOf(readInput(z.strictObject(sourceFields), body, what), what);
}
