/**
 * Skill expressions, e.g. `Sales>=5 & English>3 | Billing>1`: which agents may take an
 * interaction. Grammar (& binds tighter than |, ! binds tightest):
 *
 *   or      := and ('|' and)*
 *   and     := unary ('&' unary)*
 *   unary   := '!' unary | '(' or ')' | test
 *   test    := SKILL (('>=' | '<=' | '=' | '>' | '<') NUMBER)?
 *
 * A bare skill name means level > 0. An agent without a skill has none of it: every comparison on
 * it is false (so `Sales<3` does not match an agent who lacks Sales), and `!Sales` matches.
 */
export type SkillExpression =
  | { kind: 'or' | 'and'; left: SkillExpression; right: SkillExpression }
  | { kind: 'not'; operand: SkillExpression }
  | { kind: 'test'; skill: string; operator: Operator; level: number };

type Operator = '>=' | '<=' | '=' | '>' | '<';

export class SkillExpressionError extends Error {
  constructor(
    message: string,
    /** 0-based character offset of the problem. */
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = 'SkillExpressionError';
  }
}

export type SkillLevels = Readonly<Record<string, number>>;

export function parseSkillExpression(source: string): SkillExpression {
  return new Parser(source).parse();
}

/** The parse error, or null when the expression is sound (for saving settings). */
export function checkSkillExpression(source: string): { position: number; message: string } | null {
  try {
    parseSkillExpression(source);
    return null;
  } catch (error) {
    if (error instanceof SkillExpressionError) return { position: error.position, message: error.message };
    throw error;
  }
}

export function matchesSkills(expression: SkillExpression, skills: SkillLevels): boolean {
  switch (expression.kind) {
    case 'or':
      return matchesSkills(expression.left, skills) || matchesSkills(expression.right, skills);
    case 'and':
      return matchesSkills(expression.left, skills) && matchesSkills(expression.right, skills);
    case 'not':
      return !matchesSkills(expression.operand, skills);
    case 'test': {
      const level = skills[expression.skill];
      if (level === undefined) return false;
      return compare(level, expression.operator, expression.level);
    }
  }
}

function compare(level: number, operator: Operator, wanted: number): boolean {
  switch (operator) {
    case '>=':
      return level >= wanted;
    case '<=':
      return level <= wanted;
    case '=':
      return level === wanted;
    case '>':
      return level > wanted;
    case '<':
      return level < wanted;
  }
}

const SKILL = /[A-Za-z_][A-Za-z0-9_.-]*/y;
const NUMBER = /\d+(\.\d+)?/y;
const OPERATOR = />=|<=|=|>|</y;

class Parser {
  private index = 0;
  constructor(private readonly source: string) {}

  parse(): SkillExpression {
    this.skipSpace();
    if (this.index >= this.source.length) throw new SkillExpressionError('The skill expression is empty', 0);
    const expression = this.or();
    this.skipSpace();
    if (this.index < this.source.length) this.fail(`Unexpected "${this.source[this.index]}"`);
    return expression;
  }

  private or(): SkillExpression {
    let left = this.and();
    while (this.accept('|')) left = { kind: 'or', left, right: this.and() };
    return left;
  }

  private and(): SkillExpression {
    let left = this.unary();
    while (this.accept('&')) left = { kind: 'and', left, right: this.unary() };
    return left;
  }

  private unary(): SkillExpression {
    if (this.accept('!')) return { kind: 'not', operand: this.unary() };
    if (this.accept('(')) {
      const inner = this.or();
      if (!this.accept(')')) this.fail('Expected ")"');
      return inner;
    }
    return this.test();
  }

  private test(): SkillExpression {
    const skill = this.match(SKILL);
    if (skill === null) this.fail('Expected a skill name');
    const operator = this.match(OPERATOR) as Operator | null;
    if (operator === null) return { kind: 'test', skill, operator: '>', level: 0 };
    const level = this.match(NUMBER);
    if (level === null) this.fail(`Expected a level after "${operator}"`);
    return { kind: 'test', skill, operator, level: Number(level) };
  }

  private accept(token: string): boolean {
    this.skipSpace();
    if (this.source.startsWith(token, this.index)) {
      this.index += token.length;
      return true;
    }
    return false;
  }

  private match(pattern: RegExp): string | null {
    this.skipSpace();
    pattern.lastIndex = this.index;
    const found = pattern.exec(this.source);
    if (!found) return null;
    this.index += found[0].length;
    return found[0];
  }

  private skipSpace(): void {
    while (this.source[this.index] === ' ' || this.source[this.index] === '\t') this.index++;
  }

  private fail(message: string): never {
    throw new SkillExpressionError(
      this.index >= this.source.length ? `${message}, found the end` : message,
      this.index,
    );
  }
}
