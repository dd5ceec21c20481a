/**
 * The save-time check of a blocked-number pattern. Matching runs on RE2 (linear-pattern.ts), so
 * this is no longer what keeps a process responsive: it refuses what RE2 cannot run (lookaround,
 * backreferences, syntax errors) and, as a helpful message, the shapes that would backtrack
 * catastrophically in a backtracking engine (portable rules, readable patterns).
 * It parses the pattern into a small tree and refuses, rather than proves safe:
 *  - backreferences (\1, \k<name>) and lookbehind ((?<=, (?<!), which we do not need for numbers;
 *  - a variable quantifier inside a repeated group, e.g. (a+)+, (\d*)*, (\d{1,3})+ — the classic
 *    exponential shape; fixed counts inside ((\d{3})+) are fine;
 *  - a repeated expression that can match the empty string, e.g. (a?)*;
 *  - alternation under a repeat whose branches can start with the same character, e.g. (a|a)*,
 *    (\d|1)+, or where a branch can be empty.
 * Polynomial shapes such as \d*\d* pass; on a backtracking engine a dozen of them in a row took
 * minutes on a 16-digit number, which is why matching no longer depends on this check.
 * Patterns are also capped at MAX_PATTERN_LENGTH.
 */
import { compileLinear } from './linear-pattern.ts';

export const MAX_PATTERN_LENGTH = 200;

type CharSet = { ascii: boolean[]; other: boolean };
type Node =
  | { kind: 'char'; set: CharSet }
  | { kind: 'assert' }
  | { kind: 'group'; branches: Node[][] }
  | { kind: 'repeat'; min: number; max: number; child: Node };

export type PatternCheck = { ok: true } | { ok: false; message: string };

