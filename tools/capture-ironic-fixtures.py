#!/usr/bin/python3
"""Records request/response pairs from a running Ironic (../shared/anchors/ironic) into
test/fixtures/ironic-2023.1/exchanges.json, so our API can be compared with the real one.
Usage: /usr/bin/python3 tools/capture-ironic-fixtures.py [base-url]   (standard library only)"""
import json, os, sys, urllib.request, urllib.error

BASE = sys.argv[1] if len(sys.argv) > 1 else 'http://127.0.0.1:6385'
OUT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'ironic-2023.1', 'exchanges.json')
KEEP_HEADERS = ('location', 'www-authenticate', 'retry-after', 'x-openstack-ironic-api-version',
                'x-openstack-ironic-api-minimum-version', 'x-openstack-ironic-api-maximum-version')

def call(method, path, body=None, version='1.82', raw=None):
    headers = {'Content-Type': 'application/json'}
    if version:
        headers['X-OpenStack-Ironic-API-Version'] = version
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req) as r:
            status, hdrs, text = r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as e:
        status, hdrs, text = e.code, e.headers, e.read().decode()
    try:
        parsed = json.loads(text) if text else None
    except ValueError:
        parsed = text
    return {'request': {'method': method, 'path': path, 'version': version, 'body': body if raw is None else raw.decode()},
            'response': {'status': status, 'headers': {k.lower(): v for k, v in hdrs.items() if k.lower() in KEEP_HEADERS}, 'body': parsed}}

exchanges = {}
def rec(name, *args, **kw):
    exchanges[name] = call(*args, **kw)
    return exchanges[name]['response']

# A clean slate of our fixture nodes.
for n in ('cap-node', 'cap-node-2', 'cap-renamed'):
    call('DELETE', f'/v1/nodes/{n}')

node = rec('node.create', 'POST', '/v1/nodes', {'name': 'cap-node', 'driver': 'fake-hardware', 'driver_info': {'ipmi_password': 'secret', 'fake_x': 'y', 'nested': {'token': 't'}}, 'instance_info': {'image_url': 'http://x/y.img', 'configdrive': 'abc', 'foo': 'bar'}, 'properties': {'cpus': 4}, 'extra': {'k': 'v'}})['body']
uuid = node['uuid']
rec('node.create.second', 'POST', '/v1/nodes', {'name': 'cap-node-2', 'driver': 'fake-hardware', 'resource_class': 'gold', 'conductor_group': 'Rack1'})
for v in ('1.1', '1.5', '1.40', '1.82'):
    rec(f'node.show@{v}', 'GET', f'/v1/nodes/{uuid}', version=v)
