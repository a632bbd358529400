import { Inject, Injectable } from '@nestjs/common';
import { ConductorRepository } from '@slipway/db';
import { DriverNotFoundError, NotAcceptableError, NotFoundError, UnsupportedDriverExtensionError } from '@slipway/errors';
import { driverProperties, driverRaidLogicalDiskProperties, RpcTransport } from '@slipway/rpc';
import { RPC_TRANSPORT } from '@slipway/runtime';
import { HEARTBEAT_TIMEOUT_SECONDS } from '../conductors/heartbeat-timeout';
import { CONDUCTOR_ROUTER, ConductorRouter } from '../routing/conductor-router';
import { parseDriverFields, parseDriverListQuery, RawQuery } from './driver-list-query';
import { ActiveHardwareType, driverView } from './driver.view';

export interface DriverRequestContext {
  baseUrl: string;
  minor: number;
}

const RAID_MIN_MINOR = 12;

/**
 * The drivers endpoints. Drivers are the hardware types live conductors registered, read from the
 * database on each request; their properties come from a conductor serving the type, over RPC
 * (the api never loads a driver).
 */
@Injectable()
export class DriversService {
  constructor(
    private readonly conductors: ConductorRepository,
    @Inject(HEARTBEAT_TIMEOUT_SECONDS) private readonly heartbeatTimeoutSeconds: number,
    @Inject(CONDUCTOR_ROUTER) private readonly router: ConductorRouter,
    @Inject(RPC_TRANSPORT) private readonly rpc: RpcTransport,
  ) {}

  async list(raw: RawQuery, context: DriverRequestContext): Promise<{ drivers: Record<string, unknown>[] }> {
    const query = parseDriverListQuery(raw, context.minor);
    const active = query.classicOnly ? [] : await this.activeHardwareTypes();
    const rows = query.detail && context.minor >= 30 && active.length > 0 ? await this.interfaceRows(active.map((driver) => driver.name)) : [];
    const drivers = active.map((driver) =>
      driverView(driver, { ...context, fields: query.fields, interfaces: query.detail ? rows.filter((row) => row.hardwareType === driver.name) : undefined }),
    );
    return { drivers };
  }

  async show(name: string, rawFields: string | string[] | undefined, context: DriverRequestContext): Promise<Record<string, unknown>> {
    const fields = parseDriverFields(rawFields, context.minor);
    const driver = (await this.activeHardwareTypes()).find((candidate) => candidate.name === name);
    if (driver === undefined) throw new DriverNotFoundError({ driverName: name });
    return driverView(driver, { ...context, fields, interfaces: context.minor >= 30 ? await this.interfaceRows([name]) : undefined });
  }

  /** The driver_info keys the hardware type reads, from any conductor serving it. */
  async properties(name: string): Promise<Record<string, string>> {
    const host = await this.router.anyConductorFor(name);
    return this.rpc.call(host, driverProperties, { driverName: name });
  }

  /** What a logical disk of a RAID configuration may hold for this hardware type (1.12). */
  async raidLogicalDiskProperties(name: string, context: DriverRequestContext): Promise<Record<string, string>> {
    if (context.minor < RAID_MIN_MINOR) throw new NotAcceptableError('Request not acceptable.');
    const host = await this.router.anyConductorFor(name);
    try {
      return await this.rpc.call(host, driverRaidLogicalDiskProperties, { driverName: name });
    } catch (error) {
      // RAID is optional for a hardware type: Ironic answers 404 rather than 400 here.
      if (error instanceof UnsupportedDriverExtensionError) throw new NotFoundError(error.message);
      throw error;
    }
  }

  /** Hardware types with at least one live conductor, by name; each with its hosts. */
  private async activeHardwareTypes(): Promise<ActiveHardwareType[]> {
    const hosts = new Map<string, string[]>();
    for (const conductor of await this.conductors.listLive(this.heartbeatTimeoutSeconds)) {
      for (const hardwareType of conductor.hardwareTypes) hosts.set(hardwareType, [...(hosts.get(hardwareType) ?? []), conductor.hostname]);
    }
    return [...hosts.entries()].map(([name, hostnames]) => ({ name, hosts: hostnames.sort() })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private interfaceRows(hardwareTypes: string[]) {
    return this.conductors.listLiveInterfaces(hardwareTypes, this.heartbeatTimeoutSeconds);
  }
}
