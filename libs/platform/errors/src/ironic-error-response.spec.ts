import { ironicErrorResponse, NodeLockedError, NodeNotFoundError, NoFreeConductorWorkerError, InvalidParameterValueError } from './index';

describe('ironicErrorResponse', () => {
  it('writes a client error as Ironic does, byte for byte', () => {
    const res = ironicErrorResponse(new NodeNotFoundError({ node: 'n1' }));
    expect(res.status).toBe(404);
    expect(res.headers).toEqual({});
    expect(res.body).toEqual({
      error_message: '{"faultcode": "Client", "faultstring": "Node n1 could not be found.", "debuginfo": null}',
    });
  });

  it('never adds a traceback to a client error, even in debug mode', () => {
    const res = ironicErrorResponse(new NodeLockedError({ node: 'n1', host: 'c-1' }), { debug: true });
    expect(res.status).toBe(409);
    expect(res.headers).toEqual({ 'Retry-After': '2' });
    expect(JSON.parse(res.body.error_message)).toEqual({
      faultcode: 'Client',
      faultstring: 'Node n1 is locked by host c-1, please retry after the current operation is completed.',
      debuginfo: null,
    });
  });

  it('marks 5xx as Server faults', () => {
    const res = ironicErrorResponse(new NoFreeConductorWorkerError());
    expect(res.status).toBe(503);
    expect(res.body.error_message).toBe(
      '{"faultcode": "Server", "faultstring": "Requested action cannot be performed due to lack of free conductor workers.", "debuginfo": null}',
    );
  });

  it('hides an unexpected error and adds its traceback only in debug mode', () => {
    const thrown = new Error('relation "nodes" does not exist');
    const plain = ironicErrorResponse(thrown);
    expect(plain.status).toBe(500);
    expect(plain.body.error_message).toBe('{"faultcode": "Server", "faultstring": "An internal error occurred.", "debuginfo": null}');

    const debug = JSON.parse(ironicErrorResponse(thrown, { debug: true }).body.error_message) as Record<string, unknown>;
    expect(debug['faultstring']).toBe('An internal error occurred.');
    expect(debug['debuginfo']).toBe(thrown.stack);
  });

  it('escapes quotes, control and non-ASCII characters as Python json.dumps does', () => {
    const res = ironicErrorResponse(new InvalidParameterValueError('Bad "name": n\u00e9ud\n\u{1F600}\u007f'));
    expect(res.body.error_message).toBe(
      '{"faultcode": "Client", "faultstring": "Bad \\"name\\": n\\u00e9ud\\n\\ud83d\\ude00\\u007f", "debuginfo": null}',
    );
    expect(JSON.parse(res.body.error_message).faultstring).toBe('Bad "name": n\u00e9ud\n\u{1F600}\u007f');
  });
});
