import type { DesignDocument } from '../model/design-document';

/** One step of a path into a document: a mapping key or a list index. */
export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z0-9_@:+-]+$/;

/**
 * The JSON path of a field as DesignDocument.lines and DesignProblem.field spell it:
 * `interfaces.bond0.networks[1]`; a key that is not a plain word is quoted (`kernel_params["a.b"]`).
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

/** How messages name a field of `data` (`data.interfaces.bond0`, or `data` itself). */
export function dataField(segments: readonly PathSegment[]): string {
  const path = formatPath(segments);
  return path === '' ? 'data' : path.startsWith('[') ? `data${path}` : `data.${path}`;
}

/** The line of a field, or of the nearest enclosing field the document has a line for. */
export function lineOf(document: Pick<DesignDocument, 'lines' | 'source'>, segments: readonly PathSegment[]): number {
  for (let length = segments.length; length >= 0; length--) {
    const line = document.lines.get(formatPath(segments.slice(0, length)));
    if (line !== undefined) return line;
  }
  return document.source.line;
}
