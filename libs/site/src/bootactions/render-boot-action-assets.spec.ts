import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidParameterValueError } from '@slipway/errors';
import { sharedData } from '@slipway/test-data';
import { compileSiteDesign } from '../compile/compile-site-design';
import { parseDesignYaml } from '../ingest/parse-design-yaml';
import type { BootAction, BootActionAsset, SiteDesign } from '../model/site-design';
import { bootActionTemplateContext, renderBootActionAssets, resolveBootActionPackages, tarGz, type BootActionTemplateContext } from './render-boot-action-assets';

function sample(file: string): SiteDesign {
  const { design, problems } = compileSiteDesign(parseDesignYaml(readFileSync(join(sharedData('drydock-samples'), file), 'utf8'), file).documents);
  expect(problems).toEqual([]);
  return design;
}

const identity = {
  actionId: '01J9Z8X7W6V5T4S3R2Q1P0N9M8',
  actionKey: '00ff10ee',
  reportUrl: 'http://drydock:9000/api/v1.0/bootactions/',
  designRef: 'deckhand+http://deckhand/api/v1.0/revisions/7/rendered-documents',
};

const context: BootActionTemplateContext = {
  node: { hostname: 'node1', domain: 'local', tags: [], labels: { rack: 'r1' }, network: {}, interfaces: {} },
  action: { action_id: identity.actionId, action_key: identity.actionKey, report_url: identity.reportUrl, design_ref: identity.designRef },
};

const action = (...assets: Array<Partial<BootActionAsset> & Pick<BootActionAsset, 'type'>>): BootAction => ({
  name: 'test-action',
  labels: {},
  signaling: true,
  assets: assets.map((asset) => ({ location_pipeline: [], data_pipeline: [], ...asset })),
});

/** A fetch that answers only the URLs planned for it, and records what it was asked. */
function fakeFetch(bodies: Record<string, string>) {
  const asked: string[] = [];
  const fetch = async (url: string) => {
    asked.push(url);
    if (!(url in bodies)) throw new Error(`unplanned fetch of ${url}`);
    return Buffer.from(bodies[url]);
  };
  return { fetch, asked };
}

const text = (assets: Array<{ path: string; mode: number; content: Buffer }>) => assets.map(({ path, mode, content }) => ({ path, mode, content: content.toString('utf8') }));

describe("renderBootActionAssets on Drydock's sample designs", () => {
  const design = sample('deckhand_fullsite.yaml');
  const helloworld = design.bootActions.find((candidate) => candidate.name === 'helloworld')!;
  const compute01 = bootActionTemplateContext(design.nodes.find((node) => node.name === 'compute01')!, design, identity);

  it('units: the unit assets, at their own paths', async () => {
    expect(text(await renderBootActionAssets(helloworld, 'units', compute01))).toEqual([
      {
        path: '/lib/systemd/system/hello.service',
        mode: 0o600,
        content: '[Unit]\nDescription=Hello World\n\n[Service]\nType=oneshot\nExecStart=/var/tmp/hello.sh\n\n[Install]\nWantedBy=multi-user.target\n',
      },
    ]);
  });

  it('files: the file assets with their permissions, templates rendered for the node and the action', async () => {
    expect(text(await renderBootActionAssets(helloworld, 'files', compute01))).toEqual([
      { path: '/var/tmp/hello.sh', mode: 0o555, content: "#!/bin/bash\n\necho 'Hello World! -from compute01'" },
      { path: '/var/tmp/designref.sh', mode: 0o500, content: `${identity.designRef}\n${identity.actionId}\n${identity.actionKey}` },
    ]);
  });

  it('pkg_list: never in a tarball; its packages come from resolveBootActionPackages', async () => {
    const all = [...(await renderBootActionAssets(helloworld, 'units', compute01)), ...(await renderBootActionAssets(helloworld, 'files', compute01))];
    expect(all).toHaveLength(3);
    expect(await resolveBootActionPackages(helloworld, compute01)).toEqual({ '2ping': '3.2.1-1', '0xffff': null });
  });

  it('renders the standalone boot action sample (base64 template of the design ref)', async () => {
    const [pkgInstall, helloworldAlone] = ['pkg_install', 'helloworld'].map((name) => sample('deckhand_bootaction.yaml').bootActions.find((candidate) => candidate.name === name)!);
    const files = await renderBootActionAssets(helloworldAlone, 'files', compute01);
    expect(text(files)[1]).toEqual({ path: '/var/tmp/designref.sh', mode: 0o500, content: identity.designRef });
    expect(await renderBootActionAssets(pkgInstall, 'units', compute01)).toEqual([]);
    expect(await resolveBootActionPackages(pkgInstall, compute01)).toEqual({ '2ping': '3.2.1-1', '0xffff': null });
  });

  describe('read back with the system tar', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'slipway-bootaction-'));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('extracts the files tarball to the rendered contents and modes', async () => {
      const files = await renderBootActionAssets(helloworld, 'files', compute01);
      const archive = join(dir, 'compute01-file.tar.gz');
      writeFileSync(archive, tarGz(files));
      const listing = execFileSync('tar', ['-tzvf', archive], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
      expect(listing).toMatch(/^-r-xr-xr-x 0\/0 .* \/var\/tmp\/hello\.sh$/m);
      expect(listing).toMatch(/^-r-x------ 0\/0 .* \/var\/tmp\/designref\.sh$/m);
      const root = join(dir, 'root');
      mkdirSync(root);
      execFileSync('tar', ['-xpzf', archive, '-C', root], { stdio: 'ignore' });
      for (const { path, mode, content } of files) {
        expect(readFileSync(join(root, path))).toEqual(content);
        expect(statSync(join(root, path)).mode & 0o7777).toBe(mode);
      }
    });
  });
});

