import { maskUrl } from './index';

describe('maskUrl', () => {
  it.each([
    ['postgres://slipway:s3cret@db:5432/slipway', 'postgres://slipway:***@db:5432/slipway'],
    ['amqp://guest:guest@127.0.0.1:5672/', 'amqp://guest:***@127.0.0.1:5672/'],
    ['redis://:s3cret@cache:6379/0', 'redis://:***@cache:6379/0'],
    ['postgres://u:p/a@ss@db/x?sslmode=require', 'postgres://u:***@db/x?sslmode=require'],
    ['postgres://u:pw@db/x?options=a@b', 'postgres://u:***@db/x?options=a@b'],
    ['postgres://user@db/x', 'postgres://user@db/x'],
    ['redis://cache:6379', 'redis://cache:6379'],
    ['not a url', 'not a url'],
    ['', ''],
  ])('%s -> %s', (url, masked) => {
    expect(maskUrl(url)).toBe(masked);
  });
});
