import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Tags } from 'yaml';
import { DESIGN_KINDS, type DesignDocument, type DesignKind, type DesignProblem } from '../model/design-document';
import { designProblem } from './design-problem';
import { dataField, formatPath, type PathSegment } from './field-path';
import { validateDesignDocument } from './validate-design-data';

export interface ParsedDesign {
  /** The Drydock documents of the stream, in order (also those whose `data` has problems). */
  documents: DesignDocument[];
  problems: DesignProblem[];
}

/**
 * YAML 1.1 as PyYAML (Drydock's loader) reads it: the `yaml` package's 1.1 schema also takes y/n as
 * booleans and a leading 0 in sexagesimal numbers (so `00:11:22:33:44:55` would be a number); PyYAML
 * takes neither.
 */
const PYYAML_TESTS: ReadonlyArray<{ tag: string; format?: string; sample?: string; test: RegExp }> = [
  { tag: 'tag:yaml.org,2002:bool', sample: 'true', test: /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/ },
  { tag: 'tag:yaml.org,2002:bool', sample: 'false', test: /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/ },
  { tag: 'tag:yaml.org,2002:int', format: 'TIME', test: /^[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+$/ },
];

const asPyYaml = (tags: Tags): Tags =>
  tags.map((tag) => {
    if (typeof tag !== 'object' || !('test' in tag) || tag.test === undefined) return tag;
    const { test } = tag;
    const replacement = PYYAML_TESTS.find(
      (candidate) => candidate.tag === tag.tag && candidate.format === tag.format && (candidate.sample === undefined || test.test(candidate.sample)),
    );
    return replacement === undefined ? tag : { ...tag, test: replacement.test };
  });

/** `apiVersion` of the older Drydock YAML format (`kind`, `metadata.name`, `spec`). */
const LEGACY_API_VERSIONS: ReadonlySet<unknown> = new Set(['drydock/v1', 'v1.0']);

type PlainObject = Record<string, unknown>;

function isPlainObject(value: unknown): value is PlainObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

function setOwn(target: PlainObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

interface YamlFinding {
  segments: PathSegment[];
  line: number;
  text: string;
  /** Whether Drydock's own YAML parser would reject the file for it (so it counts in any document). */
  unreadable: boolean;
}

/**
 * Turns one YAML document into plain data as Drydock's loader (PyYAML, YAML 1.1) sees it, noting
 * the line of every field and what the YAML gets wrong on the way: a key given twice (the last one
 * counts, as in PyYAML), an empty key. A key that YAML reads as a number or boolean keeps the text
 * it was written as (`0xffff:` is the key "0xffff").
 */
class YamlReader {
  readonly lines = new Map<string, number>();
  readonly findings: YamlFinding[] = [];
  private readonly open = new Set<unknown>();

  constructor(
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  lineAt(offset: number | undefined): number {
    return this.lineCounter.linePos(offset ?? 0).line;
  }

  read(node: unknown, segments: PathSegment[]): unknown {
    if (isAlias(node)) {
      const target = node.resolve(this.document);
      if (target === undefined || this.open.has(target)) return null;
      this.open.add(target);
      try {
        return this.read(target, segments);
      } finally {
        this.open.delete(target);
      }
    }
    if (isScalar(node)) return node.value;
    if (isSeq(node)) {
      return node.items.map((item, index) => {
        const itemSegments = [...segments, index];
        this.lines.set(formatPath(itemSegments), this.lineAt((item as { range?: [number] } | null)?.range?.[0] ?? node.range?.[0]));
        return this.read(item, itemSegments);
      });
    }
    if (isMap(node)) return this.readMap(node.items, segments, node.range?.[0]);
    return null;
  }

  private readMap(pairs: ReadonlyArray<{ key: unknown; value: unknown }>, segments: PathSegment[], start: number | undefined): PlainObject {
    const result: PlainObject = {};
    const merged: unknown[] = [];
    for (const pair of pairs) {
      const keyNode = pair.key;
      const line = this.lineAt(isScalar(keyNode) || isMap(keyNode) || isSeq(keyNode) ? keyNode.range?.[0] : start);
      if (isScalar(keyNode) && typeof keyNode.value === 'symbol') {
        merged.push(pair.value);
        continue;
      }
      if (keyNode === null || keyNode === undefined || (isScalar(keyNode) && keyNode.value === null && !keyNode.source)) {
        const value = pair.value as { range?: [number] } | null;
        this.findings.push({ segments, line: value?.range ? this.lineAt(value.range[0]) : line, text: 'has an empty key', unreadable: true });
        continue;
      }
      if (!isScalar(keyNode)) {
        this.findings.push({ segments, line, text: 'has a key that is not a plain value', unreadable: true });
        continue;
      }
      const key = typeof keyNode.value === 'string' ? keyNode.value : (keyNode.source ?? String(keyNode.value));
      const keySegments = [...segments, key];
      if (Object.hasOwn(result, key)) {
        this.findings.push({ segments: keySegments, line, text: 'is given twice (the last one counts)', unreadable: false });
      }
      this.lines.set(formatPath(keySegments), line);
      setOwn(result, key, this.read(pair.value, keySegments));
    }
    // `<<: *anchor` (or a list of anchors): the keys written here win over the merged ones.
    for (const source of merged.flatMap((value) => (isSeq(value) ? value.items : [value]))) {
      const value = this.read(source, segments);
      if (!isPlainObject(value)) {
        this.findings.push({ segments, line: this.lineAt(start), text: 'has a merge key (<<) that does not name a mapping', unreadable: true });
        continue;
      }
      for (const [key, item] of Object.entries(value)) if (!Object.hasOwn(result, key)) setOwn(result, key, item);
    }
    return result;
  }
}

interface Envelope {
  kind: string;
  /** Where `data` is: `data` (Deckhand format) or `spec` (older format). */
  container: 'data' | 'spec';
  /** The key that names the kind, for the line of a problem with it. */
  kindKey: 'schema' | 'kind';
  problem?: string;
}

/** Which Drydock document this is, if it is one (other documents in the stream are not ours). */
function envelopeOf(content: PlainObject): Envelope | undefined {
  if (typeof content.schema === 'string') {
    const parts = content.schema.split('/');
    if (parts[0] !== 'drydock') return undefined;
    if (parts.length !== 3) return { kind: parts[1] ?? '', container: 'data', kindKey: 'schema', problem: `schema '${content.schema}' is not of the form drydock/<Kind>/v1` };
    const [, kind, version] = parts;
    if (version !== 'v1') return { kind, container: 'data', kindKey: 'schema', problem: `schema '${content.schema}' has an unknown version (only v1 is known)` };
    return { kind, container: 'data', kindKey: 'schema' };
  }
  if (typeof content.kind === 'string' && LEGACY_API_VERSIONS.has(content.apiVersion)) {
    return { kind: content.kind, container: 'spec', kindKey: 'kind' };
  }
  return undefined;
}

function isDesignKind(kind: string): kind is DesignKind {
  return (DESIGN_KINDS as readonly string[]).includes(kind);
}

function labelsOf(metadata: PlainObject): Record<string, string> {
  const labels: Record<string, string> = {};
  if (!isPlainObject(metadata.labels)) return labels;
  for (const [key, value] of Object.entries(metadata.labels)) {
    if (value !== null && typeof value !== 'object') labels[key] = String(value);
  }
  return labels;
}

/** Lines of the fields below `data` (or `spec`), by their path inside it. */
function linesBelow(lines: ReadonlyMap<string, number>, container: string): Map<string, number> {
  const below = new Map<string, number>();
  for (const [path, line] of lines) {
    if (path === container) below.set('', line);
    else if (path.startsWith(`${container}.`)) below.set(path.slice(container.length + 1), line);
    else if (path.startsWith(`${container}[`)) below.set(path.slice(container.length), line);
  }
  return below;
}

/** The message of a YAML error without the position and excerpt the parser appends. */
function yamlErrorText(message: string): string {
  return message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
}

/** One YAML document of the stream: the Drydock document it is (if it is one), and its problems. */
function readDocument(yamlDocument: Document, index: number, lineCounter: LineCounter, file: string | undefined): ParsedDesign {
  if (yamlDocument.errors.length > 0) {
    const problems = yamlDocument.errors.map((error) => designProblem({ file, line: error.linePos?.[0].line }, `YAML syntax error: ${yamlErrorText(error.message)}`));
    return { documents: [], problems };
  }
  const reader = new YamlReader(yamlDocument, lineCounter);
  const content = reader.read(yamlDocument.contents, []);
  const line = reader.lineAt(yamlDocument.contents?.range?.[0]);
  const envelope = isPlainObject(content) ? envelopeOf(content) : undefined;
  if (!isPlainObject(content) || envelope === undefined) {
    // Not a Drydock document; only what would stop the whole file from loading is ours to say.
    const problems = reader.findings
      .filter((finding) => finding.unreadable)
      .map((finding) => designProblem({ file, line: finding.line }, `YAML: ${finding.segments.length > 0 ? formatPath(finding.segments) : 'the document'} ${finding.text}`));
    return { documents: [], problems };
  }

  const metadata = isPlainObject(content.metadata) ? content.metadata : {};
  const name = typeof metadata.name === 'string' && metadata.name !== '' ? metadata.name : undefined;
  const label = `${envelope.kind}/${name ?? `(document ${index + 1})`}`;
  const at = (path: string, fallback = line) => ({ document: label, file, line: reader.lines.get(path) ?? fallback });
  const problems = reader.findings.map((finding) => {
    const [head, ...rest] = finding.segments;
    const inData = head === envelope.container;
    const subject = finding.segments.length === 0 ? 'the document' : inData ? dataField(rest) : formatPath(finding.segments);
    return designProblem({ document: label, field: inData ? formatPath(rest) : undefined, file, line: finding.line }, `YAML: ${subject} ${finding.text}`);
  });
  const refuse = (problem: DesignProblem): ParsedDesign => ({ documents: [], problems: [...problems, problem] });
  if (envelope.problem !== undefined) return refuse(designProblem(at(envelope.kindKey), envelope.problem));
  if (!isDesignKind(envelope.kind)) {
    return refuse(designProblem(at(envelope.kindKey), `unknown kind '${envelope.kind}' (the kinds are ${DESIGN_KINDS.join(', ')})`));
  }
  if (name === undefined) {
    const text = metadata.name === undefined || metadata.name === null ? 'is required' : `must be a non-empty string (got ${JSON.stringify(metadata.name)})`;
    return refuse(designProblem(at('metadata.name', reader.lines.get('metadata')), `metadata.name ${text}`));
  }

  // A document without data is empty; `data:` with nothing after it is more likely a mistake, as for Drydock.
  const data = Object.hasOwn(content, envelope.container) ? content[envelope.container] : {};
  const document: DesignDocument = {
    kind: envelope.kind,
    name,
    labels: labelsOf(metadata),
    data: isPlainObject(data) ? data : {},
    source: file === undefined ? { index, line } : { file, index, line },
    lines: linesBelow(reader.lines, envelope.container),
  };
  if (isPlainObject(data)) {
    problems.push(...validateDesignDocument(document));
  } else {
    const got = data === null ? 'nothing' : Array.isArray(data) ? 'a list' : typeof data;
    problems.push(designProblem(at(envelope.container), `${envelope.container} must be a mapping (got ${got})`));
  }
  return { documents: [document], problems };
}

/**
 * Reads a multi-document YAML stream of Drydock design documents, in either format: Deckhand's
 * (`schema: drydock/<Kind>/v1`, `metadata.name`, `data`) or the older one (`apiVersion: drydock/v1`
 * or `v1.0`, `kind`, `metadata.name`, `spec`). Other documents (Deckhand's own, other schemas) are
 * passed over; one that claims to be Drydock's but names an unknown kind is a problem. Each
 * document's `data` is checked against the schema of its kind. Problems name the document, the
 * field and the line; a document whose `data` has problems is still returned, so that compiling
 * finds the documents it names.
 */
export function parseDesignYaml(text: string, file?: string): ParsedDesign {
  const lineCounter = new LineCounter();
  const stream = parseAllDocuments(text, { lineCounter, version: '1.1', uniqueKeys: false, merge: true, customTags: asPyYaml });
  const parts = (Array.isArray(stream) ? stream : []).map((yamlDocument, index) => readDocument(yamlDocument, index, lineCounter, file));
  return { documents: parts.flatMap((part) => part.documents), problems: parts.flatMap((part) => part.problems) };
}
