import { describe, expect, it } from 'vitest';
import { expandFieldPattern } from './validate-pointer.ts';

describe('expandFieldPattern', () => {
  const properties = {
    assignments: [
      { variable: 'A', expression: '1' },
      { variable: 'B', expression: '2' },
    ],
    routing: { 'a/b': 'x' },
  };

  it('expands * to every array index', () => {
    expect(expandFieldPattern(properties, '/assignments/*/expression')).toEqual([
      { pointer: '/assignments/0/expression', value: '1' },
      { pointer: '/assignments/1/expression', value: '2' },
    ]);
  });

  it('matches nothing for absent fields or * over a non-array', () => {
    expect(expandFieldPattern(properties, '/missing/*/expression')).toEqual([]);
    expect(expandFieldPattern(properties, '/routing/*')).toEqual([]);
    expect(expandFieldPattern(undefined, '/assignments')).toEqual([]);
  });

  it('reads escaped segments and escapes them again in the pointer', () => {
    expect(expandFieldPattern(properties, '/routing/a~1b')).toEqual([
      { pointer: '/routing/a~1b', value: 'x' },
    ]);
  });

  it('accepts a literal array index', () => {
    expect(expandFieldPattern(properties, '/assignments/1/variable')).toEqual([
      { pointer: '/assignments/1/variable', value: 'B' },
    ]);
  });
});
