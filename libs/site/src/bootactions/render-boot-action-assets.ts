import { InvalidParameterValueError } from '@slipway/errors';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { BootAction, BootActionAsset } from '../model/site-design';
import { runPipeline } from './asset-pipeline';
import type { RenderedAsset } from './tar-gz';
import type { BootActionTemplateContext } from './template-context';

export { tarGz, type RenderedAsset } from './tar-gz';
export { bootActionTemplateContext, type BootActionIdentity, type BootActionInterfaceContext, type BootActionNetworkContext, type BootActionTemplateContext } from './template-context';

// Boot action assets, rendered for one node as Drydock renders them (airshipit/drydock
// objects/bootaction.py, control/bootaction.py, docs/source/bootaction.rst, and the MAAS
// curtin_userdata that consumes the tarballs).
//
// Placement
// - `GET /bootactions/nodes/{hostname}/units` carries the node's `unit` assets and `.../files`
//   its `file` assets: each boot action that targets the node, in design order, renders the
//   assets of that one type, in asset order. `pkg_list` assets are never in either tarball.
// - Every entry is named by the asset's `path` exactly as written (absolute, leading `/` kept).
//   Units get no directory of their own: a unit lives where its path says (e.g.
//   /lib/systemd/system/hello.service). The node extracts both tarballs at `/` with
//   `tar --owner=root -xPzvf`, then runs `systemctl enable` on the basename of every unit entry.
// - Mode: `permissions` read as octal ("555" → 0o555); none, or one that reads as 0, gives 0o600
//   (Drydock writes `permissions or 0o600`). uid/gid 0, no directory entries.
//
// Content
// - The source is `location` when the asset has one, else `data` encoded as UTF-8 bytes.
//   `location` first runs through `location_pipeline` as text (in practice only `template`, to put
//   node values in the URL), and what the URL gives back is bytes. Drydock resolves http(s),
//   file, deckhand+http and promenade+http URLs; here the caller injects the fetch.
// - The bytes then run through `data_pipeline`, step by step in the order listed; the result,
//   if text, is encoded as UTF-8.
// - Steps (Python bytes/str typing kept: a step given the wrong kind is an error there too):
//   base64_decode bytes or ASCII text → bytes (lenient: skips non-alphabet bytes, stops at the
//   padding, an open quad is an error); base64_encode bytes → bytes; utf8_decode bytes → text
//   (strict); utf8_encode text → bytes; template text → text (Jinja2; given bytes it fails, so
//   designs write `base64_decode, utf8_decode, template` or `utf8_decode, template`). An unknown
//   step is an error (UnknownPipelineSegment).
// - pkg_list: the packages come from the `data` mapping (compiled as `package_list`), or from the
//   `location` (through `location_pipeline`), whose body must be a YAML/JSON mapping of package
//   name to version or null; `data_pipeline` is not run. The orchestrator merges the lists of all
//   the node's boot actions (a later name wins) and installs them at deploy.
//
// Template context (`template` steps, see template-context.ts)
// - node.hostname, node.domain (primary network's DNS domain, else `local`), node.tags,
//   node.labels (owner_data), node.network.<network>.{ip, cidr, dns_suffix} for each static
//   address plus node.network.default for the primary network, node.interfaces.<device>.sriov
//   (and vf_count, trustedmode when SR-IOV is on).
// - action.action_id (ULID text), action.action_key (hex), action.report_url, action.design_ref.
//   Drydock's documentation says `action.key`; its code and sample designs use `action.action_key`.
//
// Where this is stricter than Drydock: a template naming something the context lacks is an error
// (Jinja2 prints an empty string for some), as is an asset with neither data nor location, or a
// unit/file without a path (Drydock fails later, in the tarball).

export interface BootActionRenderOptions {
  /** Gets a `location` URL's body; it throws (or rejects) when it cannot. Without it, assets with a location fail. */
  fetch?: (url: string) => Promise<Buffer>;
}

export type BootActionAssetKind = 'units' | 'files';

/** Versions by package name; null is "any version". */
export type BootActionPackages = Record<string, string | null>;

const ASSET_TYPE: Record<BootActionAssetKind, BootActionAsset['type']> = { units: 'unit', files: 'file' };
const DEFAULT_MODE = 0o600;

function problem(message: string): InvalidParameterValueError {
  return new InvalidParameterValueError(message);
}

