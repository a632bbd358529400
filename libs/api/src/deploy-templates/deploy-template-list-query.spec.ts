import { InvalidParameterValueError, NotAcceptableError } from '@slipway/errors';
import { parseDeployTemplateListQuery } from './deploy-template-list-query';

// Messages as Ironic 2023.1 answered them.
describe('parseDeployTemplateListQuery', () => {
  it('shows uuid and name unless detail or fields say otherwise', () => {
    expect(parseDeployTemplateListQuery({}, 82)).toMatchObject({ fields: ['uuid', 'name'], detail: undefined, sortKey: 'id', limit: 1000 });
    expect(parseDeployTemplateListQuery({ detail: 'true' }, 82)).toMatchObject({ fields: undefined, detail: true });
    expect(parseDeployTemplateListQuery({ fields: 'steps,extra', sort_key: 'name' }, 82)).toMatchObject({ fields: ['steps', 'extra'], sortKey: 'name' });
  });

  it.each([
    [{ fields: 'name', detail: 'true' }, 'Can not specify ?detail=True and fields in the same request.'],
    [{ detail: 'maybe' }, "Invalid detail: Unrecognized value 'maybe', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'"],
    [{ sort_key: 'steps' }, 'The sort_key value steps is an invalid field for sorting'],
    [{ sort_key: 'foo' }, 'The sort_key value "foo" is an invalid field for sorting'],
    [{ marker: 'bad name' }, 'Expected name for marker: bad name'],
  ])('%j → 400 %s', (query, message) => {
    expect(() => parseDeployTemplateListQuery(query, 82)).toThrow(new InvalidParameterValueError(message));
  });

  it('answers 406 for node fields newer than the request, as Ironic checks them here too', () => {
    expect(() => parseDeployTemplateListQuery({ fields: 'shard' }, 60)).toThrow(NotAcceptableError);
  });
});