describe('renderBootActionAssets', () => {
  it('keeps design order and filters by kind', async () => {
    const mixed = action(
      { type: 'file', path: '/a', data: 'a' },
      { type: 'unit', path: '/u1.service', data: 'u1' },
      { type: 'pkg_list', package_list: { jq: null } },
      { type: 'file', path: '/b', data: 'b' },
      { type: 'unit', path: '/u2.service', data: 'u2' },
    );
    expect((await renderBootActionAssets(mixed, 'files', context)).map((asset) => asset.path)).toEqual(['/a', '/b']);
    expect((await renderBootActionAssets(mixed, 'units', context)).map((asset) => asset.path)).toEqual(['/u1.service', '/u2.service']);
  });

  it.each([
    [undefined, 0o600],
    ['000', 0o600],
    ['644', 0o644],
    ['0755', 0o755],
    ['1755', 0o1755],
  ])('permissions %j give mode %s (none or zero is 0o600, as in Drydock)', async (permissions, mode) => {
    const [rendered] = await renderBootActionAssets(action({ type: 'file', path: '/f', data: 'x', permissions }), 'files', context);
    expect(rendered.mode).toBe(mode);
  });

  it('fetches a location (URL templated by location_pipeline) and runs data_pipeline on the body', async () => {
    const { fetch, asked } = fakeFetch({ 'http://repo/node1/motd': 'aGVsbG8ge3sgbm9kZS5sYWJlbHMucmFjayB9fQ==' });
    const fetched = action({
      type: 'file',
      path: '/etc/motd',
      location: 'http://repo/{{ node.hostname }}/motd',
      location_pipeline: ['template'],
      data: 'ignored when there is a location',
      data_pipeline: ['base64_decode', 'utf8_decode', 'template'],
    });
    expect(text(await renderBootActionAssets(fetched, 'files', context, { fetch }))).toEqual([{ path: '/etc/motd', mode: 0o600, content: 'hello r1' }]);
    expect(asked).toEqual(['http://repo/node1/motd']);
  });

  it('uses a location as written when it has no location_pipeline', async () => {
    const { fetch, asked } = fakeFetch({ 'http://repo/{{ raw }}': 'body' });
    const fetched = action({ type: 'unit', path: '/x.service', location: 'http://repo/{{ raw }}' });
    expect(text(await renderBootActionAssets(fetched, 'units', context, { fetch }))[0].content).toBe('body');
    expect(asked).toEqual(['http://repo/{{ raw }}']);
  });

  it('does not fetch for kinds it does not render', async () => {
    const { fetch, asked } = fakeFetch({});
    await renderBootActionAssets(action({ type: 'unit', path: '/x.service', location: 'http://repo/unit' }), 'files', context, { fetch });
    expect(asked).toEqual([]);
  });

  it('names the boot action, the asset and the problem in its errors', async () => {
    const failing = action({ type: 'file', path: '/ok', data: 'ok' }, { type: 'file', path: '/etc/bad', data: '{{ node.rack }}', data_pipeline: ['utf8_decode', 'template'] });
    const error = await renderBootActionAssets(failing, 'files', context).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidParameterValueError);
    expect(error).toMatchObject({
      message: "Boot action test-action, assets[1] (/etc/bad): data_pipeline[1] (template): line 1: unknown variable 'node.rack'",
      details: { bootAction: 'test-action', asset: 1, path: '/etc/bad', problem: "data_pipeline[1] (template): line 1: unknown variable 'node.rack'" },
    });
  });

  it.each<[string, Partial<BootActionAsset>, string]>([
    ['an unknown step', { data: 'x', data_pipeline: ['rot13'] }, 'data_pipeline[0] (rot13): no such pipeline step (known: base64_decode, base64_encode, utf8_decode, utf8_encode, template)'],
    ['bad base64', { data: 'YWJjZ', data_pipeline: ['base64_decode'] }, 'data_pipeline[0] (base64_decode): the number of base64 characters is one more than a multiple of 4'],
    ['template given bytes', { data: '{{ node.hostname }}', data_pipeline: ['template'] }, 'data_pipeline[0] (template): needs text but got bytes (put utf8_decode before it)'],
    ['neither data nor location', {}, 'has neither data nor location'],
    ['bad permissions', { data: 'x', permissions: 'rwx' }, "permissions 'rwx' are not an octal mode such as '644'"],
    ['a location pipeline ending in bytes', { location: 'http://x', location_pipeline: ['utf8_encode'] }, 'location_pipeline must leave text (the URL), not bytes'],
    ['a location and no fetch', { location: 'http://repo/{{ node.hostname }}', location_pipeline: ['template'] }, 'location http://repo/node1 cannot be fetched: no fetch was given'],
  ])('refuses %s', async (_case, fields, problem) => {
    await expect(renderBootActionAssets(action({ type: 'file', path: '/etc/f', ...fields }), 'files', context)).rejects.toThrow(
      new InvalidParameterValueError(`Boot action test-action, assets[0] (/etc/f): ${problem}`),
    );
  });

  it('refuses an asset without a path, naming it by index', async () => {
    await expect(renderBootActionAssets(action({ type: 'unit', data: 'x' }), 'units', context)).rejects.toThrow('Boot action test-action, assets[0]: has no path');
  });

  it('refuses a location the fetch cannot get', async () => {
    const { fetch } = fakeFetch({});
    await expect(renderBootActionAssets(action({ type: 'file', path: '/etc/f', location: 'http://repo/missing' }), 'files', context, { fetch })).rejects.toThrow(
      'Boot action test-action, assets[0] (/etc/f): location http://repo/missing cannot be fetched: unplanned fetch of http://repo/missing',
    );
  });
});

