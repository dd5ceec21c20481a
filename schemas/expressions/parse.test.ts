import { describe, expect, it } from 'vitest';
import { parseExpression } from './index.ts';

function failureOf(source: string) {
  const result = parseExpression(source);
  if (result.ok) throw new Error(`expected ${source} to be rejected`);
  return result;
}

describe('parseExpression', () => {
  it('lists the variables and functions an expression reads, once each, in order', () => {
    const result = parseExpression("upper(b) == a.x || len(b) > c[a] || upper('x') == 'X'");
    expect(result).toMatchObject({ ok: true, variables: ['b', 'a', 'c'], functions: ['upper', 'len'] });
  });

  it('does not count member names as variables', () => {
    expect(parseExpression('caller.account.id')).toMatchObject({ ok: true, variables: ['caller'] });
  });

  it('builds a tree with precedence', () => {
    const result = parseExpression('1 + 2 * x');
    expect(result.ok && result.ast).toEqual({
      type: 'binary',
      operator: '+',
      left: { type: 'literal', value: 1 },
      right: {
        type: 'binary',
        operator: '*',
        left: { type: 'literal', value: 2 },
        right: { type: 'variable', name: 'x' },
      },
    });
  });

  it('reads undefined as a literal, not a variable', () => {
    expect(parseExpression('x ?? undefined')).toMatchObject({ ok: true, variables: ['x'] });
  });

  it('reads single- and double-quoted strings', () => {
    expect(parseExpression('\'a\' + "b"')).toMatchObject({ ok: true });
  });

  it('returns the same result for the same source from its cache', () => {
    expect(parseExpression('a + 1')).toBe(parseExpression('a + 1'));
  });

  it.each([
    ['a = 1', /assignment/],
    ['a += 1', /assignment/],
    ['x => x + 1', /arrow functions/],
    ['new Date()', /'new'/],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a JavaScript template literal is the input under test
    ['`hi ${a}`', /template literals/],
    ['/a+/.test(x)', /regular expressions/],
    ['this', /'this'/],
    ['this.x', /'this'/],
    ['typeof a', /'typeof'/],
    ['a in b', /'in'/],
    ['({a: 1})', /object literals/],
    ['a | 1', /operator \|/],
    ['a ** 2', /operator \*\*/],
    ['~a', /operator ~/],
    ['a, b', /'?several|comma/],
    ['(a, b)', /comma operator/],
    ["'a'.toUpperCase()", /only library functions/],
    ['text.length()', /only library functions/],
    ['len?.(a)', /optional calls/],
    ['len(a, b)', /cannot take 2 arguments/],
    ['now(1)', /cannot take 1 argument/],
  ])('rejects %s as unsupported', (source, message) => {
    const failure = failureOf(source);
    expect(failure.code === 'EXPRESSION_UNSUPPORTED' || failure.code === 'EXPRESSION_SYNTAX').toBe(true);
    expect(failure.message).toMatch(message);
  });

  it.each([
    ["'a'.constructor", 'constructor'],
    ['a.__proto__', '__proto__'],
    ["a['constructor']", 'constructor'],
    ['toString.constructor', 'constructor'],
    ['f.prototype', 'prototype'],
    ["a['__proto__'].polluted", '__proto__'],
  ])('refuses the prototype escape %s', (source, property) => {
    const failure = failureOf(source);
    expect(failure.code).toBe('EXPRESSION_UNSUPPORTED');
    expect(failure.message).toContain(property);
  });

  it('names unknown functions', () => {
    expect(failureOf('eval(x)')).toMatchObject({
      code: 'UNKNOWN_FUNCTION',
      message: 'unknown function eval()',
    });
    expect(failureOf('constructor(x)').code).toBe('UNKNOWN_FUNCTION');
  });

  it('reports syntax errors with their position', () => {
    expect(failureOf('1 +')).toMatchObject({ code: 'EXPRESSION_SYNTAX', index: 3 });
    expect(failureOf('(1')).toMatchObject({ code: 'EXPRESSION_SYNTAX' });
    expect(failureOf('  ')).toMatchObject({ code: 'EXPRESSION_SYNTAX', message: 'the expression is empty' });
    expect(failureOf('[1,,2]').code).toBe('EXPRESSION_SYNTAX');
  });

  it('rejects trees nested too deeply instead of overflowing the stack', () => {
    expect(failureOf(`${'-'.repeat(500)}1`).code).toBe('EXPRESSION_UNSUPPORTED');
    expect(failureOf(`${'('.repeat(50_000)}1${')'.repeat(50_000)}`).code).toBe('EXPRESSION_UNSUPPORTED');
  });
});
