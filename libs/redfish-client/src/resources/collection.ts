import { RedfishNotFoundError } from '../redfish-errors';
import { operationApplyTimeSupportField, type OperationApplyTimeSupport } from './common-fields';
import { links, str } from './fields';
import { Resource, type ResourceFactory, type ResourceInit } from './resource';

const memberPaths = links('Members');
const name = str('Name');
const applyTimeSupport = operationApplyTimeSupportField();

/**
 * A Redfish collection of typed members. Member paths are used as the BMC gives them; `members()`
 * skips members that answer 404 (trimmed mockups, BMCs listing what they no longer serve).
 */
export class ResourceCollection<R> extends Resource {
  constructor(
    init: ResourceInit,
    private readonly make: ResourceFactory<R>,
  ) {
    super(init);
  }

  /** A factory for collections of `make`'s resources, for `follow()` and `load()`. */
  static of<R>(make: ResourceFactory<R>): ResourceFactory<ResourceCollection<R>> {
    return (init) => new ResourceCollection(init, make);
  }

  get name(): string | undefined {
    return name.read(this.json);
  }

  /** The members' paths, in the BMC's order, as given. */
  get memberPaths(): readonly string[] {
    return memberPaths.read(this.json);
  }

  /** When create/delete on this collection may take effect (volumes), if the BMC says. */
  get operationApplyTimeSupport(): OperationApplyTimeSupport | undefined {
    return applyTimeSupport.read(this.json);
  }

  /** Every member that exists. */
  members(): Promise<R[]> {
    return this.followAll(this.memberPaths, this.make);
  }

  /**
   * One member by its path or by its id (the last path segment). Ids and paths compare without
   * case and trailing slash, the way iLO matches them; the member is then read at its listed path.
   */
  async member(idOrPath: string): Promise<R> {
    const wanted = comparable(idOrPath);
    const found = this.memberPaths.find((path) => comparable(path) === wanted || comparable(lastSegment(path)) === wanted);
    if (found === undefined) throw new RedfishNotFoundError('GET', this.connection.url(idOrPath.startsWith('/') ? idOrPath : `${this.path.replace(/\/$/, '')}/${idOrPath}`), 404, [`${this.path} has no member ${idOrPath}.`]);
    return (await this.follow(found, this.make)) as R;
  }

  /** The members' ids (last path segments), for messages naming what is there. */
  get memberIds(): string[] {
    return this.memberPaths.map(lastSegment);
  }
}

/** The last segment of a path, trailing slash ignored: `/redfish/v1/Systems/1/` → `1`. */
export function lastSegment(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function comparable(path: string): string {
  return path.replace(/\/+$/, '').toLowerCase();
}
