import { RunningStandalone, startStandalone } from '@slipway/testing';

// A known path called with a verb it does not serve: 405 with Allow, as Ironic answers.
describe('405 for a verb a known path does not serve (cross-process)', () => {
  let slipway: RunningStandalone;

  beforeAll(async () => {
    slipway = await startStandalone();
  });
  afterAll(() => slipway.stop());

  it.each([
    ['POST', '/v1', 'GET, HEAD'],
    ['PUT', '/v1/nodes', 'GET, HEAD, POST'],
    ['PUT', '/v1/nodes/n1/states', 'GET, HEAD'],
  ])('%s %s answers 405 with Allow: %s, in Ironic format', async (method, path, allow) => {
    const response = await fetch(`${slipway.url}${path}`, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    const body = (await response.json()) as { error_message: string };
    expect(JSON.parse(body.error_message)).toMatchObject({ faultcode: 'Client' });
  });

  it('still answers 404 for a path nothing serves', async () => {
    expect((await fetch(`${slipway.url}/v1/no-such-thing`)).status).toBe(404);
  });
});
