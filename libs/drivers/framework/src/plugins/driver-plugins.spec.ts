import { DriverLoadError } from '@slipway/errors';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DRIVER_CONFIG, type DriverConfig } from '../driver-config';
import { DriverRegistry } from '../driver-registry';
import { defaultPluginRoots, discoverDriverPlugins } from './plugin-discovery';
import { loadDriverPlugins } from './plugin-loader';
import { readPluginManifest } from './plugin-manifest';
import { describeInterfaceConformance } from '../conformance/interface.conformance';
import { newDriverNode, type DriverNode } from '../driver-node';
import type { DriverTask } from '../task';
import { getLogger } from '@slipway/logging';

// Small tests: fixture packages laid out like node_modules, loaded for real (their
// `require('@slipway/drivers-framework')` resolves through Jest's module mapper).
const fixtures = join(__dirname, '__fixtures__/packages');
const config = (enabled: Partial<DriverConfig> = {}): DriverConfig => ({ ...DEFAULT_DRIVER_CONFIG, enabledHardwareTypes: [], ...enabled });

describe('driver plugins', () => {
  describe('discovery', () => {
    it('finds the packages with a slipway field, scoped ones included, and reports unreadable fields by package', () => {
      const { plugins, problems } = discoverDriverPlugins([fixtures, fixtures, join(fixtures, 'does-not-exist')]);
      expect(plugins.map((plugin) => plugin.packageName).sort()).toEqual(['@acme/scoped-plugin', 'bad-export', 'broken-require', 'duplicate-fake', 'good-plugin', 'wrong-name']);
      expect(plugins.find((plugin) => plugin.packageName === 'good-plugin')).toMatchObject({
        version: '2.1.0',
        declarations: [
          { kind: 'hardware type', name: 'good-hardware', module: './lib/good.js', exportName: 'GoodHardware' },
          { kind: 'interface', type: 'power', name: 'good-power', module: './lib/good.js', exportName: 'GoodPower' },
        ],
      });
      expect(problems).toEqual([{ packageName: 'malformed', reason: expect.stringContaining('slipway.hardwareTypes.malformed-hardware must be a module path'), names: ['malformed-hardware'] }]);
    });

    it('passes over a dangling symlink among the packages', () => {
      const root = mkdtempSync(join(tmpdir(), 'slipway-plugins-'));
      try {
        symlinkSync(join(root, 'removed-package'), join(root, 'dangling'));
        symlinkSync(join(fixtures, 'good-plugin'), join(root, 'good-plugin'));
        expect(discoverDriverPlugins([root]).plugins.map((plugin) => plugin.packageName)).toEqual(['good-plugin']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });

    it('looks in the node_modules of the application it runs from', () => {
      const [root] = defaultPluginRoots(__dirname);
      expect(root).toBe(join(__dirname, '../../../../../node_modules'));
      // The repository installs its sample plugin (a file: dependency), so conductors find it there.
      expect(discoverDriverPlugins([root]).plugins.map((plugin) => plugin.packageName)).toContain('slipway-driver-example');
    });
  });

  describe('the slipway field', () => {
    it.each([
      [[], 'must be an object'],
      [{ drivers: {} }, 'unknown keys: drivers'],
      [{}, 'declares no hardware type and no interface'],
      [{ interfaces: { teleport: { x: './x.js' } } }, 'teleport is not an interface type'],
      [{ hardwareTypes: { 'Bad Name': './x.js' } }, '"Bad Name" is not a valid name'],
      [{ hardwareTypes: { good: 'x.js' } }, 'must be a path inside the package, starting with "./"'],
      [{ hardwareTypes: { good: './x.js#A#B' } }, 'is not "<path>" or "<path>#<export>"'],
    ])('rejects %j: %s', (field, message) => {
      expect(() => readPluginManifest(field)).toThrow(message);
    });
  });

  describe('loading', () => {
    const discovered = () => discoverDriverPlugins([fixtures]);

    it('registers what the good plugins declare, and skips the broken ones that nothing enables', () => {
      const registry = new DriverRegistry();
      const report = loadDriverPlugins(registry, discovered(), config());
      expect(report.loaded.map((plugin) => plugin.packageName).sort()).toEqual(['@acme/scoped-plugin', 'good-plugin']);
      expect(report.loaded.find((plugin) => plugin.packageName === 'good-plugin')?.names).toEqual(['hardware type good-hardware', 'power interface good-power']);
      expect(registry.hasHardwareType('good-hardware')).toBe(true);
      expect(registry.hasInterface('power', 'good-power')).toBe(true);
      expect(registry.hasInterface('power', 'acme-power')).toBe(true);
      const skipped = Object.fromEntries(report.skipped.map(({ packageName, reason }) => [packageName, reason]));
      expect(skipped).toEqual({
        malformed: expect.stringContaining('must be a module path'),
        'broken-require': expect.stringMatching(/^\.\/index\.js failed to load: Cannot find module 'a-package-that-is-not-installed'/),
        'bad-export': './index.js does not export a class for power interface bad-power',
        'wrong-name': './index.js exports the power interface "other-power" where package.json declares power interface declared-power',
        'duplicate-fake': "it declares network interface noop, which Slipway's built-in drivers already registered",
      });
      // All or nothing: the duplicate plugin's other interface was not registered either.
      expect(registry.hasInterface('power', 'noop-copy')).toBe(false);
    });

    it('refuses, naming the package, when the config enables a name of a plugin that fails', () => {
      const cases: Array<[Partial<DriverConfig>, string]> = [
        [{ enabledHardwareTypes: ['broken-hardware'] }, 'broken-require'],
        [{ enabledInterfaces: { power: ['bad-power'] } }, 'bad-export'],
        [{ defaultInterfaces: { power: 'declared-power' } }, 'wrong-name'],
        [{ enabledInterfaces: { network: ['noop'] } }, 'duplicate-fake'],
        [{ enabledHardwareTypes: ['malformed-hardware'] }, 'malformed'],
      ];
      for (const [enabled, packageName] of cases) {
        const attempt = () => loadDriverPlugins(new DriverRegistry(), discovered(), config(enabled));
        expect(attempt).toThrow(DriverLoadError);
        expect(attempt).toThrow(`plugin package ${packageName} could not be loaded`);
      }
    });

    it('reports a name two plugins declare with the package that registered it first', () => {
      const registry = new DriverRegistry();
      const good = discovered().plugins.find((plugin) => plugin.packageName === 'good-plugin');
      if (!good) throw new Error('fixture missing');
      const copy = { ...good, packageName: 'good-plugin-fork' };
      const report = loadDriverPlugins(registry, { plugins: [good, copy], problems: [] }, config());
      expect(report.skipped).toEqual([{ packageName: 'good-plugin-fork', reason: 'it declares hardware type good-hardware, which good-plugin already registered' }]);
    });

    it('loads the sample plugin of the repository into a registry that conductors can load', () => {
      const registry = new DriverRegistry();
      const enabled = config({ enabledHardwareTypes: ['example-hardware'] });
      loadDriverPlugins(registry, discoverDriverPlugins(defaultPluginRoots(__dirname)), enabled);
      registry.load(enabled);
      expect(registry.hardwareTypes().map((type) => type.name)).toEqual(['example-hardware']);
      expect(registry.enabledInterfaces('power')).toEqual(['example-power']);
    });
  });
});

// The sample plugin's power interface passes the suite every driver must pass.
describe('the sample plugin', () => {
  const registry = new DriverRegistry();
  const enabled = config({ enabledHardwareTypes: ['example-hardware'] });
  loadDriverPlugins(registry, discoverDriverPlugins(defaultPluginRoots(__dirname)), enabled);
  registry.load(enabled);
  const task = (init: Partial<DriverNode> = {}): DriverTask => {
    const node = newDriverNode({ uuid: 'node-1', driver: 'example-hardware', ...init });
    Object.assign(node, Object.fromEntries(Object.entries(registry.resolveInterfaces(node)).map(([type, name]) => [`${type}Interface`, name])));
    return { node, driver: registry.buildDriver(node), shared: false, ports: [], log: getLogger('example-driver-test') };
  };
  describeInterfaceConformance({
    type: 'power',
    name: 'example-power',
    task,
    validDriverInfo: { example_address: 'switch-1:port-4' },
    invalidDriverInfo: [
      { driverInfo: {}, message: 'Missing the following example parameters in node driver_info: example_address' },
      { driverInfo: { example_address: '  ' }, message: 'driver_info example_address must be a non-empty string' },
    ],
  });
});