rec('node.show.by-name', 'GET', '/v1/nodes/cap-node')
rec('node.show.fields', 'GET', f'/v1/nodes/{uuid}?fields=uuid,name,driver')
rec('node.show.fields-unknown', 'GET', f'/v1/nodes/{uuid}?fields=uuid,bogus')
rec('node.show.fields-too-new', 'GET', f'/v1/nodes/{uuid}?fields=uuid,shard', version='1.81')
rec('node.show.missing-uuid', 'GET', '/v1/nodes/0b6a3a94-1f7c-4f1b-9d70-4b7c9c5a0000')
rec('node.show.missing-name', 'GET', '/v1/nodes/no-such-node')
rec('node.show.bad-ident', 'GET', '/v1/nodes/bad%20name!')
rec('nodes.list', 'GET', '/v1/nodes')
rec('nodes.list@1.1', 'GET', '/v1/nodes', version='1.1')
rec('nodes.list.detail-param', 'GET', '/v1/nodes?detail=true&limit=1')
rec('nodes.detail', 'GET', '/v1/nodes/detail?limit=1')
rec('nodes.list.limit1', 'GET', '/v1/nodes?limit=1')
rec('nodes.list.limit0', 'GET', '/v1/nodes?limit=0')
rec('nodes.list.limit-neg', 'GET', '/v1/nodes?limit=-1')
rec('nodes.list.limit-text', 'GET', '/v1/nodes?limit=abc')
rec('nodes.list.bad-sort-key', 'GET', '/v1/nodes?sort_key=driver_info')
rec('nodes.list.unknown-sort-key', 'GET', '/v1/nodes?sort_key=bogus')
rec('nodes.list.bad-sort-dir', 'GET', '/v1/nodes?sort_dir=up')
rec('nodes.list.bad-marker', 'GET', '/v1/nodes?marker=0b6a3a94-1f7c-4f1b-9d70-4b7c9c5a0000')
rec('nodes.list.fields+detail', 'GET', '/v1/nodes?fields=uuid&detail=true')
rec('nodes.list.filter-rc', 'GET', '/v1/nodes?resource_class=gold')
rec('nodes.list.filter-group', 'GET', '/v1/nodes?conductor_group=rack1')
rec('nodes.list.filter-maintenance-bad', 'GET', '/v1/nodes?maintenance=maybe')
rec('nodes.list.filter-provision-state-bad', 'GET', '/v1/nodes?provision_state=bogus')
rec('nodes.list.associated', 'GET', '/v1/nodes?associated=false')
rec('nodes.list.desc-contains', 'GET', '/v1/nodes?description_contains=x')
rec('node.create.unknown-field', 'POST', '/v1/nodes', {'driver': 'fake-hardware', 'bogus': 1})
rec('node.create.missing-driver', 'POST', '/v1/nodes', {'name': 'x1'})
rec('node.create.unknown-driver', 'POST', '/v1/nodes', {'driver': 'nope'})
rec('node.create.bad-type', 'POST', '/v1/nodes', {'driver': 'fake-hardware', 'properties': 'x'})
rec('node.create.bad-name', 'POST', '/v1/nodes', {'driver': 'fake-hardware', 'name': 'bad name!'})
rec('node.create.duplicate-name', 'POST', '/v1/nodes', {'driver': 'fake-hardware', 'name': 'cap-node'})
rec('node.create.bad-uuid', 'POST', '/v1/nodes', {'driver': 'fake-hardware', 'uuid': 'not-a-uuid'})
rec('node.create.malformed-json', 'POST', '/v1/nodes', raw=b'{"driver": ')
rec('node.create.not-object', 'POST', '/v1/nodes', [1, 2])
rec('node.create.bad-interface', 'POST', '/v1/nodes', {'driver': 'fake-hardware', 'power_interface': 'ipmitool'})
rec('node.create.field-too-new', 'POST', '/v1/nodes', {'driver': 'fake-hardware', 'shard': 'a'}, version='1.81')
rec('node.patch.replace-name', 'PATCH', f'/v1/nodes/{uuid}', [{'op': 'replace', 'path': '/name', 'value': 'cap-renamed'}])
rec('node.patch.add-extra', 'PATCH', f'/v1/nodes/{uuid}', [{'op': 'add', 'path': '/extra/new', 'value': 1}])
rec('node.patch.remove-extra', 'PATCH', f'/v1/nodes/{uuid}', [{'op': 'remove', 'path': '/extra/k'}])
rec('node.patch.remove-missing', 'PATCH', f'/v1/nodes/{uuid}', [{'op': 'remove', 'path': '/extra/nothing'}])
rec('node.patch.add-root', 'PATCH', f'/v1/nodes/{uuid}', [{'op': 'add', 'path': '/bogus', 'value': 1}])
rec('node.patch.readonly', 'PATCH', f'/v1/nodes/{uuid}', [{'op': 'replace', 'path': '/provision_state', 'value': 'active'}])
rec('node.patch.bad-op', 'PATCH', f'/v1/nodes/{uuid}', [{'op': 'frobnicate', 'path': '/name', 'value': 'x'}])
rec('node.patch.not-list', 'PATCH', f'/v1/nodes/{uuid}', {'op': 'replace', 'path': '/name', 'value': 'x'})
rec('node.patch.bad-value-type', 'PATCH', f'/v1/nodes/{uuid}', [{'op': 'replace', 'path': '/maintenance', 'value': 'maybe'}])
rec('node.patch.uuid', 'PATCH', f'/v1/nodes/{uuid}', [{'op': 'replace', 'path': '/uuid', 'value': '0b6a3a94-1f7c-4f1b-9d70-4b7c9c5a0001'}])
rec('node.states', 'GET', f'/v1/nodes/{uuid}/states')
rec('node.validate', 'GET', f'/v1/nodes/{uuid}/validate')
rec('node.power.on', 'PUT', f'/v1/nodes/{uuid}/states/power', {'target': 'power on'})
rec('node.power.bad-target', 'PUT', f'/v1/nodes/{uuid}/states/power', {'target': 'power sideways'})
rec('node.power.bad-timeout', 'PUT', f'/v1/nodes/{uuid}/states/power', {'target': 'power off', 'timeout': 0})
rec('node.provision.bad-verb', 'PUT', f'/v1/nodes/{uuid}/states/provision', {'target': 'fly'})
rec('node.provision.wrong-state', 'PUT', f'/v1/nodes/{uuid}/states/provision', {'target': 'provide'})
rec('node.boot-device.get', 'GET', f'/v1/nodes/{uuid}/management/boot_device')
rec('node.boot-device.supported', 'GET', f'/v1/nodes/{uuid}/management/boot_device/supported')
rec('node.boot-device.set', 'PUT', f'/v1/nodes/{uuid}/management/boot_device', {'boot_device': 'pxe', 'persistent': True})
rec('node.boot-device.bad', 'PUT', f'/v1/nodes/{uuid}/management/boot_device', {'boot_device': 'floppy'})
rec('node.traits.set', 'PUT', f'/v1/nodes/{uuid}/traits', {'traits': ['CUSTOM_A', 'HW_CPU_X86_VMX']})
rec('node.traits.list', 'GET', f'/v1/nodes/{uuid}/traits')
rec('node.traits.bad', 'PUT', f'/v1/nodes/{uuid}/traits/lowercase')
rec('node.maintenance.set', 'PUT', f'/v1/nodes/{uuid}/maintenance', {'reason': 'testing'})
rec('node.maintenance.unset', 'DELETE', f'/v1/nodes/{uuid}/maintenance')
rec('conductors.list', 'GET', '/v1/conductors')
rec('conductors.detail', 'GET', '/v1/conductors?detail=true')
rec('drivers.list', 'GET', '/v1/drivers')
rec('drivers.show', 'GET', '/v1/drivers/fake-hardware')
rec('drivers.properties', 'GET', '/v1/drivers/fake-hardware/properties')
rec('chassis.create', 'POST', '/v1/chassis', {'description': 'cap chassis', 'extra': {'a': 1}})
rec('port.create', 'POST', '/v1/ports', {'address': '52:54:00:12:34:56', 'node_uuid': uuid, 'extra': {}})
rec('port.create.bad-mac', 'POST', '/v1/ports', {'address': 'zz', 'node_uuid': uuid})
rec('ports.list', 'GET', '/v1/ports')
rec('portgroup.create', 'POST', '/v1/portgroups', {'node_uuid': uuid, 'name': 'cap-pg', 'address': '52:54:00:12:34:57'})
rec('allocation.create', 'POST', '/v1/allocations', {'resource_class': 'gold', 'name': 'cap-alloc'})
rec('deploy-template.create', 'POST', '/v1/deploy_templates', {'name': 'CUSTOM_CAP', 'steps': [{'interface': 'bios', 'step': 'apply_configuration', 'args': {}, 'priority': 150}]})
rec('method-not-allowed', 'POST', '/v1/nodes/detail', {})
rec('node.delete', 'DELETE', f'/v1/nodes/{uuid}')
rec('node.delete.again', 'DELETE', f'/v1/nodes/{uuid}')
for n in ('cap-node-2',):
    call('DELETE', f'/v1/nodes/{n}')
for path in ('/v1/allocations/cap-alloc', '/v1/deploy_templates/CUSTOM_CAP'):
    call('DELETE', path)

with open(OUT, 'w') as f:
    json.dump(exchanges, f, indent=1, sort_keys=False)
print(f'{len(exchanges)} exchanges written to {os.path.relpath(OUT)}')
