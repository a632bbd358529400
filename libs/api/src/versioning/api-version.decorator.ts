import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { MIN_VERSION } from './api-version';
import { VersionedRequest } from './api-version.interceptor';

/** The negotiated microversion of the current request (set by ApiVersionInterceptor). */
export const RequestedVersion = createParamDecorator((_: unknown, context: ExecutionContext) => {
  return context.switchToHttp().getRequest<VersionedRequest>().apiVersion ?? MIN_VERSION;
});
