import { existsSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';

/** What plugins import their base classes from; the conductor lends them its own copy. */
export const FRAMEWORK_PACKAGE = '@slipway/drivers-framework';

type ResolveFilename = (request: string, ...rest: unknown[]) => string;
let provided = false;

/**
 * Makes `require('@slipway/drivers-framework')` in a plugin resolve to this framework, the one
 * the conductor runs, wherever the plugin is installed: plugins extend our classes, as Ironic's
 * drivers import `ironic.drivers.base`, so it must be the same module. Compiled code only: under
 * Jest (TypeScript sources) the module mapper of jest.config.js does the same.
 */
export function provideFrameworkToPlugins(indexPath = join(__dirname, '..', 'index.js')): void {
  if (provided || !existsSync(indexPath)) return;
  provided = true;
  const loader = Module as unknown as { _resolveFilename: ResolveFilename };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
    return request === FRAMEWORK_PACKAGE ? indexPath : resolve.call(this, request, ...rest);
  };
}
