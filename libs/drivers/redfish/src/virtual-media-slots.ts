import type { DriverTask } from '@slipway/drivers-framework';
import { RedfishHttpError, RedfishUnsupportedError, TaskMonitor, type ComputerSystem, type VirtualMedia, type WriteResult } from '@slipway/redfish-client';
import type { RedfishNodes } from './redfish-nodes';
import type { RedfishQuirks } from './redfish-quirks';

/** Which slots take an image of a kind: a DVD-only slot takes a CD image (Cisco UCS). */
const MEDIA_TYPES = { cd: ['CD', 'DVD'], usb: ['USBStick', 'Floppy'] } as const;
export type MediaKind = keyof typeof MEDIA_TYPES;

/** A busy BMC (iDRAC finishing an eject) answers 5xx: tried this often, this far apart. */
const BUSY_RETRIES = 3;
const BUSY_RETRY_MS = 3000;

/**
 * The system's virtual media slots of a kind: under the System (newer schema) or under each of
 * its managers (older schema), narrowed to the slots the quirk table allows.
 */
export async function slotsOf(system: ComputerSystem, kind: MediaKind, quirks: RedfishQuirks): Promise<VirtualMedia[]> {
  const own = await system.virtualMedia();
  const collections = own ? [own] : (await Promise.all((await system.managers()).map((manager) => manager.virtualMedia()))).filter((found) => found !== undefined);
  const slots = (await Promise.all(collections.map((collection) => collection.members()))).flat();
  const wanted: readonly string[] = MEDIA_TYPES[kind];
  return slots.filter((slot) => slot.mediaTypes?.some((type) => wanted.includes(type)) && (quirks.virtualMediaSlots === null || quirks.virtualMediaSlots.includes(slot.id ?? '')));
}

/**
 * Inserts `image` into the first slot of the kind that takes it, after ejecting every slot of
 * that kind (BMCs keep reporting old media for a while). Slots without an insert action or PATCH,
 * or that refuse with 400/405, are skipped; a 5xx is tried again a few times.
 */
export async function insertImage(nodes: RedfishNodes, task: DriverTask, system: ComputerSystem, kind: MediaKind, image: string, quirks: RedfishQuirks): Promise<void> {
  const slots = await slotsOf(system, kind, quirks);
  await ejectSlots(nodes, slots);
  const refusals: string[] = [];
  for (const slot of slots) {
    if (!slot.insertMediaAction && !slot.patchAllowed) {
      refusals.push(`${slot.id ?? slot.path}: no InsertMedia action`);
      continue;
    }
    try {
      await finished(nodes, await busyRetried(nodes, () => slot.insert(image)));
      task.log.info({ node: task.node.uuid, slot: slot.path, image }, 'virtual media inserted');
      return;
    } catch (error) {
      if (!(error instanceof RedfishHttpError) || (error.status !== 400 && error.status !== 405)) throw error;
      refusals.push(`${slot.id ?? slot.path}: ${error.message}`);
    }
  }
  throw new RedfishUnsupportedError(system.connection.url(system.path), `a virtual media slot for ${kind === 'cd' ? 'a CD' : 'a USB stick'} image${refusals.length ? ` (${refusals.join('; ')})` : ''}`);
}

/** Ejects what every slot of the kind holds. */
export async function ejectImages(nodes: RedfishNodes, system: ComputerSystem, kind: MediaKind, quirks: RedfishQuirks): Promise<void> {
  await ejectSlots(nodes, await slotsOf(system, kind, quirks));
}

async function ejectSlots(nodes: RedfishNodes, slots: readonly VirtualMedia[]): Promise<void> {
  for (const slot of slots) {
    if (slot.inserted === true || (slot.image !== undefined && slot.image !== '')) await finished(nodes, await busyRetried(nodes, () => slot.eject()));
  }
}

async function busyRetried(nodes: RedfishNodes, write: () => Promise<WriteResult>): Promise<WriteResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof RedfishHttpError) || error.status < 500 || attempt >= BUSY_RETRIES) throw error;
      await nodes.options.sleep(BUSY_RETRY_MS);
    }
  }
}

/** A write the BMC took as a task is waited for (within the step timeout). */
async function finished(nodes: RedfishNodes, result: WriteResult): Promise<void> {
  if (result instanceof TaskMonitor) await result.wait({ timeoutMs: nodes.options.stepTimeoutSeconds * 1000, sleep: nodes.options.sleep });
}
