// TLS to the BMC through driver_info/redfish_verify_ca: verified by default (and refused for a
// self-signed certificate), trusted with a CA bundle path, or explicitly not verified.
import { join } from 'node:path';
import { POWER_ON } from '@slipway/drivers-framework';
import { failureOf, power, RedfishBench } from './redfish-task.fixture';

const DEV_CERT = join(__dirname, '../../apps/vbmc/certs/dev-cert.pem');

describe('redfish over TLS (vbmc with its self-signed localhost certificate)', () => {
  const bench = RedfishBench.use({ vbmc: { tls: true, systems: 4 } });

  it('refuses the self-signed certificate by default, naming the BMC', async () => {
    const task = bench.taskOn(bench.freshSystem());
    expect(bench.url).toMatch(/^https:\/\//);
    const failure = await failureOf(power(task).getPowerState(task));
    expect(failure.message).toContain(`Cannot reach the BMC at ${bench.url}`);
    expect(failure.message).toMatch(/certificate/i);
  });

  it('trusts the BMC with redfish_verify_ca naming its CA bundle', async () => {
    const task = bench.taskOn(bench.freshSystem(), { driverInfo: { redfish_verify_ca: DEV_CERT } });
    expect(await power(task).getPowerState(task)).toBe(POWER_ON);
  });

  it('skips verification only when redfish_verify_ca is false', async () => {
    const task = bench.taskOn(bench.freshSystem(), { driverInfo: { redfish_verify_ca: 'false' } });
    expect(await power(task).getPowerState(task)).toBe(POWER_ON);
  });
});
