import { checkHeartbeatToken, parseHeartbeatArgs } from './heartbeat-args';

describe('heartbeat arguments', () => {
  it('reads the body at the newest version', () => {
    expect(parseHeartbeatArgs({ callback_url: 'http://a:9999', agent_token: 't', agent_version: '9', agent_verify_ca: 'ca', agent_status: 'end', agent_status_message: null }, 82)).toEqual({
      callbackUrl: 'http://a:9999',
      agentToken: 't',
      agentVersion: '9',
      agentVerifyCa: 'ca',
      agentStatus: 'end',
      agentStatusMessage: undefined,
    });
  });

  it("refuses unknown arguments, wrong types and arguments newer than the request, in Ironic's words", () => {
    const fails = (body: unknown, minor = 82) => () => parseHeartbeatArgs(body, minor);
    expect(fails({ callback_url: 'u', foo: 1 })).toThrow('Unexpected arguments: foo');
    expect(fails({ callback_url: 5 })).toThrow('Expected string for callback_url: 5');
    expect(fails({ agent_token: 't' })).toThrow('Missing mandatory parameter: callback_url');
    expect(fails([])).toThrow('Missing mandatory parameter: callback_url');
    expect(fails({ callback_url: 'u', agent_version: '1' }, 35)).toThrow('Field "agent_version" not recognised');
    expect(fails({ callback_url: 'u', agent_status: 'start' }, 71)).toThrow('Fields "agent_status" and "agent_status_message" not recognised.');
    expect(fails({ callback_url: 'u', agent_verify_ca: 'x' }, 67)).toThrow('Field "agent_verify_ca" not recognised in this version');
  });

  it('needs a token and a known agent status', () => {
    expect(() => checkHeartbeatToken({ callbackUrl: 'u' })).toThrow('Agent token is required for heartbeat processing.');
    expect(() => checkHeartbeatToken({ callbackUrl: 'u', agentToken: 't', agentStatus: 'bogus' })).toThrow('Agent status is invalid. Valid states are start,end,error.');
    expect(() => checkHeartbeatToken({ callbackUrl: 'u', agentToken: 't', agentStatus: 'error' })).not.toThrow();
  });
});
