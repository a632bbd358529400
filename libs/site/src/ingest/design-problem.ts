import type { DesignDocument, DesignProblem } from '../model/design-document';
import { formatPath, lineOf, type PathSegment } from './field-path';

/** `Kind/name`, as problems and messages name a document. */
export function documentLabel(document: Pick<DesignDocument, 'kind' | 'name'>): string {
  return `${document.kind}/${document.name}`;
}

/** A problem with its message spelled out: `Network/mgmt: data.cidr is required (site.yaml line 12)`. */
export function designProblem(at: Omit<DesignProblem, 'message'>, text: string): DesignProblem {
  const where = at.line === undefined ? '' : ` (${at.file === undefined ? '' : `${at.file} `}line ${at.line})`;
  const problem: DesignProblem = { message: `${at.document === undefined ? '' : `${at.document}: `}${text}${where}` };
  if (at.document !== undefined) problem.document = at.document;
  if (at.field) problem.field = at.field;
  if (at.file !== undefined) problem.file = at.file;
  if (at.line !== undefined) problem.line = at.line;
  return problem;
}

/** A problem in a field of a document's `data` (or in the document as a whole, without segments). */
export function problemIn(document: DesignDocument, segments: readonly PathSegment[] | undefined, text: string): DesignProblem {
  return designProblem(
    {
      document: documentLabel(document),
      field: segments === undefined ? undefined : formatPath(segments),
      file: document.source.file,
      line: segments === undefined ? document.source.line : lineOf(document, segments),
    },
    text,
  );
}
