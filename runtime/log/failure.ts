/**
 * How an unexpected failure is logged: ids and codes, never data. A failed statement's error
 * carries its SQL parameters (phone numbers, user data, password hashes) and many error messages
 * quote the value they choked on (`invalid input syntax for type integer: "…"`, a JSON.parse
 * snippet), so the log keeps only each error's class, its code (SQLSTATE or ours), the schema
 * object it names, and where it was thrown. The corrId links the line to the request.
 */

/** Members of driver errors that name schema objects (postgres.js and PGlite spell them apart). */
const objectNames = ['table', 'table_name', 'column', 'column_name', 'constraint', 'constraint_name'];
const identifier = /^[A-Za-z0-9_.$-]{1,64}$/;
const framesKept = 8;

export function describeFailure(error: unknown): string {
  const links: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    if (!(current instanceof Error)) {
      links.push(`a thrown ${typeof current}`);
      break;
    }
    const fields = current as unknown as Record<string, unknown>;
    const details = [
      typeof fields.code === 'string' && identifier.test(fields.code) ? `code ${fields.code}` : undefined,
      ...objectNames.map((name) => {
        const value = fields[name];
        return typeof value === 'string' && identifier.test(value)
          ? `${name.replace(/_name$/, '')} ${value}`
          : undefined;
      }),
    ].filter((d) => d !== undefined);
    links.push(details.length > 0 ? `${current.name} (${details.join(', ')})` : current.name);
    current = current.cause;
  }
  const frames = (error instanceof Error ? (error.stack ?? '') : '')
    .split('\n')
    .filter((line) => line.startsWith('    at '))
    .slice(0, framesKept);
  return [links.join(' caused by '), ...frames].join('\n');
}

/** One failure on stderr: where it happened (ids only) and what failed (codes only). */
export function logFailure(where: string, error: unknown): void {
  console.error(`[${where}] ${describeFailure(error)}`);
}
