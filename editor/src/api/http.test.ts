import { describe, expect, it } from 'vitest';
import { ApiProblem, describeError } from './http.ts';

describe('describeError', () => {
  it('says a message once when the detail repeats the title', () => {
    const problem = new ApiProblem(401, {
      title: 'Unknown user or wrong password',
      detail: 'Unknown user or wrong password',
      corrId: 'abc-123',
    });
    expect(describeError(problem)).toBe('Unknown user or wrong password (ref abc-123)');
  });

  it('prefers the specific detail over the generic title, then lists the failing fields', () => {
    const problem = new ApiProblem(400, {
      title: 'The request does not match its schema',
      detail: '12345 is not a valid phone number in E.164 form',
      errors: [{ pointer: '/path/dnis', message: 'must be E.164' }],
    });
    expect(describeError(problem)).toBe(
      '12345 is not a valid phone number in E.164 form /path/dnis: must be E.164',
    );
  });
});
