import { describe, expect, it } from 'vitest';
import { checkSkillExpression, matchesSkills, parseSkillExpression } from './skill-expression.ts';

const matches = (expression: string, skills: Record<string, number>) =>
  matchesSkills(parseSkillExpression(expression), skills);

describe('skill expressions', () => {
  it('matches an agent meeting every condition of an &', () => {
    expect(matches('Sales>=5 & English>3', { Sales: 5, English: 4 })).toBe(true);
    expect(matches('Sales>=5 & English>3', { Sales: 5, English: 3 })).toBe(false);
  });

  it('binds & tighter than |', () => {
    const expression = 'Sales>=5 & English>3 | Billing>1';
    expect(matches(expression, { Billing: 2 })).toBe(true);
    expect(matches(expression, { Sales: 9, Billing: 1 })).toBe(false);
    expect(matches('Sales>=5 & (English>3 | Billing>1)', { Billing: 2 })).toBe(false);
  });

  it('supports =, <, <= and ! ', () => {
    expect(matches('Tier=2', { Tier: 2 })).toBe(true);
    expect(matches('Tier<2', { Tier: 1 })).toBe(true);
    expect(matches('Tier<=2', { Tier: 3 })).toBe(false);
    expect(matches('!Trainee & Sales', { Sales: 1 })).toBe(true);
    expect(matches('!(Trainee | Sales>5)', { Trainee: 1 })).toBe(false);
  });

  it('reads a bare skill as level above 0, and a missing skill as not held', () => {
    expect(matches('Sales', { Sales: 1 })).toBe(true);
    expect(matches('Sales', { Sales: 0 })).toBe(false);
    expect(matches('Sales<3', {})).toBe(false);
    expect(matches('!Sales', {})).toBe(true);
  });

  it.each([
    ['', 0, /empty/],
    ['Sales>=', 7, /Expected a level after ">="/],
    ['Sales & ', 8, /Expected a skill name, found the end/],
    ['(Sales | Billing', 16, /Expected "\)"/],
    ['Sales >= 5 Billing', 11, /Unexpected "B"/],
    ['5 > Sales', 0, /Expected a skill name/],
  ])('reports %j as an error at its position', (source, position, message) => {
    const error = checkSkillExpression(source);
    expect(error?.position).toBe(position);
    expect(error?.message).toMatch(message);
  });
});
