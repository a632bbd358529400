import type { DesignData } from '../ingest/design-schemas';
import type { Network } from '../model/site-design';

type RouteData = NonNullable<DesignData<'Network'>['routes']>[number];

/** A network as built, with the routes it has to routedomains (a gateway, no subnet). */
export interface NetworkWithDomainRoutes {
  network: Network;
  domainRoutes: Array<RouteData & { routedomain: string }>;
}

export function domainRoutesOf(data: DesignData<'Network'>): NetworkWithDomainRoutes['domainRoutes'] {
  return (data.routes ?? []).flatMap((route) => (route.subnet === undefined && route.routedomain !== undefined ? [{ ...route, routedomain: route.routedomain }] : []));
}

/**
 * Drydock's render_route_domains (done on every design load, before validation): a network with a
 * route to a routedomain gets, through that route's gateway, a route to the CIDR of every network
 * in the domain but its own. The domain routes themselves stand for these and are not kept. Drydock
 * also skipped a domain route without a metric; here the metric is optional, as on other routes.
 */
export function renderRouteDomains(networks: readonly NetworkWithDomainRoutes[]): void {
  const domains = new Map<string, string[]>();
  for (const { network } of networks) {
    if (network.routedomain !== undefined) domains.set(network.routedomain, [...(domains.get(network.routedomain) ?? []), network.cidr]);
  }
  for (const { network, domainRoutes } of networks) {
    for (const [domain, cidrs] of domains) {
      const route = domainRoutes.find((candidate) => candidate.routedomain === domain);
      if (route?.gateway === undefined) continue;
      for (const cidr of cidrs) {
        if (cidr === network.cidr) continue;
        network.routes.push(route.metric === undefined ? { subnet: cidr, gateway: route.gateway } : { subnet: cidr, gateway: route.gateway, metric: route.metric });
      }
    }
  }
}
