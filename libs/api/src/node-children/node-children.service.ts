import { Injectable } from '@nestjs/common';
import { NodeRepository } from '@slipway/db';
import { NotFoundError } from '@slipway/errors';
import { NodesService, RequestContext } from '../nodes/nodes.service';
import { MINOR_PARENT_NODE } from '../nodes/parent-node';
import type { RawQuery } from '../ports/collection-query';
import { refuseUnexpected } from '../volume/volume-list-query';

/** `GET /v1/nodes/{node}/children`: the uuids of the nodes whose parent_node is this node. */
@Injectable()
export class NodeChildrenService {
  constructor(
    private readonly nodes: NodesService,
    private readonly repository: NodeRepository,
  ) {}

  async list(ident: string, raw: RawQuery, context: RequestContext): Promise<{ children: string[] }> {
    if (context.minor < MINOR_PARENT_NODE) throw new NotFoundError();
    refuseUnexpected(raw, []);
    const node = await this.nodes.find(ident, context.minor);
    return { children: await this.repository.childrenOf(node.uuid) };
  }
}
