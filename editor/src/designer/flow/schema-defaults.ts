/** Initial properties of a new block: every `default` in its properties schema, recursively for objects. */
type Schema = Record<string, unknown>;

export function defaultsOf(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object') return undefined;
  const s = schema as Schema;
  if ('default' in s) return structuredClone(s.default);
  if (s.properties && typeof s.properties === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(s.properties as Record<string, unknown>)) {
      const value = defaultsOf(child);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  return undefined;
}
