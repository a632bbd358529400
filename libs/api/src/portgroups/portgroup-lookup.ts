import type { PortgroupEntity, PortgroupRepository } from '@slipway/db';
import { InvalidUuidOrNameError, PortgroupNotFoundError } from '@slipway/errors';
import { canonicalUuid, isUuid } from '../common/identifiers';
import { isLogicalName } from '../ports/arg-values';

/** The portgroup a UUID or name designates (Ironic's get_rpc_portgroup), or PortgroupNotFound naming it as given. */
export async function findPortgroup(portgroups: PortgroupRepository, ident: string): Promise<PortgroupEntity> {
  let portgroup: PortgroupEntity | null;
  if (isUuid(ident)) portgroup = await portgroups.findByUuid(canonicalUuid(ident));
  else if (isLogicalName(ident)) portgroup = await portgroups.findByName(ident);
  else throw new InvalidUuidOrNameError({ name: ident });
  if (!portgroup) throw new PortgroupNotFoundError({ portgroup: ident });
  return portgroup;
}
