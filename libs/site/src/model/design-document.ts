/** The kinds of design document, as Drydock names them (`schema: drydock/<Kind>/v1`). */
export const DESIGN_KINDS = ['Region', 'Rack', 'NetworkLink', 'Network', 'HardwareProfile', 'HostProfile', 'BaremetalNode', 'BootAction'] as const;
export type DesignKind = (typeof DESIGN_KINDS)[number];

/** Where a document (or a field in it) came from, for messages an operator can act on. */
export interface SourceLocation {
  /** The file or URL the YAML came from, when known. */
  file?: string;
  /** 0-based position of the document in its YAML stream. */
  index: number;
  /** 1-based line of the document's start (or of the field, in a DesignProblem). */
  line: number;
}

/** One design document after parsing: its kind, name, the `data` mapping as written, and where it was. */
export interface DesignDocument {
  kind: DesignKind;
  name: string;
  /** `metadata.labels` of the document, when given. */
  labels: Record<string, string>;
  data: Record<string, unknown>;
  source: SourceLocation;
  /** 1-based lines of the fields of `data`, by JSON path (`interfaces.bond0.networks[1]`), for messages. */
  lines: ReadonlyMap<string, number>;
}

/** Something wrong with the input itself (syntax, schema, references, inheritance): nothing is stored. */
export interface DesignProblem {
  /** `Kind/name` of the document, when the problem is in one. */
  document?: string;
  /** JSON path of the field inside the document's `data` (`storage.physical_devices.sda.partitions[0].size`). */
  field?: string;
  file?: string;
  line?: number;
  message: string;
}
