import type { FirmwareComponentEntity } from '@slipway/db';
import { ironicTimestamp } from '../common/ironic-time';

/** What a component shows by default and with `detail` at 1.86 (vendor, model and serial came in 1.114). */
export const FIRMWARE_DEFAULT_FIELDS = ['component', 'initial_version', 'current_version', 'last_version_flashed'] as const;
/** What `fields=` may name. */
export const FIRMWARE_SELECTABLE_FIELDS: readonly string[] = ['created_at', 'updated_at', ...FIRMWARE_DEFAULT_FIELDS];

const VALUES: Record<string, (component: FirmwareComponentEntity) => unknown> = {
  created_at: (c) => ironicTimestamp(c.createdAt),
  updated_at: (c) => ironicTimestamp(c.updatedAt),
  component: (c) => c.component,
  initial_version: (c) => c.initialVersion,
  current_version: (c) => c.currentVersion,
  last_version_flashed: (c) => c.lastVersionFlashed,
};

/** A component as Ironic builds it: timestamps first, then the fields in the order asked; no uuid, no links. */
export function firmwareComponentView(component: FirmwareComponentEntity, fields: readonly string[]): Record<string, unknown> {
  const view: Record<string, unknown> = { created_at: VALUES.created_at(component), updated_at: VALUES.updated_at(component) };
  for (const name of fields) if (name in VALUES && !(name in view)) view[name] = VALUES[name](component);
  return view;
}
