/**
 * Recognises JavaScript that jsep cannot parse but that designers may well type, so they read
 * "not supported" rather than a bare syntax error.
 */

/** Keywords that are not identifiers in the subset. */
export const reservedWords: ReadonlySet<string> = new Set([
  'this',
  'new',
  'typeof',
  'void',
  'delete',
  'in',
  'instanceof',
  'function',
  'class',
  'var',
  'let',
  'const',
  'return',
  'await',
  'yield',
  'async',
  'import',
  'super',
  'if',
  'else',
  'for',
  'while',
  'do',
  'switch',
  'case',
  'throw',
  'try',
  'catch',
  'with',
]);

/** A message when the character at index (where jsep failed) starts unsupported syntax. */
export function unsupportedSyntaxAt(source: string, index: number): string | undefined {
  const here = source[index];
  const next = source[index + 1];
  if (here === '`') return 'template literals are not supported; use concat() or +';
  if (here === '=' && next === '>') return 'arrow functions are not supported';
  if (here === '=' || (here !== undefined && '+-*/%&|^'.includes(here) && next === '=')) {
    return 'assignment is not supported in expressions; use an Assign Variables block';
  }
  if ((here === '+' && next === '+') || (here === '-' && next === '-'))
    return 'the operators ++ and -- are not supported';
  if (here === '/') return 'regular expressions are not supported';
  if (here === '{') return 'object literals are not supported';
  return undefined;
}
