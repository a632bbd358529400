import { CloneRole } from '../system-template';
import { changeBiosPassword, patchBiosSettingsRoute, patchSecureBootRoute, resetBiosRoute, resetSecureBootKeys } from './bios.routes';
import { CloneHandler, Handlers } from './replies';
import { getCloneResource, patchChassis, patchSystem, resetSystem } from './system.routes';
import { ejectMediaRoute, insertMediaRoute, patchMediaRoute } from './virtual-media.routes';
import { createVolume, deleteVolume } from './volume.routes';

const ACTIONS: Record<string, CloneHandler> = {
  'ComputerSystem.Reset': resetSystem,
  'Bios.ResetBios': resetBiosRoute,
  'Bios.ChangePassword': changeBiosPassword,
  'SecureBoot.ResetKeys': resetSecureBootKeys as CloneHandler,
  'VirtualMedia.InsertMedia': insertMediaRoute as CloneHandler,
  'VirtualMedia.EjectMedia': ejectMediaRoute as CloneHandler,
};

/** The methods a clone resource takes, by what it is. */
export function cloneRoutes(role: CloneRole): Handlers<CloneHandler> {
  switch (role.kind) {
    case 'action':
      return { POST: ACTIONS[role.action] };
    case 'system':
      return { GET: getCloneResource, PATCH: patchSystem };
    case 'chassis':
      return { GET: getCloneResource, PATCH: patchChassis };
    case 'biosSettings':
      return { GET: getCloneResource, PATCH: patchBiosSettingsRoute };
    case 'secureBoot':
      return { GET: getCloneResource, PATCH: patchSecureBootRoute };
    case 'virtualMedia':
      return { GET: getCloneResource, PATCH: patchMediaRoute };
    case 'volumes':
      return { GET: getCloneResource, POST: createVolume as CloneHandler };
    case 'volume':
      return { GET: getCloneResource, DELETE: deleteVolume as CloneHandler };
    default:
      return { GET: getCloneResource };
  }
}
