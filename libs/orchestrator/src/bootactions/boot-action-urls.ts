import type { Provider } from '@nestjs/common';
import { APP_CONFIG } from '@slipway/runtime';
import { API_PREFIX } from '../http/api-prefix';

/** `<public URL>/api/v1.0/bootactions`: where deployed nodes fetch their assets and report. */
export const BOOT_ACTION_BASE_URL = Symbol('BOOT_ACTION_BASE_URL');

interface ListenerConfig {
  host?: string;
  port?: number;
}

/**
 * SLIPWAY_ORCHESTRATOR_PUBLIC_URL, else the address the orchestrator API listens on (the api's in
 * standalone, where they share a listener). Nodes must reach it: a loopback or wildcard listen
 * address is only right for tests on one machine.
 */
export function bootActionBaseUrl(config: unknown): string {
  const app = (config ?? {}) as { siteTasks?: { publicUrl?: string }; orchestrator?: ListenerConfig; api?: ListenerConfig };
  const listener = app.orchestrator ?? app.api ?? {};
  const base = app.siteTasks?.publicUrl ?? `http://${listener.host ?? '127.0.0.1'}:${listener.port ?? 9000}`;
  return `${base.replace(/\/+$/, '')}${API_PREFIX}/bootactions`;
}

export const bootActionBaseUrlProvider: Provider = {
  provide: BOOT_ACTION_BASE_URL,
  inject: [{ token: APP_CONFIG, optional: true }],
  useFactory: (config?: unknown) => bootActionBaseUrl(config),
};

/** What a node is told about its boot actions: where to fetch them and where to report each. */
export function bootActionUrls(base: string, node: string) {
  return {
    units: `${base}/nodes/${encodeURIComponent(node)}/units`,
    files: `${base}/nodes/${encodeURIComponent(node)}/files`,
    report: (actionId: string) => `${base}/${actionId}`,
  };
}
