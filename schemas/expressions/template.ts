/**
 * Templates are TTS prompt texts with `{expression}` parts filled in when the prompt plays.
 * `{{` stands for a literal `{` and `}}` for a literal `}`; a lone `}` is kept as written.
 */
import type { ParseFailure, ParseSuccess } from './ast.ts';
import { parseExpression } from './parse.ts';

export interface TemplateExpression {
  expression: string;
  parsed: ParseSuccess;
}

export type TemplatePart = string | TemplateExpression;

export type TemplateParseResult = { ok: true; parts: TemplatePart[] } | ParseFailure;

export function parseTemplate(text: string): TemplateParseResult {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if ((ch === '{' || ch === '}') && text[i + 1] === ch) {
      literal += ch;
      i += 2;
    } else if (ch === '{') {
      const end = closingBrace(text, i + 1);
      if (end === -1)
        return { ok: false, code: 'EXPRESSION_SYNTAX', message: `unclosed { at character ${i}`, index: i };
      const expression = text.slice(i + 1, end);
      const parsed = parseExpression(expression);
      if (!parsed.ok) {
        const index = parsed.index === undefined ? i : i + 1 + parsed.index;
        return { ...parsed, message: `in {${expression}}: ${parsed.message}`, index };
      }
      if (literal !== '') parts.push(literal);
      literal = '';
      parts.push({ expression, parsed });
      i = end + 1;
    } else {
      literal += ch;
      i += 1;
    }
  }
  if (literal !== '') parts.push(literal);
  return { ok: true, parts };
}

/** Index of the `}` that closes an expression starting at `from`, skipping quoted strings. */
function closingBrace(text: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote !== undefined) {
      if (ch === '\\') i += 1;
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '}') {
      return i;
    }
  }
  return -1;
}
