import { parsePatch } from '../common/json-patch';
import { checkVolumePatch, CONNECTOR_PATCHABLE_FIELDS, validateConnector, validateTarget } from './volume-write.validation';

const NODE = '5ccb250d-aa4e-4c6e-9b91-f6e6354d8194';

describe('volume body validation', () => {
  it('accepts a connector and normalises extra', () => {
    expect(validateConnector({ node_uuid: NODE, type: 'iqn', connector_id: 'iqn.x', extra: null })).toEqual({ nodeUuid: NODE, type: 'iqn', connectorId: 'iqn.x', extra: {} });
    expect(validateConnector({ node_uuid: NODE.toUpperCase(), type: 'wwpn', connector_id: 'w', uuid: NODE, extra: { a: 1 } })).toEqual({ uuid: NODE, nodeUuid: NODE, type: 'wwpn', connectorId: 'w', extra: { a: 1 } });
  });

  it("refuses bad connector bodies with jsonschema's words, object problems first", () => {
    const fails = (body: unknown) => () => validateConnector(body);
    expect(fails([])).toThrow("Schema error for connector: [] is not of type 'object'");
    expect(fails({ node_uuid: NODE, type: 5 })).toThrow("Schema error for connector: 'connector_id' is a required property");
    expect(fails({ node_uuid: NODE, type: 'iqn', connector_id: 'y', foo: 1 })).toThrow("Schema error for connector: Additional properties are not allowed ('foo' was unexpected)");
    expect(fails({ node_uuid: NODE, type: 5, connector_id: 'y' })).toThrow("Schema error for connector: 5 is not of type 'string'");
    expect(fails({ node_uuid: NODE, type: 'bogus', connector_id: 'y' })).toThrow("Schema error for connector: 'bogus' is not one of ['iqn', 'ip', 'mac', 'wwnn', 'wwpn', 'port', 'portgroup']");
    expect(fails({ node_uuid: 'node-1', type: 'iqn', connector_id: 'y' })).toThrow('Expected UUID for node_uuid: node-1');
    expect(fails({ node_uuid: NODE, type: 'iqn', connector_id: 'y', uuid: 'x' })).toThrow('Expected UUID for uuid: x');
  });

  it('checks targets: integer boot index within the column, names of the patch in its errors', () => {
    expect(validateTarget({ node_uuid: NODE, volume_type: 'iscsi', volume_id: 'v', boot_index: 0, properties: null })).toEqual({ nodeUuid: NODE, bootIndex: 0, volumeId: 'v', volumeType: 'iscsi', properties: {}, extra: {} });
    expect(() => validateTarget({ node_uuid: NODE, volume_type: 'iscsi', volume_id: 'v', boot_index: '1' })).toThrow("Schema error for target: '1' is not of type 'integer'");
    expect(() => validateTarget({ node_uuid: NODE, volume_type: 'iscsi', volume_id: 'v', boot_index: true })).toThrow("True is not of type 'integer'");
    expect(() => validateTarget({ node_uuid: NODE, volume_type: 'iscsi', volume_id: 'v', boot_index: 2 ** 40 })).toThrow('is greater than the maximum of 2147483647');
    expect(() => validateTarget({ node_uuid: NODE, volume_type: 'iscsi', boot_index: 1 }, 'patch')).toThrow("Schema error for patch: 'volume_id' is a required property");
    expect(() => validateTarget({ node_uuid: NODE, volume_type: 'iscsi', volume_id: 'v'.repeat(37), boot_index: 1 })).toThrow('is too long');
  });

  it('limits patch paths and wants UUIDs for node_uuid', () => {
    expect(() => checkVolumePatch(parsePatch([{ op: 'replace', path: '/uuid', value: 'x' }]), CONNECTOR_PATCHABLE_FIELDS)).toThrow(
      'Cannot patch /uuid. Only the following can be updated: connector_id, extra, node_uuid, type',
    );
    expect(() => checkVolumePatch(parsePatch([{ op: 'replace', path: '/node_uuid', value: 'abc' }]), CONNECTOR_PATCHABLE_FIELDS)).toThrow('Expected a UUID for node_uuid, but received abc.');
    expect(() => checkVolumePatch(parsePatch([{ op: 'add', path: '/extra/a', value: 1 }, { op: 'replace', path: '/node_uuid', value: NODE }]), CONNECTOR_PATCHABLE_FIELDS)).not.toThrow();
  });
});
