import { JsonObject } from './json';
import { RedfishErrors } from './redfish-error';
import { bodyObject, isHttpUrl, rejectUnknownParameters, rejectUnwritable } from './request-body';
import { MediaState, SystemState } from './system-state';

const INSERT = 'VirtualMedia.InsertMedia';
const INSERT_PARAMETERS = ['Image', 'Inserted', 'WriteProtected', 'TransferProtocolType', 'TransferMethod', 'UserName', 'Password'];
const PROTOCOLS = ['HTTP', 'HTTPS'];
const METHODS = ['Stream', 'Upload'];

/**
 * Virtual media slots of one clone, keyed by template slot key. Every slot starts empty, as on
 * a freshly racked server (the template's captured image, if any, is not this clone's).
 */
export function mediaOf(state: SystemState, slot: string): MediaState {
  let media = state.media.get(slot);
  if (!media) {
    media = { image: null, inserted: false, writeProtected: true, transferProtocolType: null, transferMethod: null, userName: null };
    state.media.set(slot, media);
  }
  return media;
}

/** InsertMedia: validates like real BMCs, and refuses a slot that already holds media (409). */
export function insertMedia(state: SystemState, slot: string, uri: string, body: unknown): void {
  const params = bodyObject(body);
  rejectUnknownParameters(params, INSERT_PARAMETERS, INSERT);
  const { Image, Inserted, WriteProtected, TransferProtocolType, TransferMethod, UserName, Password } = params;
  if (Image === undefined || Image === null) throw RedfishErrors.actionParameterMissing(INSERT, 'Image');
  if (!isHttpUrl(Image)) throw RedfishErrors.actionParameterValueFormatError(Image, 'Image', INSERT);
  for (const [name, value] of Object.entries({ Inserted, WriteProtected })) {
    if (value !== undefined && typeof value !== 'boolean') throw RedfishErrors.actionParameterValueFormatError(value, name, INSERT);
  }
  if (TransferProtocolType !== undefined && TransferProtocolType !== null && !PROTOCOLS.includes(String(TransferProtocolType))) {
    throw RedfishErrors.actionParameterNotSupported(TransferProtocolType, 'TransferProtocolType', INSERT);
  }
  if (TransferMethod !== undefined && TransferMethod !== null && !METHODS.includes(String(TransferMethod))) {
    throw RedfishErrors.actionParameterNotSupported(TransferMethod, 'TransferMethod', INSERT);
  }
  // As sushy-tools: credentials for the image server come as a pair.
  if ((UserName === undefined) !== (Password === undefined)) throw RedfishErrors.actionParameterMissing(INSERT, UserName === undefined ? 'UserName' : 'Password');
  const media = mediaOf(state, slot);
  if (media.image !== null) throw RedfishErrors.resourceInUse(uri);
  Object.assign(media, {
    image: Image,
    inserted: Inserted !== false,
    writeProtected: WriteProtected !== false,
    transferProtocolType: typeof TransferProtocolType === 'string' ? TransferProtocolType : null,
    transferMethod: typeof TransferMethod === 'string' ? TransferMethod : null,
    userName: typeof UserName === 'string' ? UserName : null,
  });
}

/** EjectMedia: empties the slot; ejecting an empty slot is a no-op, so cleanup can always eject. */
export function ejectMedia(state: SystemState, slot: string, body: unknown): void {
  rejectUnknownParameters(bodyObject(body), [], 'VirtualMedia.EjectMedia');
  Object.assign(mediaOf(state, slot), { image: null, inserted: false, transferProtocolType: null, transferMethod: null, userName: null });
}

/** PATCH on a slot (the Lenovo-style alternative to the actions): Image/Inserted/WriteProtected/VerifyCertificate. */
export function patchMedia(state: SystemState, slot: string, uri: string, current: JsonObject, body: unknown): void {
  const patch = bodyObject(body);
  rejectUnwritable(patch, ['Image', 'Inserted', 'WriteProtected', 'VerifyCertificate'], current);
  const media = mediaOf(state, slot);
  for (const name of ['Inserted', 'WriteProtected', 'VerifyCertificate']) {
    if (patch[name] !== undefined && typeof patch[name] !== 'boolean') throw RedfishErrors.propertyValueTypeError(patch[name], name);
  }
  if (patch.Image !== undefined && patch.Image !== null && !isHttpUrl(patch.Image)) throw RedfishErrors.propertyValueFormatError(patch.Image, 'Image');
  if (typeof patch.Image === 'string' && media.image !== null && media.image !== patch.Image) throw RedfishErrors.resourceInUse(uri);
  if (patch.Image === null || patch.Inserted === false) ejectMedia(state, slot, undefined);
  if (typeof patch.Image === 'string') Object.assign(media, { image: patch.Image, inserted: patch.Inserted !== false });
  if (typeof patch.WriteProtected === 'boolean') media.writeProtected = patch.WriteProtected;
  if (typeof patch.VerifyCertificate === 'boolean') media.verifyCertificate = patch.VerifyCertificate;
}

export function presentMedia(doc: JsonObject, media: MediaState): void {
  doc.Image = media.image;
  doc.ImageName = media.image === null ? null : imageName(media.image);
  doc.Inserted = media.inserted;
  doc.WriteProtected = media.writeProtected;
  doc.ConnectedVia = media.image === null ? 'NotConnected' : 'URI';
  doc.TransferProtocolType = media.transferProtocolType;
  if ('TransferMethod' in doc || media.transferMethod) doc.TransferMethod = media.transferMethod;
  doc.UserName = media.userName;
  // Redfish: Password is write-only and reads back as null.
  doc.Password = null;
  if (media.verifyCertificate !== undefined) doc.VerifyCertificate = media.verifyCertificate;
}

function imageName(image: string): string | null {
  const name = new URL(image).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(name) || null;
  } catch {
    return name || null;
  }
}
