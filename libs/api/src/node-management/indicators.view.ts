import { InvalidParameterValueError } from '@slipway/errors';
import { resourceLinks } from '../common/links';

/** An indicator in the path: `<name>@<component>` (Ironic's IndicatorAtComponent). */
export function parseIndicator(text: string): { component: string; name: string } {
  const at = text.indexOf('@');
  if (at < 0) throw new InvalidParameterValueError(`Malformed indicator name "${text}"`);
  return { name: text.slice(0, at), component: text.slice(at + 1) };
}

export interface ComponentIndicators {
  component: string;
  indicators: Array<{ name: string; readonly: boolean; states: string[] }>;
}

/** `GET .../management/indicators`: one entry per indicator, named `<name>@<component>`, with links. */
export function indicatorsView(ident: string, baseUrl: string, components: readonly ComponentIndicators[]): { indicators: Record<string, unknown>[] } {
  return {
    indicators: components.flatMap(({ component, indicators }) =>
      indicators.map((indicator) => {
        const name = `${indicator.name}@${component}`;
        return { name, component, readonly: indicator.readonly, states: indicator.states, links: resourceLinks(baseUrl, `nodes/${ident}/management/indicators/${name}`) };
      }),
    ),
  };
}
