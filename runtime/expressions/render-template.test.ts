import { describe, expect, it } from 'vitest';
import { ExpressionError, mapScope, renderTemplate } from './index.ts';

const scope = mapScope(
  new Map<string, unknown>([
    ['name', 'Ada'],
    ['minutes', 12],
    ['unset', undefined],
  ]),
);

describe('renderTemplate', () => {
  it('fills in expressions and keeps the text around them', () => {
    expect(renderTemplate('Hello {name}, about {minutes + 3} minutes.', scope)).toBe(
      'Hello Ada, about 15 minutes.',
    );
  });

  it('reads {{ and }} as literal braces', () => {
    expect(renderTemplate('{{name}} is {name}', scope)).toBe('{name} is Ada');
  });

  it('shows undefined as nothing', () => {
    expect(renderTemplate('[{unset}]', scope)).toBe('[]');
  });

  it('accepts braces inside quoted strings of an expression', () => {
    expect(renderTemplate("{concat('}', name)}", scope)).toBe('}Ada');
  });

  it('throws EXPRESSION_ERROR for a bad part', () => {
    expect(() => renderTemplate('Hi {name', scope)).toThrow(ExpressionError);
    expect(() => renderTemplate('Hi {missing}', scope)).toThrow(/unknown variable missing/);
  });
});
