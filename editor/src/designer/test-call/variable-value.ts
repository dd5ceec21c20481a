/** Values in the variable inspector are typed as JSON, so a number, a string and null stay apart. */
export type ParsedValue = { ok: true; value: unknown } | { ok: false; message: string };

export function parseVariableValue(text: string): ParsedValue {
  if (text.trim() === '') return { ok: false, message: 'Enter a JSON value, e.g. "1234", 42, true or null.' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return {
      ok: false,
      message: `Not JSON: put text in double quotes, e.g. ${JSON.stringify(text.trim())}.`,
    };
  }
}

/** The text the inspector shows and edits: the value as JSON; absent values as empty. */
export function formatVariableValue(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value);
}