/** Runs `render` for each asset of `type`, naming the boot action and the asset in any error. */
async function eachAsset<T>(action: BootAction, type: BootActionAsset['type'], render: (asset: BootActionAsset) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (const [index, asset] of action.assets.entries()) {
    if (asset.type !== type) continue;
    try {
      results.push(await render(asset));
    } catch (error) {
      if (!(error instanceof InvalidParameterValueError)) throw error;
      const which = asset.path === undefined ? `assets[${index}]` : `assets[${index}] (${asset.path})`;
      throw new InvalidParameterValueError(`Boot action ${action.name}, ${which}: ${error.message}`, {
        bootAction: action.name,
        asset: index,
        ...(asset.path !== undefined && { path: asset.path }),
        problem: error.message,
      });
    }
  }
  return results;
}

async function fetchLocation(location: string, asset: BootActionAsset, context: BootActionTemplateContext, options: BootActionRenderOptions): Promise<Buffer> {
  const url = runPipeline(location, asset.location_pipeline, context, 'location_pipeline');
  if (typeof url !== 'string') throw problem('location_pipeline must leave text (the URL), not bytes');
  if (options.fetch === undefined) throw problem(`location ${url} cannot be fetched: no fetch was given`);
  try {
    return await options.fetch(url);
  } catch (error) {
    throw problem(`location ${url} cannot be fetched: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function fileMode(permissions: string | undefined): number {
  if (permissions === undefined) return DEFAULT_MODE;
  if (!/^[0-7]{1,4}$/.test(permissions)) throw problem(`permissions '${permissions}' are not an octal mode such as '644'`);
  return parseInt(permissions, 8) || DEFAULT_MODE;
}

async function renderAsset(asset: BootActionAsset, context: BootActionTemplateContext, options: BootActionRenderOptions): Promise<RenderedAsset> {
  if (asset.path === undefined) throw problem('has no path');
  const mode = fileMode(asset.permissions);
  let source: Buffer;
  if (asset.location !== undefined) source = await fetchLocation(asset.location, asset, context, options);
  else if (asset.data !== undefined) source = Buffer.from(asset.data, 'utf8');
  else throw problem('has neither data nor location');
  const value = runPipeline(source, asset.data_pipeline, context, 'data_pipeline');
  return { path: asset.path, mode, content: typeof value === 'string' ? Buffer.from(value, 'utf8') : value };
}

/**
 * The `unit` (kind `units`) or `file` (kind `files`) assets of one boot action, rendered for the
 * node `context` describes, in the order of the design: what Drydock puts in that tarball for
 * this action. Throws InvalidParameterValueError naming the action, the asset and the problem.
 */
export async function renderBootActionAssets(
  action: BootAction,
  kind: BootActionAssetKind,
  context: BootActionTemplateContext,
  options: BootActionRenderOptions = {},
): Promise<RenderedAsset[]> {
  return eachAsset(action, ASSET_TYPE[kind], (asset) => renderAsset(asset, context, options));
}

/**
 * A fetched package list: a YAML (or JSON) mapping of package name to version string or null, read
 * as YAML 1.1 like PyYAML's safe_load (so `0xffff` or `2:30` are numbers, and refused).
 */
function parsePackageList(body: Buffer): BootActionPackages {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw problem('the package list is not valid UTF-8');
  }
  const document = parseDocument(text, { version: '1.1' });
  if (document.errors.length > 0) throw problem(`the package list is not valid YAML: ${document.errors[0].message}`);
  if (!isMap(document.contents)) throw problem('the package list must be a mapping of package names to versions');
  const packages: BootActionPackages = {};
  for (const { key, value } of document.contents.items) {
    const name = isScalar(key) ? key.value : undefined;
    const version = value === null ? null : isScalar(value) ? value.value : undefined;
    if (typeof name !== 'string' || (version !== null && typeof version !== 'string')) {
      throw problem(`the package list must map package names to version strings or null (entry ${String(key)})`);
    }
    packages[name] = version;
  }
  return packages;
}

/**
 * The packages a boot action's `pkg_list` assets ask for on the node `context` describes, merged
 * in asset order (a later entry for the same package wins). An asset with a `location` is fetched
 * (its `location_pipeline` applied to the URL); otherwise its `package_list` is used.
 */
export async function resolveBootActionPackages(action: BootAction, context: BootActionTemplateContext, options: BootActionRenderOptions = {}): Promise<BootActionPackages> {
  const lists = await eachAsset(action, 'pkg_list', async (asset) => {
    if (asset.location !== undefined) return parsePackageList(await fetchLocation(asset.location, asset, context, options));
    if (asset.package_list !== undefined) return asset.package_list;
    throw problem('has neither a package list nor a location');
  });
  return Object.assign({}, ...lists);
}
