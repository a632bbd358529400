import { NODE_FIELDS, NODE_LIST_FIELDS, NodeViewContext } from './node-fields';

const BY_NAME = new Map(NODE_FIELDS.map((field) => [field.name, field]));

/**
 * A node as Ironic shows it at the requested version: every field the version knows (in
 * Ironic's order), or the `fields` asked for in the order asked (plus links), or the short list
 * form. Fields newer than the version never show.
 */
export function nodeView(context: NodeViewContext, select: { fields?: string[]; listForm?: boolean } = {}): Record<string, unknown> {
  const names = select.fields ? [...select.fields.filter((name) => name !== 'links'), 'links'] : select.listForm ? NODE_LIST_FIELDS : undefined;
  const fields = names ? names.map((name) => BY_NAME.get(name)).filter((field) => field !== undefined) : NODE_FIELDS;
  const view: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.minMinor <= context.minor) view[field.name] = field.value(context);
  }
  return view;
}
