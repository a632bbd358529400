import { patchBiosSettings, resetBios } from '../bios';
import { checkIfMatch, etagOf } from '../etag';
import { RedfishErrors } from '../redfish-error';
import { patchSecureBoot, resetKeys } from '../secure-boot';
import { CloneRole } from '../system-template';
import { CloneHandler, noContent, resource } from './replies';

export const patchBiosSettingsRoute: CloneHandler = (request, target, ctx) => {
  checkIfMatch(request.headers['if-match'], etagOf(ctx.renderer.render(target)!), request.path);
  patchBiosSettings(target.clone.state, request.body);
  return resource(ctx.renderer.render(target)!);
};

export const resetBiosRoute: CloneHandler = (request, target) => {
  resetBios(target.clone.state, request.body);
  return noContent();
};

/** BIOS passwords are not modelled; say so the way a BMC without the feature does. */
export const changeBiosPassword: CloneHandler = () => {
  throw RedfishErrors.actionNotSupported('Bios.ChangePassword');
};

export const patchSecureBootRoute: CloneHandler = (request, target, ctx) => {
  const current = ctx.renderer.render(target)!;
  checkIfMatch(request.headers['if-match'], etagOf(current), request.path);
  patchSecureBoot(target.clone.state, current, request.body);
  return resource(ctx.renderer.render(target)!);
};

export const resetSecureBootKeys: CloneHandler<Extract<CloneRole, { kind: 'action' }>> = (request, target, ctx, role) => {
  resetKeys(ctx.renderer.render({ clone: target.clone, key: role.resource })!, request.body);
  return noContent();
};
