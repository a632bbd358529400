import { JsonObject, stringList } from './json';
import { RedfishErrors } from './redfish-error';
import { oneOf } from './request-body';
import { Indicator } from './system-state';

const LED_STATES = ['Lit', 'Blinking', 'Off'];

/** The indicator after a PATCH (IndicatorLED and/or LocationIndicatorActive), validated; undefined when the PATCH has neither. */
export function patchIndicator(current: Indicator | undefined, doc: JsonObject, patch: JsonObject): Indicator | undefined {
  if (!('IndicatorLED' in patch) && !('LocationIndicatorActive' in patch)) return undefined;
  const next: Indicator = { ...current };
  if ('IndicatorLED' in patch) next.led = oneOf(patch.IndicatorLED, stringList(doc['IndicatorLED@Redfish.AllowableValues']) ?? LED_STATES, 'IndicatorLED');
  if ('LocationIndicatorActive' in patch) {
    if (typeof patch.LocationIndicatorActive !== 'boolean') throw RedfishErrors.propertyValueTypeError(patch.LocationIndicatorActive, 'LocationIndicatorActive');
    next.active = patch.LocationIndicatorActive;
  }
  return next;
}

export function presentIndicator(doc: JsonObject, indicator: Indicator | undefined): void {
  if (indicator?.led !== undefined) doc.IndicatorLED = indicator.led;
  if (indicator?.active !== undefined) doc.LocationIndicatorActive = indicator.active;
}
