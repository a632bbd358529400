import { actionField } from './common-fields';
import { bool, link, str } from './fields';
import { Resource, withFields } from './resource';
import { checkAllowed, postAction, type WriteResult } from './writes';

export interface SimpleUpdateOptions {
  /** `HTTP`, `HTTPS`, `NFS`, …; checked against the action's allowable values when listed. */
  transferProtocol?: string;
  /** Paths of what to update (sushy-tools wants the System when the BMC has several). */
  targets?: readonly string[];
}

/** The UpdateService: firmware updates from a URL (SimpleUpdate) or pushed (HttpPushUri). */
export class UpdateService extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  serviceEnabled: bool('ServiceEnabled'),
  httpPushUri: str('HttpPushUri'),
  simpleUpdateAction: actionField('#UpdateService.SimpleUpdate', 'TransferProtocol'),
  firmwareInventoryPath: link('FirmwareInventory'),
  softwareInventoryPath: link('SoftwareInventory'),
}) {
  /** Starts an update from `imageUri`: usually a task monitor (202); done when the BMC answers 200/204. */
  async simpleUpdate(imageUri: string, options: SimpleUpdateOptions = {}): Promise<WriteResult> {
    const body: Record<string, unknown> = { ImageURI: imageUri };
    if (options.transferProtocol !== undefined) {
      checkAllowed(this, 'TransferProtocol', options.transferProtocol, this.simpleUpdateAction?.allowableValues);
      body['TransferProtocol'] = options.transferProtocol;
    }
    if (options.targets !== undefined) body['Targets'] = [...options.targets];
    return postAction(this, this.simpleUpdateAction, '#UpdateService.SimpleUpdate', body);
  }
}
