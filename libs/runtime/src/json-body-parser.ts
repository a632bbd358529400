import type { FastifyInstance } from 'fastify';

/**
 * JSON request bodies. An empty body with a JSON content type is no body (the `baremetal` CLI
 * sends DELETE that way); malformed JSON is the client's error, 400 with the parser's reason
 * (Ironic answers 500 there, which is its bug).
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
}
