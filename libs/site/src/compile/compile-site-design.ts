import { documentLabel, problemIn } from '../ingest/design-problem';
import type { DesignData } from '../ingest/design-schemas';
import { dataField, lineOf } from '../ingest/field-path';
import { readDesignData } from '../ingest/validate-design-data';
import { DESIGN_KINDS, type DesignDocument, type DesignKind, type DesignProblem } from '../model/design-document';
import type { BaremetalNode, HardwareProfile, HostProfile, Network, SiteDesign } from '../model/site-design';
import { applyHardwareProfile, isHardwareReference } from './apply-hardware-profile';
import { buildBootAction, buildHardwareProfile, buildNetwork, buildNetworkLink, buildRack, buildRegion } from './build-parts';
import { compileHostSettings, type HostData } from './compile-host';
import { domainRoutesOf, renderRouteDomains } from './route-domains';
import { type DesignReference, networkLinkReferences, nodeReferences, profileReferences } from './design-references';

export interface CompiledSiteDesign {
  /** The site as far as it could be built: also when there are problems, so that all are found at once. */
  design: SiteDesign;
  /** What is wrong with the input (names, references, inheritance): a design with problems is not to be stored. */
  problems: DesignProblem[];
  /**
   * What Drydock accepts but deserves a look, and does not stop the design: a node's `metadata.rack`
   * that no Rack document describes (Drydock's own sample sites do this; only rack_labels filters
   * need the Rack).
   */
  warnings: DesignProblem[];
}

function whereDefined(document: DesignDocument): string {
  return `${document.source.file === undefined ? '' : `${document.source.file} `}line ${document.source.line}`;
}

class SiteCompiler {
  private readonly problems = new Map<DesignDocument, DesignProblem[]>();
  private readonly warnings: DesignProblem[] = [];
  /** The first document of each kind and name; later ones of the same name are problems. */
  private readonly named = new Map<DesignKind, Map<string, DesignDocument>>(DESIGN_KINDS.map((kind) => [kind, new Map()]));
  private readonly data = new Map<DesignDocument, unknown>();
  private readonly profiles = new Map<string, HostProfile>();
  private readonly reportedCycles = new Set<string>();
  private readonly hardwareProfiles = new Map<string, HardwareProfile>();

  private readonly documents: readonly DesignDocument[];

  constructor(documents: readonly DesignDocument[]) {
    this.documents = [...new Set(documents)];
  }

  compile(): CompiledSiteDesign {
    for (const document of this.documents) {
      const first = this.named.get(document.kind)?.get(document.name);
      if (first === undefined) this.named.get(document.kind)?.set(document.name, document);
      else this.report(document, problemIn(document, undefined, `the name is already used by the ${document.kind} at ${whereDefined(first)}`));
    }
    const design: SiteDesign = {
      region: this.buildRegion(),
      racks: this.build('Rack', buildRack),
      networkLinks: this.build('NetworkLink', buildNetworkLink),
      networks: this.buildNetworks(),
      hardwareProfiles: this.build('HardwareProfile', buildHardwareProfile),
      hostProfiles: [],
      nodes: [],
      bootActions: this.build('BootAction', buildBootAction),
    };
    for (const profile of design.hardwareProfiles) this.hardwareProfiles.set(profile.name, profile);
    design.hostProfiles = [...this.documentsOf('HostProfile')].flatMap((document) => this.profile(document.name, []) ?? []);
    design.nodes = [...this.documentsOf('BaremetalNode')].flatMap((document) => this.node(document) ?? []);
    for (const document of this.documents) this.checkReferences(document);
    return { design, problems: this.documents.flatMap((document) => this.problems.get(document) ?? []), warnings: this.warnings };
  }

  private report(document: DesignDocument, problem: DesignProblem): void {
    this.problems.set(document, [...(this.problems.get(document) ?? []), problem]);
  }

  private documentsOf(kind: DesignKind): IterableIterator<DesignDocument> {
    return (this.named.get(kind) ?? new Map<string, DesignDocument>()).values();
  }

  private dataOf<K extends DesignKind>(kind: K, document: DesignDocument): DesignData<K> | undefined {
    if (!this.data.has(document)) this.data.set(document, readDesignData(kind, document.data));
    return this.data.get(document) as DesignData<K> | undefined;
  }

  private build<K extends DesignKind, P>(kind: K, builder: (document: DesignDocument, data: DesignData<K>) => P): P[] {
    return [...this.documentsOf(kind)].flatMap((document) => {
      const data = this.dataOf(kind, document);
      return data === undefined ? [] : [builder(document, data)];
    });
  }

  private buildNetworks(): Network[] {
    const networks = this.build('Network', (document, data) => ({ network: buildNetwork(document, data), domainRoutes: domainRoutesOf(data) }));
    renderRouteDomains(networks);
    return networks.map(({ network }) => network);
  }

  private buildRegion(): SiteDesign['region'] {
    const [first, ...others] = this.documentsOf('Region');
    for (const other of others) {
      this.report(other, problemIn(other, undefined, `a site has one Region, and ${documentLabel(first)} is defined at ${whereDefined(first)}`));
    }
    const data = first && this.dataOf('Region', first);
    return data && buildRegion(first, data);
  }

  /** A host profile with its parents applied (memoized); a parent that closes a cycle is left out. */
  private profile(name: string, chain: readonly string[]): HostProfile | undefined {
    const done = this.profiles.get(name);
    if (done !== undefined) return done;
    const document = this.named.get('HostProfile')?.get(name);
    if (document === undefined) return undefined;
    const data = this.dataOf('HostProfile', document) ?? {};
    const parentName = data.host_profile;
    let parent: HostProfile | undefined;
    if (parentName !== undefined) {
      const cycleStart = [...chain, name].indexOf(parentName);
      if (cycleStart < 0) parent = this.profile(parentName, [...chain, name]);
      else this.reportCycle([...chain, name].slice(cycleStart));
    }
    const profile: HostProfile = { name, labels: { ...document.labels }, ...compileHostSettings(data, parent) };
    this.profiles.set(name, profile);
    return profile;
  }

