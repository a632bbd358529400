import type { SiteTaskRepository } from '@slipway/db';
import { strictFake } from '@slipway/testing';
import type { DesignLookupService } from '../designs/design-lookup.service';
import { SiteTaskEngineUnavailableError } from '../errors/site-task.error';
import { SiteTasksService } from './site-tasks.service';

// Small test: a process without a task engine refuses to create tasks before storing anything.
describe('SiteTasksService without a task engine', () => {
  const clock = { now: () => new Date('2030-01-01T00:00:00Z') };
  const service = new SiteTasksService(strictFake<SiteTaskRepository>('tasks', {}), strictFake<DesignLookupService>('designs', {}), clock);

  it('answers 503 (retryable) to a valid request, touching neither designs nor tasks', async () => {
    const attempt = service.create({ action: 'deploy_nodes', design_ref: 'lab' }, null);
    await expect(attempt).rejects.toBeInstanceOf(SiteTaskEngineUnavailableError);
    await expect(attempt).rejects.toMatchObject({ httpStatus: 503, retryable: true });
  });

  it('still checks the request first', async () => {
    await expect(service.create({ action: 'dance', design_ref: 'lab' }, null)).rejects.toMatchObject({ httpStatus: 400, message: expect.stringContaining('Unsupported action dance') });
  });
});
