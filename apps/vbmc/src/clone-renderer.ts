import { presentBios, presentBiosSettings } from './bios';
import { presentBoot } from './boot-override';
import { clonePathFor, rewriteForClone } from './clone-rewriter';
import { CloneTarget, SystemClone } from './clone-systems';
import { etagOf } from './etag';
import { presentIndicator } from './indicator-led';
import { JsonObject } from './json';
import { MockupTree } from './mockup-tree';
import { PowerController } from './power-controller';
import { presentSecureBoot } from './secure-boot';
import { CloneRoot } from './system-template';
import { mediaOf, presentMedia } from './virtual-media';
import { presentVolumes, VolumeService } from './volumes';

/**
 * Builds what a GET of a clone's resource returns: the shared template document with ids and
 * MACs rewritten, then the clone's own state laid over the parts it owns.
 */
export class CloneRenderer {
  constructor(
    private readonly tree: MockupTree,
    private readonly power: PowerController,
    private readonly volumes: VolumeService,
  ) {}

  exists(target: CloneTarget): boolean {
    return this.source(target) !== undefined;
  }

  render(target: CloneTarget): JsonObject | undefined {
    const source = this.source(target);
    if (!source) return undefined;
    const { clone, key } = target;
    const doc = rewriteForClone(source, clone);
    const state = clone.state;
    const role = clone.template.roleOf(key);
    switch (role.kind) {
      case 'system':
        this.presentSystem(doc, clone);
        break;
      case 'manager':
      case 'chassis':
        this.presentRoot(doc, clone, role.root);
        break;
      case 'bios': {
        // The settings object's ETag is advertised here, as sushy reads it from @Redfish.Settings.
        const settings = this.render({ clone, key: clone.template.biosSettingsKey! });
        presentBios(doc, state, settings ? etagOf(settings) : '""');
        break;
      }
      case 'biosSettings':
        presentBiosSettings(doc, state);
        break;
      case 'secureBoot':
        presentSecureBoot(doc, state);
        break;
      case 'virtualMedia':
        presentMedia(doc, mediaOf(state, key));
        break;
      case 'volumes':
        presentVolumes(doc, this.volumes.members(clone, role.storage).map((path) => clonePathFor(clone, path)));
        break;
    }
    return doc;
  }

  private source(target: CloneTarget): JsonObject | undefined {
    const role = target.clone.template.roleOf(target.key);
    return role.kind === 'volume' ? this.volumes.find(target.clone, role.storage, target.key) : this.tree.entry(target.key)?.doc;
  }

  private presentSystem(doc: JsonObject, clone: SystemClone): void {
    const state = clone.state;
    doc.Id = clone.id;
    doc.UUID = clone.uuid;
    doc.SerialNumber = clone.serialOf(clone.template.systemDoc.SerialNumber);
    doc.PowerState = this.power.powerState(clone);
    doc.Boot = presentBoot(doc.Boot, state.boot);
    presentIndicator(doc, state.indicators.get(clone.template.system.key));
    if (state.biosVersion) doc.BiosVersion = state.biosVersion;
  }

  private presentRoot(doc: JsonObject, clone: SystemClone, root: CloneRoot): void {
    const state = clone.state;
    doc.Id = clone.cloneId(root);
    if ('SerialNumber' in doc) doc.SerialNumber = clone.serialOf(doc.SerialNumber);
    if ('UUID' in doc) doc.UUID = clone.uuidOf(root);
    const firmware = state.firmwareVersions.get(root.key);
    if (firmware) doc.FirmwareVersion = firmware;
    presentIndicator(doc, state.indicators.get(root.key));
    // A chassis is powered with its system.
    if (root.kind === 'chassis' && 'PowerState' in doc) doc.PowerState = this.power.powerState(clone);
  }
}
