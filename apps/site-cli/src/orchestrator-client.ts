import type { DesignCreatedView, DesignSummaryView, LocatedValidationMessage, LocatedValidationStatus, SiteNodeView, TaskTreeView } from '@slipway/orchestrator';
import type { TaskView } from '@slipway/site';

// A small client for the orchestrator's REST API (/api/v1.0), as the CLI uses it.

/** An answer of the API that is not what was asked: the status and Drydock's error message. */
export class OrchestratorApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'OrchestratorApiError';
  }
}

export type DesignSummary = DesignSummaryView & Partial<Pick<DesignCreatedView, 'document_count' | 'warnings'>>;
export type ValidationMessage = LocatedValidationMessage;
export type ValidationStatus = LocatedValidationStatus;
/** `GET /tasks/{id}?layers=-1`: the task and its descendants by id, and `init_task_id`. */
export type TaskTree = TaskTreeView;
export type SiteNode = SiteNodeView;

export interface TaskFilter {
  node_names?: string[];
  rack_names?: string[];
  node_labels?: Record<string, string>;
  hardware_profiles?: string[];
}

type Body = { json: unknown } | { yaml: string };

export class OrchestratorClient {
  private readonly authorization?: string;
  private readonly fetcher: typeof fetch;

  constructor(
    readonly baseUrl: string,
    options: { user?: string; fetch?: typeof fetch } = {},
  ) {
    if (options.user !== undefined) this.authorization = `Basic ${Buffer.from(options.user).toString('base64')}`;
    this.fetcher = options.fetch ?? fetch;
  }

  createDesign(name: string, source: { yaml: string } | { href: string }): Promise<DesignSummary> {
    if ('yaml' in source) return this.call('POST', `/designs?name=${encodeURIComponent(name)}`, [201], { yaml: source.yaml });
    return this.call('POST', '/designs', [201], { json: { name, href: source.href } });
  }

  listDesigns(): Promise<DesignSummary[]> {
    return this.call('GET', '/designs', [200]);
  }

  /** Both answers of a validation are statuses: 200 valid, 400 not. */
  validate(source: { yaml: string } | { href: string }): Promise<ValidationStatus> {
    return this.call('POST', '/validatedesign', [200, 400], 'yaml' in source ? source : { json: { href: source.href } }, (body) => isStatus(body));
  }

  createTask(action: string, designRef: string, nodeFilter: TaskFilter | null): Promise<TaskView> {
    return this.call('POST', '/tasks', [201], { json: { action, design_ref: designRef, node_filter: nodeFilter } });
  }

  task(id: string): Promise<TaskView> {
    return this.call('GET', `/tasks/${encodeURIComponent(id)}`, [200]);
  }

  /** The task and every task below it. */
  taskTree(id: string): Promise<TaskTree> {
    return this.call('GET', `/tasks/${encodeURIComponent(id)}?layers=-1`, [200]);
  }

  listTasks(options: { topLevel: boolean; limit: number }): Promise<TaskView[]> {
    return this.call('GET', `/tasks?limit=${options.limit}${options.topLevel ? '&top_level=true' : ''}`, [200]);
  }

  terminateTask(id: string): Promise<TaskView> {
    return this.call('POST', `/tasks/${encodeURIComponent(id)}/terminate`, [202]);
  }

  nodes(designRef?: string): Promise<SiteNode[]> {
    return this.call('GET', `/nodes${designRef === undefined ? '' : `?design_ref=${encodeURIComponent(designRef)}`}`, [200]);
  }

  private async call<T>(method: string, path: string, expected: number[], body?: Body, accept: (body: unknown) => boolean = () => true): Promise<T> {
    const url = `${this.baseUrl}/api/v1.0${path}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.authorization) headers.authorization = this.authorization;
    if (body !== undefined) headers['content-type'] = 'json' in body ? 'application/json' : 'application/x-yaml';
    let response: Response;
    try {
      response = await this.fetcher(url, { method, headers, body: body === undefined ? undefined : 'json' in body ? JSON.stringify(body.json) : body.yaml });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new OrchestratorApiError(0, `cannot reach the orchestrator at ${this.baseUrl}: ${cause?.code === 'ECONNREFUSED' ? 'connection refused' : (cause?.message ?? (error as Error).message)}`);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new OrchestratorApiError(response.status, `${method} ${path}: HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
    if (expected.includes(response.status) && accept(parsed)) return parsed as T;
    throw new OrchestratorApiError(response.status, `${method} ${path}: HTTP ${response.status}: ${errorMessageOf(parsed) ?? text.slice(0, 200)}`, parsed);
  }
}

function isStatus(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'Status';
}

/** The message of Drydock's error body, or of Ironic's (a route the orchestrator does not serve). */
function errorMessageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { message, error_message: ironic } = body as { message?: unknown; error_message?: unknown };
  if (typeof message === 'string') return message;
  if (typeof ironic === 'string') {
    try {
      return (JSON.parse(ironic) as { faultstring?: string }).faultstring ?? ironic;
    } catch {
      return ironic;
    }
  }
  return undefined;
}
