import { Injectable } from '@nestjs/common';
import { SiteDesignRepository } from '@slipway/db';
import { InvalidParameterValueError, MissingParameterValueError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { DESIGN_KINDS } from '@slipway/site';
import { InvalidSiteDesignError, SiteDesignPartNotFoundError } from '../errors/site-design.error';
import { DesignLookupService } from './design-lookup.service';
import { ingestDesign, ingestStoredDesign, storedDocuments } from './design-ingest';
import { readDesignRequest } from './design-request.dto';
import { DesignSourceService } from './design-source.service';
import { compiledView, designCreatedView, designedView, designKindOf, designSummaryView, partCatalogView, partsOfKind } from './design.view';

/** Stores design versions and shows them: as stored, compiled, or part by part. */
@Injectable()
export class DesignsService {
  private readonly log = getLogger('DesignsService');

  constructor(
    private readonly designs: SiteDesignRepository,
    private readonly lookup: DesignLookupService,
    private readonly sources: DesignSourceService,
  ) {}

  /**
   * Reads, parses and compiles the design; with any problem nothing is stored (400 listing them
   * all). Otherwise the YAML is stored as the next version of its name.
   */
  async create(body: unknown, queryName: string | undefined) {
    const request = readDesignRequest(body, queryName);
    const { yaml, ref } = await this.sources.read(request.source);
    const ingested = ingestDesign(yaml, ref);
    if (ingested.problems.length > 0) throw new InvalidSiteDesignError({ source: ref, problems: ingested.problems });
    const name = request.name ?? ingested.design.region?.name;
    if (name === undefined) throw new MissingParameterValueError('The design needs a name: give `name` (in the JSON body, or ?name= with a YAML body), or a Region document to take it from.');
    const stored = await this.designs.storeVersion(name, yaml, ref, storedDocuments(ingested.documents));
    this.log.info({ design: stored.id, name, version: stored.version, source: ref, documents: ingested.documents.length }, 'stored a site design version');
    const design = await this.lookup.resolve(stored.id);
    return { id: stored.id, view: designCreatedView(design, ingested.warnings) };
  }

  async list() {
    return (await this.designs.list()).map(designSummaryView);
  }

  /** `source` is `designed` (the default, as Drydock's) or `compiled`. */
  async show(reference: string, source: string | undefined) {
    const design = await this.lookup.resolve(reference);
    switch (source ?? 'designed') {
      case 'designed':
        return designedView(design);
      case 'compiled': {
        const ingested = ingestStoredDesign(design);
        return compiledView(design, ingested.design, ingested.warnings);
      }
      default:
        throw new InvalidParameterValueError(`Invalid source ${source}: it is designed or compiled.`);
    }
  }

  async partCatalog(reference: string) {
    return partCatalogView(ingestStoredDesign(await this.lookup.resolve(reference)).design);
  }

  /** The compiled parts of one kind, or the one of them named `name`. */
  async parts(reference: string, kindText: string, name?: string) {
    const design = await this.lookup.resolve(reference);
    const kind = designKindOf(kindText);
    if (kind === undefined) {
      throw new SiteDesignPartNotFoundError({ design: reference, part: `kind ${kindText} (the kinds are ${DESIGN_KINDS.join(', ')}, and Site for the Region)` });
    }
    const parts = partsOfKind(ingestStoredDesign(design).design, kind);
    if (name === undefined) return parts;
    const part = parts.find((candidate) => candidate.name === name);
    if (!part) throw new SiteDesignPartNotFoundError({ design: reference, part: `${kind} ${name}` });
    return part;
  }
}
