import { testVbmc } from './__fixtures__/vbmc-fixture';

// The AMI (Gigabyte) Storage has a drive but no Volumes collection: the vbmc adds one.
const SYSTEM = '/redfish/v1/Systems/Self-0001';
const STORAGE = `${SYSTEM}/Storage/1`;
const VOLUMES = `${STORAGE}/Volumes`;

describe('volumes and task monitors', () => {
  it('creates a volume through a task: 202 + Location, 202 while running, the Task when done', async () => {
    const { call, clock } = testVbmc({ mockup: 'gigabyte-ami-h262', taskDurationMs: 200, taskRetryAfterSeconds: 0 });
    const storage = (await call('GET', STORAGE)).body;
    expect(storage.Volumes['@odata.id']).toBe(VOLUMES);
    const empty = (await call('GET', VOLUMES)).body;
    expect(empty.Members).toEqual([]);
    expect(empty['@Redfish.OperationApplyTimeSupport'].SupportedValues).toEqual(['Immediate']);

    const drive = storage.Drives[0]['@odata.id'];
    const created = await call('POST', VOLUMES, { RAIDType: 'RAID0', Links: { Drives: [{ '@odata.id': drive }] }, Name: 'root', '@Redfish.OperationApplyTime': 'Immediate' });
    expect(created.status).toBe(202);
    const monitor = created.headers.location as string;
    expect(monitor).toMatch(/^\/redfish\/v1\/TaskService\/TaskMonitors\/\d+$/);
    expect(created.headers['retry-after']).toBe('0');
    expect(created.body.TaskState).toBe('Running');

    const running = await call('GET', monitor);
    expect(running.status).toBe(202);
    expect((await call('GET', created.body['@odata.id'])).status).toBe(202);
    expect((await call('GET', VOLUMES)).body.Members).toEqual([]);

    clock.advance(200);
    const done = await call('GET', monitor);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ TaskState: 'Completed', TaskStatus: 'OK', PercentComplete: 100 });
    const volumeUri = done.body.Links.CreatedResources[0]['@odata.id'];
    expect(volumeUri).toBe(`${VOLUMES}/1`);
    expect((await call('GET', VOLUMES)).body.Members).toEqual([{ '@odata.id': volumeUri }]);
    const volume = (await call('GET', volumeUri)).body;
    const driveDoc = (await call('GET', drive)).body;
    expect(volume).toMatchObject({ Name: 'root', RAIDType: 'RAID0', CapacityBytes: driveDoc.CapacityBytes, Links: { Drives: [{ '@odata.id': drive }] } });
    expect((await call('GET', '/redfish/v1/TaskService/Tasks')).body.Members).toContainEqual({ '@odata.id': created.body['@odata.id'] });

    // The drive is taken now.
    expect((await call('POST', VOLUMES, { RAIDType: 'RAID0', Links: { Drives: [{ '@odata.id': drive }] } })).status).toBe(409);
    expect((await call('DELETE', volumeUri)).status).toBe(204);
    expect((await call('GET', volumeUri)).status).toBe(404);
    expect((await call('GET', VOLUMES)).body.Members).toEqual([]);
  });

  it('validates volume requests', async () => {
    const { call } = testVbmc({ mockup: 'gigabyte-ami-h262' });
    const drive = { '@odata.id': `${STORAGE}/Drives/1` };
    const code = async (body: unknown) => (await call('POST', VOLUMES, body)).body.error.code;
    expect(await code({ Links: { Drives: [drive] } })).toBe('Base.1.8.PropertyMissing');
    expect(await code({ RAIDType: 'RAID7', Links: { Drives: [drive] } })).toBe('Base.1.8.PropertyValueNotInList');
    expect(await code({ RAIDType: 'RAID1', Links: { Drives: [drive] } })).toBe('Base.1.8.PropertyValueNotInList');
    expect(await code({ RAIDType: 'RAID0', Links: { Drives: [{ '@odata.id': `${STORAGE}/Drives/9` }] } })).toBe('Base.1.8.PropertyValueNotInList');
    expect(await code({ RAIDType: 'RAID0', CapacityBytes: 1e18, Links: { Drives: [drive] } })).toBe('Base.1.8.PropertyValueNotInList');
    expect(await code({ RAIDType: 'RAID0', Links: { Drives: [drive] }, '@Redfish.OperationApplyTime': 'OnReset' })).toBe('Base.1.8.PropertyValueNotInList');
  });

  it('deletes a template volume (iLO) with 204', async () => {
    const { call } = testVbmc({ mockup: 'hpe-ilo5-dl365-gen10plus' });
    const volumes = '/redfish/v1/Systems/1-0001/Storage/DE042000/Volumes';
    const [member] = (await call('GET', volumes)).body.Members;
    expect((await call('DELETE', member['@odata.id'])).status).toBe(204);
    expect((await call('GET', volumes)).body.Members).toEqual([]);
    expect((await call('DELETE', member['@odata.id'])).status).toBe(404);
  });
});

describe('SimpleUpdate', () => {
  const UPDATE = '/redfish/v1/UpdateService/Actions/UpdateService.SimpleUpdate';

  it('updates the target System BIOS version or Manager firmware when its task completes', async () => {
    const { call, clock } = testVbmc({ systems: 2 });
    const target = '/redfish/v1/Systems/437XR1138R2-0002';
    const started = await call('POST', UPDATE, { ImageURI: 'http://fw.test/bios.bin', TransferProtocol: 'HTTP', Targets: [target] });
    expect(started.status).toBe(202);
    expect((await call('GET', started.headers.location as string)).status).toBe(202);
    expect((await call('GET', target)).body.BiosVersion).toBe('P79 v1.45 (12/06/2017)');
    clock.advance(200);
    expect((await call('GET', started.headers.location as string)).body.TaskState).toBe('Completed');
    expect((await call('GET', target)).body.BiosVersion).toBe('P79 v1.46 (12/06/2017)');
    expect((await call('GET', '/redfish/v1/Systems/437XR1138R2-0001')).body.BiosVersion).toBe('P79 v1.45 (12/06/2017)');

    const bmc = await call('POST', UPDATE, { ImageURI: 'https://fw.test/bmc.bin', Targets: ['/redfish/v1/Managers/BMC-0001'] });
    clock.advance(200);
    expect((await call('GET', bmc.headers.location as string)).status).toBe(200);
    expect((await call('GET', '/redfish/v1/Managers/BMC-0001')).body.FirmwareVersion).toBe('1.46.455b66-rev4');
  });

  it('refuses a missing or non-http ImageURI, and needs Targets with several systems', async () => {
    const { call } = testVbmc({ systems: 2 });
    expect((await call('POST', UPDATE, {})).body.error.code).toBe('Base.1.8.ActionParameterMissing');
    expect((await call('POST', UPDATE, { ImageURI: 'tftp://fw.test/x.bin' })).status).toBe(400);
    expect((await call('POST', UPDATE, { ImageURI: 'http://fw.test/x.bin' })).body.error.code).toBe('Base.1.8.ActionParameterMissing');
    expect((await call('POST', UPDATE, { ImageURI: 'http://fw.test/x.bin', Targets: ['/redfish/v1/Systems/nope'] })).status).toBe(400);
    const single = testVbmc();
    expect((await single.call('POST', UPDATE, { ImageURI: 'http://fw.test/x.bin' })).status).toBe(202);
  });
});
