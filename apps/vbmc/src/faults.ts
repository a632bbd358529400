import { isObject } from './json';
import { VbmcInputError } from './vbmc-input.error';

/** Faults to inject into Redfish answers (never into the /vbmc control API). */
export interface FaultSettings {
  /** Extra delay before every answer, on top of the CLI's --latency-ms. */
  latencyMs?: number;
  /** Answer with this status (e.g. 500, 503) instead of handling the request... */
  errorStatus?: number;
  /** ...for this share of requests (0..1; default 1 when errorStatus is set). */
  errorRate?: number;
  /** Share of requests (0..1) whose connection is destroyed without an answer. */
  dropRate?: number;
  /** Only requests for these systems (clone ids); default all requests. */
  systems?: string[];
  /** Retry-After header on injected errors. */
  retryAfterSeconds?: number;
}

export interface FaultDecision {
  latencyMs: number;
  drop: boolean;
  error?: { status: number; retryAfterSeconds?: number };
}

/** Validates a control-API fault body; every problem is reported at once. */
export function parseFaultSettings(body: unknown, systemId: (id: string) => string | undefined): FaultSettings {
  if (!isObject(body)) throw new VbmcInputError('the fault settings must be a JSON object');
  const problems: string[] = [];
  const settings: FaultSettings = {};
  const number = (name: 'latencyMs' | 'errorStatus' | 'errorRate' | 'dropRate' | 'retryAfterSeconds', min: number, max: number, integer: boolean) => {
    const value = body[name];
    if (value === undefined) return;
    if (typeof value !== 'number' || value < min || value > max || (integer && !Number.isInteger(value))) {
      problems.push(`${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${JSON.stringify(value)}`);
    } else settings[name] = value;
  };
  number('latencyMs', 0, 600_000, true);
  number('errorStatus', 400, 599, true);
  number('errorRate', 0, 1, false);
  number('dropRate', 0, 1, false);
  number('retryAfterSeconds', 0, 86_400, true);
  if (body.systems !== undefined) {
    if (!Array.isArray(body.systems) || body.systems.some((id) => typeof id !== 'string')) problems.push('systems must be a list of system ids');
    else {
      const unknown = (body.systems as string[]).filter((id) => !systemId(id));
      if (unknown.length) problems.push(`unknown systems: ${unknown.join(', ')}`);
      else settings.systems = (body.systems as string[]).map((id) => systemId(id)!);
    }
  }
  const known = ['latencyMs', 'errorStatus', 'errorRate', 'dropRate', 'systems', 'retryAfterSeconds'];
  for (const name of Object.keys(body)) if (!known.includes(name)) problems.push(`unknown setting ${name}`);
  if (settings.errorRate !== undefined && settings.errorStatus === undefined) problems.push('errorRate needs errorStatus');
  if (problems.length) throw new VbmcInputError(problems.join('; '));
  return settings;
}

/** Decides, per request, the latency and whether to fail or drop it. */
export class FaultInjector {
  private current: FaultSettings = {};
  private systems?: Set<string>;

  constructor(
    private readonly baseLatencyMs: number,
    private readonly random: () => number,
  ) {}

  get settings(): FaultSettings {
    return this.current;
  }

  set(settings: FaultSettings): void {
    this.current = settings;
    this.systems = settings.systems && new Set(settings.systems.map((id) => id.toLowerCase()));
  }

  clear(): void {
    this.set({});
  }

  decide(systemId: string | undefined): FaultDecision {
    const applies = !this.systems || (systemId !== undefined && this.systems.has(systemId.toLowerCase()));
    const faults = applies ? this.current : {};
    const latencyMs = this.baseLatencyMs + (faults.latencyMs ?? 0);
    const drop = (faults.dropRate ?? 0) > 0 && this.random() < faults.dropRate!;
    const failing = faults.errorStatus !== undefined && !drop && this.random() < (faults.errorRate ?? 1);
    return { latencyMs, drop, error: failing ? { status: faults.errorStatus!, retryAfterSeconds: faults.retryAfterSeconds } : undefined };
  }
}
