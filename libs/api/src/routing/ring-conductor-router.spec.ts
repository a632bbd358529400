import { RingDirectory, type ConductorMember } from '@slipway/cluster';
import { DriverNotFoundError } from '@slipway/errors';
import { RingConductorRouter } from './ring-conductor-router';

describe('RingConductorRouter.anyConductorFor', () => {
  let members: ConductorMember[];
  const router = () => new RingConductorRouter(new RingDirectory(async () => members, { random: () => 0 }));

  it('picks a live conductor serving the hardware type, whatever its group', async () => {
    members = [{ hostname: 'r1', conductorGroup: 'rack-1', hardwareTypes: ['redfish'] }];

    expect(await router().anyConductorFor('redfish')).toBe('r1');
  });

  it("answers DriverNotFound in Ironic's words, which differ when no conductor is alive", async () => {
    members = [{ hostname: 'c1', conductorGroup: '', hardwareTypes: ['ipmi'] }];
    const unknown = await router().anyConductorFor('redfish').catch((error: unknown) => error);
    members = [];
    const none = await router().anyConductorFor('redfish').catch((error: unknown) => error);

    expect(unknown).toBeInstanceOf(DriverNotFoundError);
    expect(unknown).toMatchObject({ httpStatus: 404, message: "The driver 'redfish' is unknown." });
    expect(none).toBeInstanceOf(DriverNotFoundError);
    expect(none).toMatchObject({ httpStatus: 404, message: 'No conductors registered.' });
  });
});
