import type { SiteDesignEntity } from '@slipway/db';
import { compileSiteDesign, parseDesignYaml, type CompiledSiteDesign, type DesignDocument, type DesignProblem } from '@slipway/site';

/** A design's YAML read and compiled: every problem (parse, schema, compile) and warning found. */
export interface IngestedDesign {
  documents: DesignDocument[];
  design: CompiledSiteDesign['design'];
  /** Anything here refuses the design: nothing is stored, nothing is validated. */
  problems: DesignProblem[];
  warnings: DesignProblem[];
}

/** What `source_ref` says when the YAML came in the request. */
export const INLINE_SOURCE = 'inline';

/** Parses and compiles a design's YAML; `ref` (a URL or a path) names the file in problems. */
export function ingestDesign(yaml: string, ref: string): IngestedDesign {
  const parsed = parseDesignYaml(yaml, ref === INLINE_SOURCE ? undefined : ref);
  const compiled = compileSiteDesign(parsed.documents);
  const problems = [...parsed.problems, ...compiled.problems];
  if (parsed.documents.length === 0 && parsed.problems.length === 0) {
    problems.push({ message: 'The YAML holds no Drydock design document (schema: drydock/<Kind>/v1, metadata.name, data).' });
  }
  return { documents: parsed.documents, design: compiled.design, problems, warnings: compiled.warnings };
}

/**
 * A stored version compiled again from its YAML, kept byte for byte: the documents come back with
 * their lines, so problems and messages point into the file as it was stored.
 */
export function ingestStoredDesign(design: Pick<SiteDesignEntity, 'source' | 'sourceRef'>): IngestedDesign {
  return ingestDesign(design.source, design.sourceRef);
}

/** A document as stored in `site_designs.documents` and served by `?source=designed`. */
export interface StoredDesignDocument {
  kind: DesignDocument['kind'];
  name: string;
  labels: Record<string, string>;
  data: Record<string, unknown>;
  /** Where it was: the file (when not inline), its index in the YAML stream and its first line. */
  source: DesignDocument['source'];
}

export function storedDocuments(documents: readonly DesignDocument[]): StoredDesignDocument[] {
  return documents.map(({ kind, name, labels, data, source }) => ({ kind, name, labels, data, source }));
}
