import { describeDatabaseUrl } from './database-url';

describe('describeDatabaseUrl', () => {
  it('masks the password and keeps the rest', () => {
    expect(describeDatabaseUrl('postgres://slipway:s3cret@db.example:5433/slipway?sslmode=require')).toBe(
      'postgres://slipway:***@db.example:5433/slipway?sslmode=require',
    );
  });

  it('masks a password given as a query parameter', () => {
    const described = describeDatabaseUrl('postgres://slipway@db/slipway?password=s3cret');
    expect(described).toBe('postgres://slipway@db/slipway?password=***');
  });

  it('leaves a URL without password unchanged', () => {
    expect(describeDatabaseUrl('postgres://postgres@127.0.0.1:5432/postgres')).toBe('postgres://postgres@127.0.0.1:5432/postgres');
  });

  it('does not echo a URL it cannot parse', () => {
    const described = describeDatabaseUrl('not a url with s3cret');
    expect(described).not.toContain('s3cret');
  });
});