  /** Once per cycle, at the member that comes first in the documents: `a → b → a`. */
  private reportCycle(members: readonly string[]): void {
    const key = [...members].sort().join('\n');
    if (this.reportedCycles.has(key)) return;
    this.reportedCycles.add(key);
    const order = (member: string) => this.documents.findIndex((document) => document.kind === 'HostProfile' && document.name === member);
    const start = members.reduce((best, member, index) => (order(member) < order(members[best]) ? index : best), 0);
    const cycle = [...members.slice(start), ...members.slice(0, start)];
    const document = this.named.get('HostProfile')?.get(cycle[0]);
    if (document === undefined) return;
    this.report(document, problemIn(document, ['host_profile'], `${dataField(['host_profile'])} makes an inheritance cycle: ${[...cycle, cycle[0]].join(' → ')}`));
  }

  private node(document: DesignDocument): BaremetalNode | undefined {
    const data = this.nodeData(document);
    if (data === undefined) return undefined;
    const parent = data.host_profile === undefined ? undefined : this.profile(data.host_profile, []);
    const node: BaremetalNode = {
      name: document.name,
      labels: { ...document.labels },
      ...compileHostSettings(data, parent),
      addressing: data.addressing.map((address) => ({ address: address.address, network: address.network })),
    };
    const hardwareProfile = node.hardware_profile === undefined ? undefined : this.hardwareProfiles.get(node.hardware_profile);
    if (hardwareProfile !== undefined) {
      for (const { parameter, error } of applyHardwareProfile(node, hardwareProfile)) {
        this.report(document, this.kernelParameterProblem(document, data, parameter, error));
      }
    } else if (node.hardware_profile === undefined) {
      for (const [parameter, value] of Object.entries(node.platform.kernel_params)) {
        if (isHardwareReference(value)) {
          this.report(document, this.kernelParameterProblem(document, data, parameter, `references the hardware profile, but the node has none`));
        }
      }
    }
    return node;
  }

  /** A node's data; without (valid) addressing, the rest of it still, so that its other problems show. */
  private nodeData(document: DesignDocument): (HostData & { addressing: DesignData<'BaremetalNode'>['addressing'] }) | undefined {
    const data = this.dataOf('BaremetalNode', document);
    if (data !== undefined) return data;
    const { addressing: _ignored, ...host } = document.data;
    const hostData = readDesignData('HostProfile', host);
    return hostData && { ...hostData, addressing: [] };
  }

  /** At the node, naming the profile the parameter came from when the node does not set it itself. */
  private kernelParameterProblem(document: DesignDocument, data: HostData, parameter: string, error: string): DesignProblem {
    const segments = ['platform', 'kernel_params', parameter];
    const own = data.platform?.kernel_params?.[parameter] !== undefined;
    const source = own ? '' : ` (inherited from ${this.kernelParameterSource(data.host_profile, parameter) ?? 'its host profile'})`;
    return problemIn(document, own ? segments : undefined, `${dataField(segments)}${source} ${error}`);
  }

  private kernelParameterSource(profileName: string | undefined, parameter: string, seen = new Set<string>()): string | undefined {
    if (profileName === undefined || seen.has(profileName)) return undefined;
    seen.add(profileName);
    const document = this.named.get('HostProfile')?.get(profileName);
    const data = document && this.dataOf('HostProfile', document);
    if (document === undefined || data === undefined) return undefined;
    if (data.platform?.kernel_params?.[parameter] !== undefined) {
      return `${documentLabel(document)}, line ${lineOf(document, ['platform', 'kernel_params', parameter])}`;
    }
    return this.kernelParameterSource(data.host_profile, parameter, seen);
  }

  private referencesOf(document: DesignDocument): DesignReference[] {
    switch (document.kind) {
      case 'HostProfile': {
        const data = this.dataOf('HostProfile', document);
        return data === undefined ? [] : profileReferences(data);
      }
      case 'BaremetalNode': {
        const data = this.nodeData(document);
        return data === undefined ? [] : nodeReferences(data);
      }
      case 'NetworkLink': {
        const data = this.dataOf('NetworkLink', document);
        return data === undefined ? [] : networkLinkReferences(data);
      }
      default:
        return [];
    }
  }

  private checkReferences(document: DesignDocument): void {
    if (this.named.get(document.kind)?.get(document.name) !== document) return;
    for (const reference of this.referencesOf(document)) {
      if (this.named.get(reference.kind)?.has(reference.name)) continue;
      const problem = problemIn(document, reference.segments, `${dataField(reference.segments)} names ${reference.kind} '${reference.name}', which is not defined`);
      if (reference.kind === 'Rack') this.warnings.push(problem);
      else this.report(document, problem);
    }
  }
}

/**
 * Compiles design documents (from one or more parseDesignYaml calls) into the site design: ingest
 * defaults, host profile inheritance into profiles and nodes (parents first, by Drydock's rules),
 * the nodes' hardware profiles (device aliases, kernel parameter references). Problems: duplicate
 * names within a kind, more than one Region, references to documents that are not there, cycles in
 * profile inheritance, kernel parameter references that do not resolve. Schema problems are
 * parseDesignYaml's (validateDesignDocument's) to report; data that does not fit the schema is left out here.
 */
export function compileSiteDesign(documents: readonly DesignDocument[]): CompiledSiteDesign {
  return new SiteCompiler(documents).compile();
}
