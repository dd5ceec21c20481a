import { describe, expect, it } from 'vitest';
import type { Application } from '../../../../schemas/application.generated.ts';
import { newApplication } from '../flow/new-application.ts';
import { definitions as list } from '../test-support/definitions.ts';
import { issueText } from './issue-text.ts';

function withMenu(label?: string): Application {
  const doc = newApplication('Support line', 'Default', 'support');
  const properties = { options: [{ digit: '1', label: 'Sales' }] };
  return {
    ...doc,
    blocks: {
      b_menu01: { type: 'menu', typeVersion: 1, phase: 'selfService', label, properties, next: {} },
    },
  };
}

const definitions = Object.fromEntries(list.map((d) => [d.id, d]));

describe('issue text', () => {
  it('names the block by its label and type, not its id', () => {
    const issue = { severity: 'warning' as const, code: 'X', message: 'Something', blockId: 'b_menu01' };
    expect(issueText(issue, withMenu('Main menu'), definitions).block).toBe('Main menu (Menu)');
    expect(issueText(issue, withMenu(), definitions).block).toBe('Menu');
  });

  it('names a property by its field title, and items by their position', () => {
    const doc = withMenu('Main menu');
    const text = (message: string) =>
      issueText(
        { severity: 'error', code: 'BLOCK_PROPERTIES_INVALID', message, blockId: 'b_menu01' },
        doc,
        definitions,
      ).message;
    expect(text('Property options is required')).toBe('Options is required');
    expect(text('Property options/0/digit must be string')).toBe('Options #1 digit must be string');
  });

  it('names an outcome by its port label', () => {
    const issue = {
      severity: 'warning' as const,
      code: 'UNCONNECTED_OUTCOME',
      message: "Outcome 'option:1' is not connected",
      blockId: 'b_menu01',
    };
    expect(issueText(issue, withMenu(), definitions).message).toBe('Outcome 1: Sales is not connected');
  });

  it('leaves issues without a known block as they are', () => {
    const issue = { severity: 'error' as const, code: 'X', message: 'Phase start missing' };
    expect(issueText(issue, withMenu(), definitions)).toEqual({
      block: null,
      message: 'Phase start missing',
    });
  });
});
