import { describeBrokerUrl } from '../errors/broker-unavailable.error';
import { amqpTopology, withHeartbeat } from './amqp-rpc.options';

describe('amqpTopology', () => {
  it('derives every broker name from the prefix', () => {
    const topology = amqpTopology('slipway');
    expect([topology.rpcExchange, topology.eventsExchange, topology.queueFor('c1.example.com'), topology.routingKeyFor('c1.example.com')]).toEqual([
      'slipway.rpc',
      'slipway.events',
      'slipway.conductor.c1.example.com',
      'conductor.c1.example.com',
    ]);
  });

  it('refuses a prefix with topic wildcards', () => {
    expect(() => amqpTopology('a.#')).toThrow(/invalid AMQP prefix/);
  });
});

describe('withHeartbeat', () => {
  it('adds the heartbeat unless the URL sets one', () => {
    expect(withHeartbeat('amqp://u:p@h:5672/vh', 15)).toBe('amqp://u:p@h:5672/vh?heartbeat=15');
    expect(withHeartbeat('amqp://h/?heartbeat=5', 15)).toBe('amqp://h/?heartbeat=5');
  });
});

describe('describeBrokerUrl', () => {
  it('masks the password and keeps the rest', () => {
    expect(describeBrokerUrl('amqp://guest:s3cret@rabbit:5672/vh')).toBe('amqp://guest:***@rabbit:5672/vh');
    expect(describeBrokerUrl('not a url')).toBe('<unparseable URL>');
  });
});
