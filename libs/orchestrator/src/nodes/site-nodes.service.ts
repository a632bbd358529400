import { Injectable } from '@nestjs/common';
import { NodeRepository } from '@slipway/db';
import { z } from 'zod';
import { ingestStoredDesign } from '../designs/design-ingest';
import { DesignLookupService } from '../designs/design-lookup.service';
import { readInput } from '../http/request-input';
import { nodesSelected, readNodeFilter } from './node-filter.dto';
import { siteNodesView, type SiteNodeView } from './site-node.view';

const nodeFilterRequest = z.strictObject({ node_filter: z.unknown().optional(), design_ref: z.string().optional() });

/** The nodes of a site design, with the state of their Ironic nodes; node filters resolved. */
@Injectable()
export class SiteNodesService {
  constructor(
    private readonly designs: DesignLookupService,
    private readonly nodes: NodeRepository,
  ) {}

  /** The nodes of the design `designRef` names, or of the design stored last. */
  async list(designRef: string | undefined): Promise<SiteNodeView[]> {
    const design = ingestStoredDesign(await this.designs.resolveOrLatest(designRef)).design;
    return siteNodesView(design, await this.nodes.statesByNames(design.nodes.map((node) => node.name)));
  }

  /** Drydock's `POST /nodefilter {node_filter, design_ref}`: the names of the nodes selected. */
  async filter(body: unknown): Promise<string[]> {
    const request = readInput(nodeFilterRequest, body ?? {}, 'node filter request');
    const filter = readNodeFilter(request.node_filter);
    const design = ingestStoredDesign(await this.designs.resolveOrLatest(request.design_ref)).design;
    return nodesSelected(design, filter).map((node) => node.name);
  }
}
