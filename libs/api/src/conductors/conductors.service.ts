import { Inject, Injectable } from '@nestjs/common';
import { ConductorRepository } from '@slipway/db';
import { ConductorNotFoundError } from '@slipway/errors';
import { nextLink } from '../common/pagination';
import { single } from '../common/query-values';
import { checkConductorsVisible, checkLogicalName, parseConductorListQuery, RawQuery } from './conductor-list-query';
import { conductorView } from './conductor.view';
import { parseStringList } from './field-selection';
import { HEARTBEAT_TIMEOUT_SECONDS } from './heartbeat-timeout';

export interface ConductorRequestContext {
  baseUrl: string;
  minor: number;
}

/** Reads of `GET /v1/conductors[/{hostname}]`: every registered conductor, alive or not. */
@Injectable()
export class ConductorsService {
  constructor(
    private readonly conductors: ConductorRepository,
    @Inject(HEARTBEAT_TIMEOUT_SECONDS) private readonly heartbeatTimeoutSeconds: number,
  ) {}

  async list(raw: RawQuery, context: ConductorRequestContext): Promise<{ conductors: Record<string, unknown>[]; next?: string }> {
    const query = parseConductorListQuery(raw, context.minor);
    const page = await this.conductors.list({
      limit: query.limit,
      marker: query.marker,
      sortKey: query.sortKey,
      sortDir: query.sortDir,
      heartbeatTimeoutSeconds: this.heartbeatTimeoutSeconds,
      detail: true,
    });
    const body: { conductors: Record<string, unknown>[]; next?: string } = {
      conductors: page.map((conductor) => conductorView(conductor, context.baseUrl, query.fields)),
    };
    if (page.length === query.limit && page.length > 0) {
      // Ironic's next link carries the sort, `detail` if given (as Python prints a bool) and the
      // fields shown, whether or not the request named them.
      const echoed: Record<string, string | undefined> = { sort_key: query.sortKeyName, sort_dir: query.sortDir };
      if (query.detail !== undefined) echoed.detail = query.detail ? 'True' : 'False';
      if (query.fields?.length) echoed.fields = query.fields.join(',');
      body.next = nextLink(context.baseUrl, 'conductors', echoed, query.limit, page[page.length - 1].hostname);
    }
    return body;
  }

  async show(hostname: string, rawFields: string | string[] | undefined, context: ConductorRequestContext): Promise<Record<string, unknown>> {
    checkLogicalName('hostname', hostname);
    const fields = parseStringList(single(rawFields));
    checkConductorsVisible(context.minor, fields);
    const conductor = await this.conductors.get(hostname, this.heartbeatTimeoutSeconds);
    if (conductor === null) throw new ConductorNotFoundError({ conductor: hostname });
    return conductorView(conductor, context.baseUrl, fields);
  }
}
