import { sharedData } from '@slipway/test-data';
import { createVbmc, Vbmc, VbmcOptions } from '../index';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  // Test code reads arbitrary Redfish JSON.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export type Call = (method: string, url: string, payload?: unknown, headers?: Record<string, string>) => Promise<Answer>;

/** A vbmc on a hand-driven clock, and a one-line way to call it in-process (no socket). */
export function testVbmc(options: Partial<VbmcOptions> = {}): { vbmc: Vbmc; call: Call; clock: { now: number; advance(ms: number): void } } {
  const clock = {
    now: Date.parse('2030-01-01T00:00:00Z'),
    advance(ms: number) {
      this.now += ms;
    },
  };
  const vbmc = createVbmc({ mockup: 'dmtf-public-rackmount1', mockupsDir: sharedData('redfish-mockups'), now: () => clock.now, ...options });
  const call: Call = async (method, url, payload, headers) => {
    const response = await vbmc.server.inject({ method: method as 'GET', url, payload: payload as string | object | undefined, headers });
    return { status: response.statusCode, headers: response.headers, body: response.body ? JSON.parse(response.body) : undefined };
  };
  return { vbmc, call, clock };
}

export const SYSTEM_1 = '/redfish/v1/Systems/437XR1138R2-0001';
export const SYSTEM_2 = '/redfish/v1/Systems/437XR1138R2-0002';
