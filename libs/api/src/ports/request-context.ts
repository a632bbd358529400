import { FastifyRequest } from 'fastify';
import type { RequestContext } from '../nodes/nodes.service';
import { publicBaseUrl } from '../root/public-url';
import { ApiVersion } from '../versioning/api-version';

/** What a service needs of the request: the base URL for links and the negotiated version. */
export const requestContext = (request: FastifyRequest, version: ApiVersion): RequestContext => ({ baseUrl: publicBaseUrl(request), minor: version.minor });
