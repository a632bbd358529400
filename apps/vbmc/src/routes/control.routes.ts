import { FastifyInstance } from 'fastify';
import { FaultSettings } from '../faults';
import { isObject } from '../json';
import { VbmcControl } from '../vbmc-control';
import { VbmcInputError } from '../vbmc-input.error';

/**
 * The test-control API, outside /redfish and without auth or injected faults. Bad input is
 * answered 400 `{error}` and an unknown system 404 (by the server's error handler).
 */
export function registerControlRoutes(server: FastifyInstance, control: VbmcControl): void {
  server.get('/vbmc/faults', async () => control.faults);
  server.put('/vbmc/faults', async (request) => control.setFaults(request.body as FaultSettings));
  server.delete('/vbmc/faults', async (_request, reply) => {
    control.clearFaults();
    return reply.code(204).send();
  });
  server.get('/vbmc/stats', async () => control.stats());
  server.delete('/vbmc/stats', async (_request, reply) => {
    control.resetStats();
    return reply.code(204).send();
  });
  server.get('/vbmc/systems', async () => control.systemIds().map((id) => ({ id, path: `/redfish/v1/Systems/${id}` })));
  server.get<{ Params: { id: string } }>('/vbmc/systems/:id', async (request) => control.snapshot(request.params.id));
  server.post<{ Params: { id: string } }>('/vbmc/systems/:id/stuck-power', async (request) => {
    const body = request.body;
    if (!isObject(body) || typeof body.stuck !== 'boolean') throw new VbmcInputError('the body must be {"stuck": true|false}');
    control.setStuckPower(request.params.id, body.stuck);
    return { id: request.params.id, stuck: body.stuck };
  });
}
