import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ApiModule } from '../api.module';
import { API_MAX_VERSION, API_MIN_VERSION, VERSION_HEADER } from '../versioning/api-version';

export const OPENAPI_JSON_PATH = 'v1/openapi.json';
export const SWAGGER_UI_PATH = 'docs';

/** The OpenAPI 3 document of the Ironic API, built from the routes the app really serves. */
export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Slipway bare-metal API (OpenStack Ironic compatible)')
    .setDescription(`Ironic's REST API v1, microversions ${API_MIN_VERSION} to ${API_MAX_VERSION}. Errors are Ironic's: {"error_message": "<JSON string with faultcode, faultstring, debuginfo>"}.`)
    .setVersion(API_MAX_VERSION)
    .addGlobalParameters({
      in: 'header',
      name: VERSION_HEADER,
      required: false,
      description: `Microversion: 1.N, or "latest". Absent means ${API_MIN_VERSION}.`,
      schema: { type: 'string', example: API_MAX_VERSION },
    })
    .build();
  return SwaggerModule.createDocument(app, config, { include: [ApiModule] });
}

/** Serves the document at /v1/openapi.json and Swagger UI at /docs (Ironic has neither). */
export function serveOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup(SWAGGER_UI_PATH, app, buildOpenApiDocument(app), { jsonDocumentUrl: OPENAPI_JSON_PATH, yamlDocumentUrl: 'v1/openapi.yaml' });
}
