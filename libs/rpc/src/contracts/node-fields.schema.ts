import { z } from 'zod';

// The node fields a client may set (POST /v1/nodes, PATCH), in Ironic's snake_case API names.
// The api has already checked them against the request's microversion; the conductor validates
// them again here, because every caller of a use-case hands it a validated object.

const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => text(max).nullable();
const jsonObject = z.record(z.string(), z.unknown());

export const NODE_INTERFACE_FIELDS = [
  'bios_interface', 'boot_interface', 'console_interface', 'deploy_interface', 'firmware_interface', 'inspect_interface', 'management_interface',
  'network_interface', 'power_interface', 'raid_interface', 'rescue_interface', 'storage_interface', 'vendor_interface',
] as const;

export const nodeWritableFields = z
  .object({
    uuid: z.guid(),
    name: nullableText(255),
    driver: text(255),
    driver_info: jsonObject,
    extra: jsonObject,
    instance_info: jsonObject,
    properties: jsonObject,
    network_data: jsonObject,
    instance_uuid: z.guid().nullable(),
    chassis_uuid: z.guid().nullable(),
    /** The parent's uuid (API >= 1.83): the api resolves a name and checks that the parent exists. */
    parent_node: z.guid().nullable(),
    description: nullableText(4096),
    resource_class: nullableText(80),
    conductor_group: text(255),
    owner: nullableText(255),
    lessee: nullableText(255),
    shard: nullableText(255),
    automated_clean: z.boolean().nullable(),
    maintenance: z.boolean(),
    maintenance_reason: nullableText(255),
    protected: z.boolean(),
    protected_reason: nullableText(255),
    retired: z.boolean(),
    retired_reason: nullableText(255),
    ...Object.fromEntries(NODE_INTERFACE_FIELDS.map((name) => [name, nullableText(255)])),
  })
  .partial()
  .strict();

export type NodeWritableFields = z.infer<typeof nodeWritableFields> & Partial<Record<(typeof NODE_INTERFACE_FIELDS)[number], string | null>>;
