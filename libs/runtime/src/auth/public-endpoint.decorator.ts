import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ENDPOINT = 'slipway:public-endpoint';

/** Answers without authentication: version discovery and health probes. */
export const PublicEndpoint = () => SetMetadata(PUBLIC_ENDPOINT, true);
