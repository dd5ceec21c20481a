import { describe, expect, it } from 'vitest';
import {
  bodyIssues,
  pathParameterIssues,
  printable,
  queryParameterIssues,
  textProblem,
} from './hostile-input.ts';

describe('text the database cannot store', () => {
  it('finds NUL and lone surrogates, and accepts paired ones', () => {
    expect(textProblem('a\u0000')).toMatch(/NUL/);
    expect(textProblem('a\ud800b')).toMatch(/surrogate/);
    expect(textProblem('\udc00')).toMatch(/surrogate/);
    expect(textProblem('😀 ok')).toBeUndefined();
  });

  it('writes them as escapes when shown', () => {
    expect(printable('a\u0000b\ud800😀')).toBe('a\\u0000b\\ud800😀');
  });
});

describe('bodyIssues', () => {
  it('names every bad value and member name by its pointer', () => {
    expect(bodyIssues({ a: ['ok', 'x\u0000'], 'b/c': { 'k\u0000': 1 } })).toEqual([
      { pointer: '/b~1c/k\\u0000', message: 'name must not contain NUL characters' },
      { pointer: '/a/1', message: 'must not contain NUL characters' },
    ]);
  });

  it('stops at the nesting bound without recursing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(bodyIssues(deep)).toEqual([
      { pointer: '/0'.repeat(32), message: 'must not nest deeper than 32 levels' },
    ]);
    let fine: unknown = 1;
    for (let i = 0; i < 31; i++) fine = { a: fine };
    expect(bodyIssues(fine)).toEqual([]);
  });
});

describe('path and query parameters', () => {
  it('names a path parameter with broken percent-encoding, NUL or a lone surrogate', () => {
    const route = '/api/v1/applications/:id/versions/:version';
    expect(pathParameterIssues(route, '/api/v1/applications/a%E0%A4%A/versions/%00')).toEqual([
      { pointer: '/path/id', message: 'has malformed percent-encoding' },
      { pointer: '/path/version', message: 'must not contain NUL characters' },
    ]);
    expect(pathParameterIssues(route, '/api/v1/applications/%ED%A0%80/versions/1')[0]?.pointer).toBe(
      '/path/id',
    );
    expect(pathParameterIssues(route, '/api/v1/applications/%2B1%20x/versions/1')).toEqual([]);
  });

  it('names query parameters, declared or not', () => {
    expect(queryParameterIssues('a=1&search=%00&x=%&b=%F0%9F%98%80')).toEqual([
      { pointer: '/query/search', message: 'must not contain NUL characters' },
      { pointer: '/query/x', message: 'has malformed percent-encoding' },
    ]);
  });
});
