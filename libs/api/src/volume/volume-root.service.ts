import { Injectable } from '@nestjs/common';
import { resourceLinks } from '../common/links';
import { NodesService, RequestContext } from '../nodes/nodes.service';
import type { RawQuery } from '../ports/collection-query';
import { requireVolumeApi } from './volume-api';
import { refuseUnexpected } from './volume-list-query';

/** `GET /v1/volume` and `GET /v1/nodes/{node}/volume`: links to the connectors and targets. */
@Injectable()
export class VolumeRootService {
  constructor(private readonly nodes: NodesService) {}

  async root(raw: RawQuery, context: RequestContext, nodeIdent?: string): Promise<Record<string, unknown>> {
    requireVolumeApi(context.minor);
    refuseUnexpected(raw, []);
    // Ironic answers with links even for a node that does not exist; we say it does not.
    if (nodeIdent !== undefined) await this.nodes.find(nodeIdent, context.minor);
    const base = nodeIdent === undefined ? 'volume/' : `nodes/${nodeIdent}/volume/`;
    return {
      links: resourceLinks(context.baseUrl, base),
      connectors: resourceLinks(context.baseUrl, `${base}connectors`),
      targets: resourceLinks(context.baseUrl, `${base}targets`),
    };
  }
}
