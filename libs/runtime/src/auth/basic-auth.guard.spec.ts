import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hashSync } from 'bcryptjs';
import type { FastifyRequest } from 'fastify';
import { NotAuthorizedError } from '@slipway/errors';
import { BasicAuthGuard } from './basic-auth.guard';
import { Htpasswd } from './htpasswd';
import { requestUser } from './request-user';

// Small test: the guard lets verified users through and notes who they are (tasks record it as created_by).
describe('BasicAuthGuard', () => {
  const guard = new BasicAuthGuard(Htpasswd.parse(`ops:${hashSync('secret', 4)}\n`, 'users.htpasswd'), new Reflector());
  class Controller {
    route(): void {}
  }
  const contextOf = (request: FastifyRequest) =>
    ({ getHandler: () => Controller.prototype.route, getClass: () => Controller, switchToHttp: () => ({ getRequest: () => request }) }) as unknown as ExecutionContext;
  const requestWith = (authorization?: string) => ({ headers: authorization === undefined ? {} : { authorization }, url: '/x' }) as FastifyRequest;

  it('notes the user of valid credentials on the request', async () => {
    const request = requestWith(`Basic ${Buffer.from('ops:secret').toString('base64')}`);
    await expect(guard.canActivate(contextOf(request))).resolves.toBe(true);
    expect(requestUser(request)).toBe('ops');
  });

  it('refuses wrong or missing credentials, noting nobody', async () => {
    for (const request of [requestWith(`Basic ${Buffer.from('ops:wrong').toString('base64')}`), requestWith()]) {
      await expect(guard.canActivate(contextOf(request))).rejects.toBeInstanceOf(NotAuthorizedError);
      expect(requestUser(request)).toBeNull();
    }
  });
});