describe('resolveBootActionPackages', () => {
  it('merges the package lists in asset order, a later version winning', async () => {
    const packages = action(
      { type: 'pkg_list', package_list: { jq: '1.6-2', curl: null } },
      { type: 'file', path: '/f', data: 'x' },
      { type: 'pkg_list', package_list: { jq: '1.7-1', chrony: '4.2-2ubuntu2' } },
    );
    expect(await resolveBootActionPackages(packages, context)).toEqual({ jq: '1.7-1', curl: null, chrony: '4.2-2ubuntu2' });
  });

  it('fetches a package list from a location (YAML or JSON), without data_pipeline', async () => {
    const { fetch, asked } = fakeFetch({ 'http://repo/node1.yaml': "jq: '1.6-2'\ncurl:\nvim: ''\n", 'http://repo/extra.json': '{"htop": "3.0.5-7"}' });
    const packages = action(
      { type: 'pkg_list', location: 'http://repo/{{ node.hostname }}.yaml', location_pipeline: ['template'], data_pipeline: ['base64_decode'] },
      { type: 'pkg_list', location: 'http://repo/extra.json' },
    );
    expect(await resolveBootActionPackages(packages, context, { fetch })).toEqual({ jq: '1.6-2', curl: null, vim: '', htop: '3.0.5-7' });
    expect(asked).toEqual(['http://repo/node1.yaml', 'http://repo/extra.json']);
  });

  it.each([
    ['- jq\n- curl\n', 'the package list must be a mapping of package names to versions'],
    ['jq: 1.0\n', 'the package list must map package names to version strings or null (entry jq)'],
    ['0xffff: x\n', 'the package list must map package names to version strings or null (entry 65535)'],
    ['jq: [1, 2]\n', 'the package list must map package names to version strings or null (entry jq)'],
    ['jq: "unclosed\n', 'the package list is not valid YAML: '],
  ])('refuses the fetched package list %j', async (body, problem) => {
    const { fetch } = fakeFetch({ 'http://repo/p': body });
    await expect(resolveBootActionPackages(action({ type: 'pkg_list', location: 'http://repo/p' }), context, { fetch })).rejects.toThrow(
      `Boot action test-action, assets[0]: ${problem}`,
    );
  });

  it('refuses a pkg_list asset with neither a package list nor a location', async () => {
    await expect(resolveBootActionPackages(action({ type: 'pkg_list' }), context)).rejects.toThrow('Boot action test-action, assets[0]: has neither a package list nor a location');
  });
});
