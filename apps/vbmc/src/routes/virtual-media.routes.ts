import { clonePathFor } from '../clone-rewriter';
import { checkIfMatch, etagOf } from '../etag';
import { CloneRole } from '../system-template';
import { ejectMedia, insertMedia, patchMedia } from '../virtual-media';
import { CloneHandler, noContent, resource } from './replies';

type ActionRole = Extract<CloneRole, { kind: 'action' }>;

export const insertMediaRoute: CloneHandler<ActionRole> = (request, target, _ctx, role) => {
  insertMedia(target.clone.state, role.resource, clonePathFor(target.clone, role.resource), request.body);
  return noContent();
};

export const ejectMediaRoute: CloneHandler<ActionRole> = (request, target, _ctx, role) => {
  ejectMedia(target.clone.state, role.resource, request.body);
  return noContent();
};

export const patchMediaRoute: CloneHandler = (request, target, ctx) => {
  const current = ctx.renderer.render(target)!;
  checkIfMatch(request.headers['if-match'], etagOf(current), request.path);
  patchMedia(target.clone.state, target.key, request.path, current, request.body);
  return resource(ctx.renderer.render(target)!);
};
