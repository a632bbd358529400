import type { FastifyInstance } from 'fastify';

/** YAML media types; their bodies (site designs for the orchestrator) arrive as text, as text/plain does. */
const YAML_CONTENT_TYPES = ['application/x-yaml', 'application/yaml', 'text/yaml', 'text/x-yaml'];

/**
 * Request bodies are JSON. An empty body is no body whatever its content type (the `baremetal`
 * CLI sends DELETE with one); malformed JSON is the client's error, 400 with the parser's reason
 * (Ironic answers 500 there, which is its bug); YAML and text/plain (Fastify's own parser) bodies
 * are text, for the endpoints that take YAML; a non-empty body of another type is 415.
 */
export function useJsonBodyParser(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(Object.assign(new Error(`Malformed JSON in the request body: ${(error as Error).message}`), { statusCode: 400 }), undefined);
    }
  });
  fastify.addContentTypeParser(YAML_CONTENT_TYPES, { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    done(null, text.trim() === '' ? undefined : text);
  });
  fastify.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    if (String(body).trim() === '') return done(null, undefined);
    done(Object.assign(new Error(`Unsupported content type ${request.headers['content-type'] ?? '(none)'}: send JSON`), { statusCode: 415 }), undefined);
  });
}
