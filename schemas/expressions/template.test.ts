import { describe, expect, it } from 'vitest';
import { parseTemplate } from './index.ts';

describe('parseTemplate', () => {
  it('splits text and {expression} parts', () => {
    const result = parseTemplate('Your wait is {ewt / 60} minutes, {name}.');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.parts.map((part) => (typeof part === 'string' ? part : `<${part.expression}>`))).toEqual([
      'Your wait is ',
      '<ewt / 60>',
      ' minutes, ',
      '<name>',
      '.',
    ]);
  });

  it('reads {{ and }} as literal braces', () => {
    expect(parseTemplate('{{not}} an expression}')).toEqual({ ok: true, parts: ['{not} an expression}'] });
  });

  it('skips braces inside quoted strings', () => {
    const result = parseTemplate("{concat('}', x)}!");
    expect(result.ok && result.parts.length).toBe(2);
  });

  it('reports an unclosed brace', () => {
    expect(parseTemplate('Hello {name')).toMatchObject({ ok: false, code: 'EXPRESSION_SYNTAX', index: 6 });
  });

  it('reports a bad expression with its position in the whole text', () => {
    expect(parseTemplate('Hi {1 +}')).toMatchObject({ ok: false, code: 'EXPRESSION_SYNTAX', index: 7 });
    expect(parseTemplate('Hi {this}')).toMatchObject({ ok: false, code: 'EXPRESSION_UNSUPPORTED' });
  });
});
