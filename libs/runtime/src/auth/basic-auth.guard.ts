import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { NotAuthorizedError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { Htpasswd } from './htpasswd';
import { PUBLIC_ENDPOINT } from './public-endpoint.decorator';
import { setRequestUser } from './request-user';

/** HTTP Basic against the htpasswd file (SLIPWAY_AUTH_STRATEGY=http_basic); 401 otherwise. */
@Injectable()
export class BasicAuthGuard implements CanActivate {
  private readonly log = getLogger('BasicAuthGuard');

  constructor(
    private readonly htpasswd: Htpasswd,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ENDPOINT, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const credentials = basicCredentials(request.headers.authorization);
    if (!credentials) throw new NotAuthorizedError();
    if (!(await this.htpasswd.verify(credentials.user, credentials.password))) {
      this.log.info({ user: credentials.user, url: request.url }, 'rejected credentials');
      throw new NotAuthorizedError('Invalid credentials');
    }
    setRequestUser(request, credentials.user);
    return true;
  }
}

function basicCredentials(header: string | undefined): { user: string; password: string } | undefined {
  const match = header && /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  return separator > 0 ? { user: decoded.slice(0, separator), password: decoded.slice(separator + 1) } : undefined;
}
