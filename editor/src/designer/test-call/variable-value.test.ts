import { describe, expect, it } from 'vitest';
import { formatVariableValue, parseVariableValue } from './variable-value.ts';

describe('variable inspector values', () => {
  it('reads numbers, quoted strings, booleans, null and objects as JSON', () => {
    expect(parseVariableValue('42')).toEqual({ ok: true, value: 42 });
    expect(parseVariableValue('"0042"')).toEqual({ ok: true, value: '0042' });
    expect(parseVariableValue('null')).toEqual({ ok: true, value: null });
    expect(parseVariableValue(' {"tier":"gold"} ')).toEqual({ ok: true, value: { tier: 'gold' } });
  });

  it('refuses bare text and suggests the quoted form', () => {
    const parsed = parseVariableValue('gold');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/"gold"/);
  });

  it('refuses an empty entry', () => {
    expect(parseVariableValue('  ').ok).toBe(false);
  });

  it('shows values as the JSON the user would type back', () => {
    expect(formatVariableValue('0042')).toBe('"0042"');
    expect(formatVariableValue(undefined)).toBe('');
    expect(parseVariableValue(formatVariableValue({ a: [1] }))).toEqual({ ok: true, value: { a: [1] } });
  });
});
