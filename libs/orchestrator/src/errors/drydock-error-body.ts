/** Drydock's error body: `{type: "error", message, retry}`. */
export function drydockErrorBody(message: string, retry: boolean) {
  return { type: 'error', message, retry };
}
