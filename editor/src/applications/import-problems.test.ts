import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/http.ts';
import { importProblems } from './import-problems.ts';

describe('importProblems', () => {
  it('lists every field the server refused', () => {
    const problem = new ApiProblem(422, {
      title: 'Validation failed',
      code: 'VALIDATION_FAILED',
      errors: [
        { pointer: '/blocks/b1/properties/retries', message: 'must be <= 5' },
        { pointer: '/phases/selfService', message: 'names no block' },
      ],
    });
    expect(importProblems(problem)).toEqual({
      summary: 'Validation failed',
      details: ['/blocks/b1/properties/retries: must be <= 5', '/phases/selfService: names no block'],
    });
  });

  it('says when the file is not JSON', () => {
    let error: unknown;
    try {
      JSON.parse('{ nope');
    } catch (e) {
      error = e;
    }
    expect(importProblems(error).summary).toMatch(/^The file is not JSON/);
  });
});
