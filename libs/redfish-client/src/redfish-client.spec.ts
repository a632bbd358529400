import { sushySample } from './__fixtures__/mockup-server.fixture';
import { useTestBmc, type TestBmc } from './__fixtures__/test-bmc.fixture';
import { RedfishClient } from './redfish-client';
import type { RedfishConnection } from './redfish-connection';
import { RedfishNotFoundError, RedfishSystemSelectionError, RedfishUnsupportedError } from './redfish-errors';

// Choosing the ComputerSystem the way sushy's get_system does.
describe('RedfishClient', () => {
  let bmc: TestBmc;
  let connection: RedfishConnection;
  let client: RedfishClient;
  useTestBmc((started) => ({ bmc, connection } = started));
  beforeAll(() => (client = new RedfishClient(connection)));
  beforeEach(() => {
    bmc.resource('/redfish/v1/', sushySample('root.json'));
  });
  const systems = (...ids: string[]) => bmc.resource('/redfish/v1/Systems', { Members: ids.map((id) => ({ '@odata.id': `/redfish/v1/Systems/${id}` })) });
  const system = (id: string) => bmc.resource(`/redfish/v1/Systems/${id}`, { Id: id });

  it('reads the service root (without credentials) and its links', async () => {
    const root = await client.serviceRoot();
    expect([root.path, root.redfishVersion, root.uuid, root.systemsPath, root.sessionsPath]).toEqual(['/redfish/v1/', '1.0.2', '92384634-2938-2342-8820-489239905423', '/redfish/v1/Systems', '/redfish/v1/SessionService/Sessions']);
  });

  it('takes the only system when none is named', async () => {
    systems('437XR1138R2');
    system('437XR1138R2');
    expect((await client.system()).id).toBe('437XR1138R2');
  });

  it('refuses to guess among several systems, or when there are none, naming the ids', async () => {
    systems('a', 'b');
    await expect(client.system()).rejects.toThrow(new RedfishSystemSelectionError(`${bmc.address}/redfish/v1/Systems`, 'The BMC lists several systems: name one (redfish_system_id)', ['a', 'b']));
    systems();
    await expect(client.system()).rejects.toThrow(`The BMC lists no system (systems at ${bmc.address}/redfish/v1/Systems: none).`);
  });

  it('reads a named path as given, and finds an id among the members (case aside)', async () => {
    systems('a', 'B');
    system('B');
    bmc.resource('/redfish/v1/systems/b/', { Id: 'lower' });
    expect((await client.system('/redfish/v1/systems/b/')).path).toBe('/redfish/v1/systems/b/');
    expect(bmc.lines().at(-1)).toBe('GET /redfish/v1/systems/b/');
    expect((await client.system('b')).path).toBe('/redfish/v1/Systems/B');
    await expect(client.system('c')).rejects.toThrow(`There is no system "c" (systems at ${bmc.address}/redfish/v1/Systems: a, B).`);
    await expect(client.system('/redfish/v1/Systems/zzz')).rejects.toBeInstanceOf(RedfishNotFoundError);
  });

  it('answers undefined for services the root does not link, and an error for missing collections', async () => {
    bmc.resource('/redfish/v1/', sushySample('bare_minimum_root.json'));
    await connection.close();
    connection = bmc.connect();
    client = new RedfishClient(connection);
    expect(await client.updateService()).toBeUndefined();
    expect(await client.taskService()).toBeUndefined();
    await expect(client.managers()).rejects.toBeInstanceOf(RedfishUnsupportedError);
  });

  it('makes task monitors from stored locations, URLs included', () => {
    expect(client.taskMonitor(`${bmc.address}/redfish/v1/TaskService/Tasks/4?x=1`).path).toBe('/redfish/v1/TaskService/Tasks/4?x=1');
    expect(client.taskMonitor('/redfish/v1/TaskService/Tasks/4').path).toBe('/redfish/v1/TaskService/Tasks/4');
  });
});
