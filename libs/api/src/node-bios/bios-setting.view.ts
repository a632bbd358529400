import type { BiosSettingEntity } from '@slipway/db';
import { ironicTimestamp } from '../common/ironic-time';
import { resourceLinks } from '../common/links';

/** What a setting shows without `detail` (and what every version before 1.74 shows). */
export const BIOS_DEFAULT_FIELDS = ['name', 'value'] as const;
/** With the registry metadata (API 1.74). */
export const BIOS_REGISTRY_FIELDS = [
  'name', 'value', 'attribute_type', 'allowable_values', 'lower_bound', 'max_length', 'min_length', 'read_only', 'reset_required', 'unique', 'upper_bound',
] as const;
/** What `fields=` may name. */
export const BIOS_SELECTABLE_FIELDS: readonly string[] = ['created_at', 'updated_at', ...BIOS_REGISTRY_FIELDS, 'links'];

const VALUES: Record<string, (setting: BiosSettingEntity) => unknown> = {
  created_at: (s) => ironicTimestamp(s.createdAt),
  updated_at: (s) => ironicTimestamp(s.updatedAt),
  name: (s) => s.name,
  value: (s) => s.value,
  attribute_type: (s) => s.attributeType,
  allowable_values: (s) => s.allowableValues ?? [],
  lower_bound: (s) => s.lowerBound,
  max_length: (s) => s.maxLength,
  min_length: (s) => s.minLength,
  read_only: (s) => s.readOnly,
  reset_required: (s) => s.resetRequired,
  unique: (s) => s.unique,
  upper_bound: (s) => s.upperBound,
};

/**
 * A setting as Ironic builds it: timestamps first, then the fields in the order asked, then links
 * under the node as the request named it (`nodeIdent`).
 */
export function biosSettingView(setting: BiosSettingEntity, baseUrl: string, nodeIdent: string, fields: readonly string[]): Record<string, unknown> {
  const view: Record<string, unknown> = { created_at: VALUES.created_at(setting), updated_at: VALUES.updated_at(setting) };
  for (const name of fields) if (name in VALUES && !(name in view)) view[name] = VALUES[name](setting);
  view.links = resourceLinks(baseUrl, `nodes/${nodeIdent}/bios/${setting.name}`);
  return view;
}
