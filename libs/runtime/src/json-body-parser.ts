import type { FastifyInstance } from 'fastify';

/**
 * Request bodies are JSON. An empty body is no body whatever its content type (the `baremetal`
 * CLI sends DELETE with one); malformed JSON is the client's error, 400 with the parser's reason
 * (Ironic answers 500 there, which is its bug); a non-empty body of another type is 415.
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
  fastify.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    if (String(body).trim() === '') return done(null, undefined);
    done(Object.assign(new Error(`Unsupported content type ${request.headers['content-type'] ?? '(none)'}: send JSON`), { statusCode: 415 }), undefined);
  });
}
