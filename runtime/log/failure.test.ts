import { describe, expect, it } from 'vitest';
import { describeFailure } from './failure.ts';

describe('describeFailure', () => {
  it('keeps classes, codes and schema names along the cause chain, never messages', () => {
    const driver = Object.assign(new Error('duplicate key value violates "users" (jane@example.com)'), {
      code: '23505',
      table_name: 'users',
      constraint_name: 'users_tenant_username',
    });
    const wrapped = new Error('Failed query: insert into users … params: jane@example.com,scrypt$…', {
      cause: driver,
    });
    const text = describeFailure(wrapped);
    expect(text).toMatch(
      /^Error caused by Error \(code 23505, table users, constraint users_tenant_username\)/,
    );
    expect(text).toMatch(/\n {4}at /);
    expect(text).not.toMatch(/jane|scrypt|Failed query/);
  });

  it('drops a code or name that is not an identifier (it could be data)', () => {
    const odd = Object.assign(new TypeError('x'), { code: 'call +14155550123', table: 'a b' });
    expect(describeFailure(odd).split('\n')[0]).toBe('TypeError');
    expect(describeFailure('a thrown string with data')).toBe('a thrown string');
  });
});
