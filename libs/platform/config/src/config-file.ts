import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { maskUrlsInText } from './mask-url';
import type { Setting } from './setting';

export interface ConfigFileContent {
  /** Values by dotted key, only for keys of the catalogue. */
  values: Map<string, unknown>;
  problems: string[];
}

/**
 * Reads the config file and flattens it to dotted keys. Keys outside the catalogue are problems
 * (a typo must not be ignored silently); the file's own location cannot be set inside it.
 */
export function readConfigFile(path: string, catalogue: readonly Setting[], readFile: (path: string) => string): ConfigFileContent {
  const content: ConfigFileContent = { values: new Map(), problems: [] };
  let text: string;
  try {
    text = readFile(path);
  } catch (err) {
    content.problems.push(`SLIPWAY_CONFIG_FILE (config file) ${path}: cannot be read: ${reasonOf(err)}`);
    return content;
  }
  let document: unknown;
  try {
    document = extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    const format = extname(path).toLowerCase() === '.json' ? 'JSON' : 'YAML';
    content.problems.push(`${path}: not valid ${format}: ${maskUrlsInText(reasonOf(err).split('\n')[0] ?? '')}`);
    return content;
  }
  if (document === null || document === undefined) return content; // an empty file sets nothing
  if (!isMapping(document)) {
    content.problems.push(`${path}: expected a mapping of settings at the top level, got ${describeType(document)}`);
    return content;
  }
  const keys = new Map(catalogue.map((setting) => [setting.key, setting]));
  flatten(document, '', path, keys, content);
  return content;
}

function flatten(node: Record<string, unknown>, prefix: string, path: string, keys: Map<string, Setting>, content: ConfigFileContent): void {
  for (const [name, value] of Object.entries(node)) {
    const key = prefix === '' ? name : `${prefix}.${name}`;
    const setting = keys.get(key);
    if (setting?.env === 'SLIPWAY_CONFIG_FILE') {
      content.problems.push(`${path}: key "${key}" cannot be set in the config file, only with SLIPWAY_CONFIG_FILE`);
    } else if (setting !== undefined) {
      if (value !== null) content.values.set(key, value); // `key: ~` leaves the setting unset
    } else if ([...keys.keys()].some((known) => known.startsWith(`${key}.`))) {
      if (isMapping(value)) flatten(value, key, path, keys, content);
      else content.problems.push(`${path}: key "${key}" must be a mapping of settings (${childKeys(key, keys)}), got ${describeType(value)}`);
    } else {
      const suggestion = closestKey(key, [...keys.keys()]);
      content.problems.push(`${path}: unknown key "${key}"${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}`);
    }
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(value: unknown): string {
  return Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`;
}

function childKeys(prefix: string, keys: Map<string, Setting>): string {
  return [...keys.keys()].filter((key) => key.startsWith(`${prefix}.`)).join(', ');
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The known key nearest to a misspelt one, when it is close enough to be a typo. */
function closestKey(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
