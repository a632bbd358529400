/**
 * Drydock's error body: `{type: "error", message, retry}`. `extra` adds machine-readable detail
 * beside it (the problems of a refused design), which Drydock clients ignore.
 */
export function drydockErrorBody(message: string, retry: boolean, extra: Record<string, unknown> = {}) {
  return { type: 'error', message, retry, ...extra };
}
