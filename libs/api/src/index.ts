export { ApiModule } from './api.module';
export { IronicExceptionFilter } from './errors/ironic-exception.filter';
export { API_MAX_VERSION, API_MIN_VERSION } from './versioning/api-version';
export { serveOpenApi, buildOpenApiDocument } from './openapi/openapi';
