/** Seconds the agent may go without a heartbeat (Ironic's [api]ramdisk_heartbeat_timeout default). */
export const RAMDISK_HEARTBEAT_TIMEOUT_SECONDS = 300;

/**
 * The `config` of a lookup answer: what Ironic 2023.1 sends the agent with its default settings
 * (metrics off, the image formats it accepts), and the agent token.
 */
export function lookupConfig(token: string | null): Record<string, unknown> {
  return {
    metrics: { backend: 'noop', prepend_host: false, prepend_uuid: false, prepend_host_reverse: true, global_prefix: null },
    metrics_statsd: { statsd_host: 'localhost', statsd_port: 8125 },
    heartbeat_timeout: RAMDISK_HEARTBEAT_TIMEOUT_SECONDS,
    agent_token: token,
    agent_token_required: true,
    disable_deep_image_inspection: false,
    permitted_image_formats: ['raw', 'qcow2', 'iso'],
    enable_bios_bootloader_install: true,
  };
}
