import { CloneRegistry, SystemClone } from './clone-systems';
import { isObject, JsonObject, stringList } from './json';
import { pathKey } from './paths';
import { RedfishErrors } from './redfish-error';
import { bodyObject, isHttpUrl, rejectUnknownParameters } from './request-body';
import { CloneRoot } from './system-template';

const ACTION = 'UpdateService.SimpleUpdate';
const PARAMETERS = ['ImageURI', 'TransferProtocol', 'Targets', 'Username', 'Password', 'ForceUpdate'];

export interface UpdateTarget {
  clone: SystemClone;
  root: CloneRoot;
}

/**
 * Validates a SimpleUpdate and finds what it updates: a clone's System (BIOS) or Manager (BMC
 * firmware). Without Targets it updates the only System; with several Systems Targets is
 * required, as on sushy-tools.
 */
export function planUpdate(clones: CloneRegistry, updateService: JsonObject | undefined, body: unknown): { image: string; targets: UpdateTarget[] } {
  const params = bodyObject(body);
  rejectUnknownParameters(params, PARAMETERS, ACTION);
  if (params.ImageURI === undefined) throw RedfishErrors.actionParameterMissing(ACTION, 'ImageURI');
  if (!isHttpUrl(params.ImageURI)) throw RedfishErrors.actionParameterValueFormatError(params.ImageURI, 'ImageURI', ACTION);
  const actions = isObject(updateService?.Actions) ? updateService.Actions : {};
  const action = actions[`#${ACTION}`];
  const protocols = (isObject(action) && stringList(action['TransferProtocol@Redfish.AllowableValues'])) || ['HTTP', 'HTTPS'];
  if (params.TransferProtocol !== undefined && !protocols.includes(String(params.TransferProtocol))) {
    throw RedfishErrors.actionParameterNotSupported(params.TransferProtocol, 'TransferProtocol', ACTION);
  }
  if (params.Targets === undefined) {
    if (clones.systems.length !== 1) throw RedfishErrors.actionParameterMissing(ACTION, 'Targets');
    return { image: params.ImageURI, targets: [{ clone: clones.systems[0], root: clones.systems[0].template.system }] };
  }
  const paths = stringList(params.Targets);
  if (!paths || paths.length === 0) throw RedfishErrors.actionParameterValueFormatError(params.Targets, 'Targets', ACTION);
  const targets = paths.map((path) => {
    const target = clones.resolve(pathKey(path));
    const root = target?.clone.template.roots.find((candidate) => candidate.key === target.key && candidate.kind !== 'chassis');
    if (!target || !root) throw RedfishErrors.actionParameterNotSupported(path, 'Targets', ACTION);
    return { clone: target.clone, root };
  });
  return { image: params.ImageURI, targets };
}

/** Applies a finished update: the target's BIOS or firmware version moves on, so clients see the change. */
export function applyUpdate(target: UpdateTarget, templateVersion: unknown): void {
  const state = target.clone.state;
  if (target.root.kind === 'system') {
    state.biosVersion = bumpVersion(state.biosVersion ?? String(templateVersion ?? '1.0'));
  } else {
    state.firmwareVersions.set(target.root.key, bumpVersion(state.firmwareVersions.get(target.root.key) ?? String(templateVersion ?? '1.0')));
  }
}

/** `P79 v1.45 (12/06/2017)` → `P79 v1.46 (12/06/2017)`; `C27` → `C28`; otherwise `.1` is appended. */
export function bumpVersion(version: string): string {
  const dotted = /(\d+)\.(\d+)/.exec(version);
  if (dotted) {
    const minor = String(Number(dotted[2]) + 1).padStart(dotted[2].length, '0');
    return version.slice(0, dotted.index) + `${dotted[1]}.${minor}` + version.slice(dotted.index + dotted[0].length);
  }
  const trailing = /(\d+)$/.exec(version);
  if (trailing) return version.slice(0, trailing.index) + String(Number(trailing[1]) + 1).padStart(trailing[1].length, '0');
  return `${version}.1`;
}
