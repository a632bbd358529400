import type { RedfishConnection, RedfishResponse } from '../redfish-connection';
import { RedfishNotFoundError } from '../redfish-errors';
import { type FieldMap, type FieldValues, type Json } from './fields';

/** What a resource is built from: the connection it came through, its path, and the GET answer. */
export interface ResourceInit {
  readonly connection: RedfishConnection;
  /** The path it was read from, exactly as linked (`@odata.id`); never normalised. */
  readonly path: string;
  readonly response: RedfishResponse<unknown>;
}

/** Builds a typed resource from a GET answer. */
export type ResourceFactory<R> = (init: ResourceInit) => R;

/**
 * One Redfish resource: its path, its JSON, its ETag, and lazily loaded sub-resources. Reading
 * is synchronous on the JSON last fetched; `refresh()` fetches it again. Writes mark the resource
 * stale, and the next write that needs an ETag refreshes first (sushy's invalidate).
 */
export class Resource {
  readonly connection: RedfishConnection;
  readonly path: string;
  private response: RedfishResponse<unknown>;
  private readonly children = new Map<string, Promise<unknown>>();
  private stale = false;

  constructor(init: ResourceInit) {
    this.connection = init.connection;
    this.path = init.path;
    this.response = init.response;
  }

  /** The JSON body (an empty object when the BMC sent none or not an object). */
  get json(): Json {
    const body = this.response.body;
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Json) : {};
  }

  /** The ETag to send back on a write: the ETag header, else `@odata.etag` in the body. */
  get etag(): string | undefined {
    const fromBody = this.json['@odata.etag'];
    return this.response.etag ?? (typeof fromBody === 'string' ? fromBody : undefined);
  }

  /** The answer's headers (lower-case names), e.g. `allow` to learn whether PATCH is accepted. */
  get headers(): Readonly<Record<string, string | undefined>> {
    return this.response.headers;
  }

  /** `@odata.id` as the body states it (may differ in case or trailing slash from `path`). */
  get odataId(): string | undefined {
    const id = this.json['@odata.id'];
    return typeof id === 'string' ? id : undefined;
  }

  /** Fetches the resource again; sub-resources are fetched again when next asked for. */
  async refresh(): Promise<this> {
    this.response = await this.connection.get<unknown>(this.path);
    this.children.clear();
    this.stale = false;
    return this;
  }

  /** Marks the JSON as out of date after a write; the next `freshEtag()` refreshes first. */
  invalidate(): void {
    this.stale = true;
    this.children.clear();
  }

  /** The ETag for a write, refreshed first when a previous write made it stale. */
  async freshEtag(): Promise<string | undefined> {
    if (this.stale) await this.refresh();
    return this.etag;
  }

  /**
   * The sub-resource at `path` (loaded once, until refresh/invalidate), or undefined when there
   * is no link. A link to a missing resource is an error (RedfishNotFoundError); callers that
   * must tolerate trimmed trees use `optional()`.
   */
  protected follow<R>(path: string | undefined, make: ResourceFactory<R>): Promise<R | undefined> {
    if (path === undefined) return Promise.resolve(undefined);
    const key = path;
    let child = this.children.get(key) as Promise<R> | undefined;
    if (!child) {
      child = load(this.connection, path, make);
      this.children.set(key, child);
      child.catch(() => this.children.delete(key));
    }
    return child;
  }

  /** Several linked resources, in order; those answering 404 are skipped. */
  protected async followAll<R>(paths: readonly string[], make: ResourceFactory<R>): Promise<R[]> {
    const loaded = await Promise.all(paths.map((path) => optional(this.follow(path, make))));
    return loaded.filter((item): item is Awaited<R> => item !== undefined) as R[];
  }
}

/** GETs `path` and builds the typed resource from the answer. */
export async function load<R>(connection: RedfishConnection, path: string, make: ResourceFactory<R>): Promise<R> {
  return make({ connection, path, response: await connection.get<unknown>(path) });
}

/** A resource's promise with 404 read as "not there": undefined. Other errors pass on. */
export async function optional<R>(pending: Promise<R | undefined>): Promise<R | undefined> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof RedfishNotFoundError) return undefined;
    throw error;
  }
}

/** A resource class constructor (as `withFields` returns it). */
export type ResourceClass<R extends Resource> = abstract new (init: ResourceInit) => R;

/**
 * A resource base class with the fields of `fields` as read-only properties, read from the JSON
 * on each access (so they follow `refresh()`): `class Processor extends withFields(Resource, {...})`.
 */
export function withFields<R extends Resource, F extends FieldMap>(Base: ResourceClass<R>, fields: F): ResourceClass<R & FieldValues<F>> {
  abstract class Mapped extends (Base as ResourceClass<Resource>) {}
  for (const [name, item] of Object.entries(fields)) {
    Object.defineProperty(Mapped.prototype, name, {
      get(this: Resource) {
        return item.read(this.json);
      },
      enumerable: true,
      configurable: true,
    });
  }
  return Mapped as unknown as ResourceClass<R & FieldValues<F>>;
}
