/**
 * Token of the platform catalog (`PlatformCatalog`: image → kernels) the orchestrator validates
 * designs against (rule DD3001). Optional: without one, DD3001 warns and checks nothing, as
 * Drydock does without a node driver.
 */
export const SITE_PLATFORM_CATALOG = Symbol('SITE_PLATFORM_CATALOG');
