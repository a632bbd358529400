import type { SiteDesignEntity, SiteDesignSummary } from '@slipway/db';
import { DESIGN_KINDS, formatTaskDesignRef, type DesignKind, type DesignProblem, type NamedPart, type SiteDesign } from '@slipway/site';

// The JSON of the design endpoints. Drydock's field names where Drydock has the field.

export interface DesignSummaryView {
  design_id: string;
  name: string;
  version: number;
  /** `design://<id>/<version>`, what tasks take and show. */
  design_ref: string;
  /** `inline`, or the URL or path the YAML was read from. */
  source_ref: string;
  created_at: string;
}

export function designSummaryView(design: SiteDesignSummary): DesignSummaryView {
  return {
    design_id: design.id,
    name: design.name,
    version: design.version,
    design_ref: formatTaskDesignRef({ designId: design.id, version: design.version }),
    source_ref: design.sourceRef,
    created_at: design.createdAt.toISOString(),
  };
}

/** The answer to POST /designs: the new version, how many documents it has, and the compiler's warnings. */
export interface DesignCreatedView extends DesignSummaryView {
  document_count: number;
  warnings: DesignProblem[];
}

export function designCreatedView(design: SiteDesignEntity, warnings: readonly DesignProblem[]): DesignCreatedView {
  return { ...designSummaryView(design), document_count: design.documents.length, warnings: [...warnings] };
}

/** `?source=designed`: the documents as stored. */
export function designedView(design: SiteDesignEntity) {
  return { ...designSummaryView(design), source: 'designed', documents: design.documents };
}

/** `?source=compiled`: the site with inheritance and defaults applied. */
export function compiledView(design: SiteDesignEntity, compiled: SiteDesign, warnings: readonly DesignProblem[]) {
  return { ...designSummaryView(design), source: 'compiled', design: compiled, warnings: [...warnings] };
}

/** The parts of a compiled design of one kind, as `/parts/{kind}` names them. */
export function partsOfKind(design: SiteDesign, kind: DesignKind): NamedPart[] {
  switch (kind) {
    case 'Region':
      return design.region ? [design.region] : [];
    case 'Rack':
      return design.racks;
    case 'NetworkLink':
      return design.networkLinks;
    case 'Network':
      return design.networks;
    case 'HardwareProfile':
      return design.hardwareProfiles;
    case 'HostProfile':
      return design.hostProfiles;
    case 'BaremetalNode':
      return design.nodes;
    case 'BootAction':
      return design.bootActions;
  }
}

/** Drydock's part catalog (`GET /designs/{id}/parts`): `{kind, key}` of every part. */
export function partCatalogView(design: SiteDesign): Array<{ kind: DesignKind; key: string }> {
  return DESIGN_KINDS.flatMap((kind) => partsOfKind(design, kind).map((part) => ({ kind, key: part.name })));
}

/** The kind a path names: a design kind in any case, or Drydock's `Site` for the Region. */
export function designKindOf(text: string): DesignKind | undefined {
  const wanted = text.toLowerCase() === 'site' ? 'region' : text.toLowerCase();
  return DESIGN_KINDS.find((kind) => kind.toLowerCase() === wanted);
}
