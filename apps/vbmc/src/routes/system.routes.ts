import { patchBoot } from '../boot-override';
import { checkIfMatch, etagOf } from '../etag';
import { patchIndicator } from '../indicator-led';
import { RedfishErrors } from '../redfish-error';
import { bodyObject, rejectUnwritable } from '../request-body';
import { CloneHandler, noContent, resource } from './replies';

/** GET of any clone resource. */
export const getCloneResource: CloneHandler = (request, target, ctx) => {
  const doc = ctx.renderer.render(target);
  if (!doc) throw RedfishErrors.notFound(request.path);
  return resource(doc);
};

/** PATCH System: Boot override and indicator, honouring If-Match. */
export const patchSystem: CloneHandler = (request, target, ctx) => {
  const current = ctx.renderer.render(target)!;
  checkIfMatch(request.headers['if-match'], etagOf(current), request.path);
  const patch = bodyObject(request.body);
  rejectUnwritable(patch, ['Boot', 'IndicatorLED', 'LocationIndicatorActive'], current);
  const state = target.clone.state;
  const indicator = patchIndicator(state.indicators.get(target.key), current, patch);
  if (patch.Boot !== undefined) patchBoot(state, target.clone.template.systemDoc.Boot, patch.Boot);
  if (indicator) state.indicators.set(target.key, indicator);
  return resource(ctx.renderer.render(target)!);
};

/** PATCH Chassis: only the indicator is writable. */
export const patchChassis: CloneHandler = (request, target, ctx) => {
  const current = ctx.renderer.render(target)!;
  checkIfMatch(request.headers['if-match'], etagOf(current), request.path);
  const patch = bodyObject(request.body);
  rejectUnwritable(patch, ['IndicatorLED', 'LocationIndicatorActive'], current);
  const indicator = patchIndicator(target.clone.state.indicators.get(target.key), current, patch);
  if (indicator) target.clone.state.indicators.set(target.key, indicator);
  return resource(ctx.renderer.render(target)!);
};

export const resetSystem: CloneHandler = (request, target, ctx) => {
  ctx.power.reset(target.clone, bodyObject(request.body));
  return noContent();
};