export function checkPatternSafety(pattern: string): PatternCheck {
  if (pattern.length === 0) return { ok: false, message: 'The pattern is empty' };
  if (pattern.length > MAX_PATTERN_LENGTH)
    return { ok: false, message: `Longer than ${MAX_PATTERN_LENGTH} characters` };
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return { ok: false, message: `Not a valid regular expression: ${(error as Error).message}` };
  }
  const linear = compileLinear(pattern);
  if (!linear.ok) return linear;
  try {
    const tree = new PatternParser(pattern).parse();
    const problem = findProblem(tree, false);
    return problem ? { ok: false, message: problem } : { ok: true };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

function findProblem(branches: Node[][], repeated: boolean): string | null {
  if (repeated && branches.length > 1) {
    if (branches.some((branch) => nullable(branch)))
      return 'A repeated alternation has a branch that can be empty';
    const firsts = branches.map(firstSet);
    for (let i = 0; i < firsts.length; i++) {
      for (let j = 0; j < i; j++) {
        if (overlaps(firsts[i] as CharSet, firsts[j] as CharSet)) {
          return 'A repeated alternation has branches that can start with the same character (e.g. (a|ab)*)';
        }
      }
    }
  }
  for (const branch of branches) {
    for (const node of branch) {
      const problem = nodeProblem(node, repeated);
      if (problem) return problem;
    }
  }
  return null;
}

function nodeProblem(node: Node, repeated: boolean): string | null {
  if (node.kind === 'group') return findProblem(node.branches, repeated);
  if (node.kind !== 'repeat') return null;
  if (repeated && node.min !== node.max)
    return 'A quantifier inside a repeated group (e.g. (a+)+) can backtrack exponentially';
  const repeats = node.max > 1;
  if (repeats && nullable([node.child]))
    return 'A repeated expression can match the empty string (e.g. (a?)*)';
  return nodeProblem(node.child, repeated || repeats);
}

function nullable(branch: Node[]): boolean {
  return branch.every((node) => {
    if (node.kind === 'assert') return true;
    if (node.kind === 'char') return false;
    if (node.kind === 'repeat') return node.min === 0 || nullable([node.child]);
    return node.branches.some(nullable);
  });
}

/** Characters a branch can start with (an over-approximation). */
function firstSet(branch: Node[]): CharSet {
  const result = emptySet();
  for (const node of branch) {
    addAll(result, nodeFirst(node));
    if (!nullable([node])) break;
  }
  return result;
}

function nodeFirst(node: Node): CharSet {
  if (node.kind === 'char') return node.set;
  if (node.kind === 'assert') return emptySet();
  if (node.kind === 'repeat') return nodeFirst(node.child);
  const result = emptySet();
  for (const branch of node.branches) addAll(result, firstSet(branch));
  return result;
}

const emptySet = (): CharSet => ({ ascii: new Array<boolean>(128).fill(false), other: false });
const anySet = (): CharSet => ({ ascii: new Array<boolean>(128).fill(true), other: true });
function addAll(target: CharSet, source: CharSet): void {
  source.ascii.forEach((bit, code) => {
    if (bit) target.ascii[code] = true;
  });
  target.other ||= source.other;
}
function overlaps(a: CharSet, b: CharSet): boolean {
  return (a.other && b.other) || a.ascii.some((bit, code) => bit && b.ascii[code]);
}
function setOf(predicate: (char: string) => boolean, other: boolean): CharSet {
  return { ascii: Array.from({ length: 128 }, (_, code) => predicate(String.fromCharCode(code))), other };
}

const CLASS_ESCAPES: Record<string, () => CharSet> = {
  d: () => setOf((c) => c >= '0' && c <= '9', false),
  D: () => setOf((c) => !(c >= '0' && c <= '9'), true),
  w: () => setOf((c) => /\w/.test(c), false),
  W: () => setOf((c) => !/\w/.test(c), true),
  s: () => setOf((c) => /\s/.test(c), true),
  S: () => setOf((c) => !/\s/.test(c), true),
};

/** Recursive descent over a pattern that `new RegExp(pattern, 'u')` already accepted. */
class PatternParser {
  private index = 0;
  constructor(private readonly source: string) {}

  parse(): Node[][] {
    const branches = this.alternation();
    if (this.index < this.source.length) throw new Error(`Unexpected "${this.peek()}" at ${this.index}`);
    return branches;
  }

  private peek(): string {
    return this.source[this.index] ?? '';
  }

  private alternation(): Node[][] {
    const branches: Node[][] = [this.sequence()];
    while (this.peek() === '|') {
      this.index++;
      branches.push(this.sequence());
    }
    return branches;
  }

  private sequence(): Node[] {
    const nodes: Node[] = [];
    while (this.index < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      nodes.push(this.quantified(this.atom()));
    }
    return nodes;
  }

  private quantified(atom: Node): Node {
    const char = this.peek();
    let bounds: [number, number] | null = null;
    if (char === '*') bounds = [0, Infinity];
    else if (char === '+') bounds = [1, Infinity];
    else if (char === '?') bounds = [0, 1];
    if (bounds) this.index++;
    else if (char === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.index));
      if (match) {
        this.index += match[0].length;
        const min = Number(match[1]);
        bounds = [min, match[2] === undefined ? min : match[3] ? Number(match[3]) : Infinity];
      }
    }
    if (!bounds) return atom;
    if (this.peek() === '?') this.index++; // lazy: same search space
    return { kind: 'repeat', min: bounds[0], max: bounds[1], child: atom };
  }

  private atom(): Node {
    const char = this.peek();
    this.index++;
    if (char === '^' || char === '$') return { kind: 'assert' };
    if (char === '.') return { kind: 'char', set: anySet() };
    if (char === '[') return { kind: 'char', set: this.characterClass() };
    if (char === '\\') return this.escape();
    if (char === '(') return this.group();
    return { kind: 'char', set: literal(char, this.source.codePointAt(this.index - 1) ?? 0) };
  }

  private group(): Node {
    let lookaround = false;
    if (this.source.startsWith('?<=', this.index) || this.source.startsWith('?<!', this.index)) {
      throw new Error('Lookbehind is not allowed');
    }
    if (this.source.startsWith('?=', this.index) || this.source.startsWith('?!', this.index)) {
      lookaround = true;
      this.index += 2;
    } else if (this.source.startsWith('?:', this.index)) {
      this.index += 2;
    } else if (this.source.startsWith('?<', this.index)) {
      this.index = this.source.indexOf('>', this.index) + 1;
    }
    const branches = this.alternation();
    this.index++; // ')'
    // A lookahead matches no characters; its own content is still checked.
    if (lookaround) {
      const problem = findProblem(branches, false);
      if (problem) throw new Error(problem);
      return { kind: 'assert' };
    }
    return { kind: 'group', branches };
  }

  private escape(): Node {
    const char = this.peek();
    this.index++;
    if (/[1-9]/.test(char) || char === 'k') throw new Error('Backreferences are not allowed');
    if (char === 'b' || char === 'B') return { kind: 'assert' };
    const known = CLASS_ESCAPES[char];
    if (known) return { kind: 'char', set: known() };
    this.skipEscapeBody(char);
    // \p{…}, \u…, \x…, \c… and the like: treat as any character (over-approximation).
    if ('pPuxc'.includes(char)) return { kind: 'char', set: anySet() };
    return { kind: 'char', set: literal(escapedChar(char), char.codePointAt(0) ?? 0) };
  }

  private skipEscapeBody(char: string): void {
    if ((char === 'p' || char === 'P' || char === 'u') && this.peek() === '{') {
      this.index = this.source.indexOf('}', this.index) + 1;
    } else if (char === 'u') this.index += 4;
    else if (char === 'x') this.index += 2;
    else if (char === 'c') this.index += 1;
  }

  private characterClass(): CharSet {
    const negated = this.peek() === '^';
    if (negated) this.index++;
    const set = emptySet();
    while (this.index < this.source.length && this.peek() !== ']') {
      const char = this.peek();
      this.index++;
      if (char === '\\') {
        const escaped = this.peek();
        this.index++;
        const known = CLASS_ESCAPES[escaped];
        if (known) addAll(set, known());
        else if ('pPuxc'.includes(escaped)) {
          this.skipEscapeBody(escaped);
          addAll(set, anySet());
        } else addAll(set, literal(escapedChar(escaped), 0));
        continue;
      }
      if (
        this.peek() === '-' &&
        this.source[this.index + 1] !== ']' &&
        this.source[this.index + 1] !== undefined
      ) {
        this.index++;
        let to = this.peek();
        this.index++;
        if (to === '\\') {
          to = escapedChar(this.peek());
          this.index++;
        }
        for (let code = char.charCodeAt(0); code <= Math.min(to.charCodeAt(0), 127); code++)
          set.ascii[code] = true;
        if (to.charCodeAt(0) > 127) set.other = true;
        continue;
      }
      addAll(set, literal(char, char.codePointAt(0) ?? 0));
    }
    this.index++; // ']'
    if (!negated) return set;
    return { ascii: set.ascii.map((bit) => !bit), other: true };
  }
}

function literal(char: string, code: number): CharSet {
  const set = emptySet();
  const point = char.codePointAt(0) ?? code;
  if (point < 128) set.ascii[point] = true;
  else set.other = true;
  return set;
}

function escapedChar(char: string): string {
  return ({ n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' } as Record<string, string>)[char] ?? char;
}
