import { RedfishHttpError, RedfishInvalidValueError, RedfishUnsupportedError } from '../../redfish-errors';
import { actionField } from '../common-fields';
import { bool, str, strings } from '../fields';
import { Resource, withFields } from '../resource';
import { patchResource, postAction, postBodilessAction, type WriteResult } from '../writes';

/** The TransferMethod values of the VirtualMedia schema. */
export const TRANSFER_METHODS = ['Stream', 'Upload'] as const;

export interface InsertMediaOptions {
  /** Default true; sent with the action only when false (Supermicro X11/X12 reject it otherwise). */
  inserted?: boolean;
  /** Default true; sent with the action only when false, for the same reason. */
  writeProtected?: boolean;
  /** Credentials for the image URL (NVIDIA DGX demands them even for anonymous images). */
  userName?: string;
  password?: string;
  /** `Stream` or `Upload`. */
  transferMethod?: string;
  /** `HTTP`, `HTTPS`, `NFS`, `CIFS`, …; else added from the URL only if the BMC asks for it. */
  transferProtocolType?: string;
}

/**
 * A virtual media slot (CD, DVD, USB stick, floppy), under a Manager (older schema) or a System
 * (newer, iDRAC 6+). Insert and eject use the actions when offered, else a PATCH of the slot when
 * the BMC allows one (Lenovo SD530), as sushy does.
 */
export class VirtualMedia extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  /** `CD`, `DVD`, `Floppy`, `USBStick`. */
  mediaTypes: strings('MediaTypes'),
  image: str('Image'),
  imageName: str('ImageName'),
  inserted: bool('Inserted'),
  writeProtected: bool('WriteProtected'),
  connectedVia: str('ConnectedVia'),
  transferProtocolType: str('TransferProtocolType'),
  transferMethod: str('TransferMethod'),
  insertMediaAction: actionField('#VirtualMedia.InsertMedia', 'TransferProtocolType'),
  ejectMediaAction: actionField('#VirtualMedia.EjectMedia'),
}) {
  /** Whether the slot's last GET allowed PATCH (its `Allow` header). */
  get patchAllowed(): boolean {
    return (this.headers['allow'] ?? '').split(',').some((method) => method.trim().toUpperCase() === 'PATCH');
  }

  /** Attaches the image at `imageUrl` to the slot. */
  async insert(imageUrl: string, options: InsertMediaOptions = {}): Promise<WriteResult> {
    const { inserted = true, writeProtected = true, transferMethod } = options;
    if (transferMethod !== undefined && !(TRANSFER_METHODS as readonly string[]).includes(transferMethod)) {
      throw new RedfishInvalidValueError(this.connection.url(this.path), 'TransferMethod', transferMethod, TRANSFER_METHODS);
    }
    const payload: Record<string, unknown> = { Image: imageUrl };
    if (options.userName !== undefined) payload['UserName'] = options.userName;
    if (options.password !== undefined) payload['Password'] = options.password;
    if (transferMethod !== undefined) payload['TransferMethod'] = transferMethod;
    if (options.transferProtocolType !== undefined) payload['TransferProtocolType'] = options.transferProtocolType;
    if (!this.insertMediaAction) {
      if (!this.patchAllowed) throw new RedfishUnsupportedError(this.connection.url(this.path), 'the action #VirtualMedia.InsertMedia (nor PATCH)');
      // Through PATCH, Inserted must be sent: Lenovo SD530 attaches nothing without it.
      return patchResource(this, { ...payload, Inserted: inserted, WriteProtected: writeProtected });
    }
    if (!inserted) payload['Inserted'] = false;
    if (!writeProtected) payload['WriteProtected'] = false;
    return this.postInsert(payload);
  }

  /** Detaches whatever the slot holds. */
  async eject(): Promise<WriteResult> {
    if (this.ejectMediaAction) return postBodilessAction(this, this.ejectMediaAction, '#VirtualMedia.EjectMedia');
    if (!this.patchAllowed) throw new RedfishUnsupportedError(this.connection.url(this.path), 'the action #VirtualMedia.EjectMedia (nor PATCH)');
    return patchResource(this, { Image: null, Inserted: false });
  }

  /**
   * Some BMCs refuse InsertMedia without TransferProtocolType, then without TransferMethod; each
   * is added once, when the refusal names it (the protocol from the URL's scheme).
   */
  private async postInsert(payload: Record<string, unknown>): Promise<WriteResult> {
    for (;;) {
      try {
        return await postAction(this, this.insertMediaAction, '#VirtualMedia.InsertMedia', payload);
      } catch (error) {
        if (!(error instanceof RedfishHttpError) || error.status >= 500) throw error;
        const scheme = /^(https?):/i.exec(String(payload['Image']))?.[1]?.toUpperCase();
        if (payload['TransferProtocolType'] === undefined && scheme && mentions(error, 'TransferProtocolType')) payload['TransferProtocolType'] = scheme;
        else if (payload['TransferMethod'] === undefined && mentions(error, 'TransferMethod')) payload['TransferMethod'] = 'Stream';
        else throw error;
      }
    }
  }
}

function mentions(error: RedfishHttpError, property: string): boolean {
  return JSON.stringify(error.body ?? null).includes(property) || error.messages.some((message) => message.includes(property));
}
