/**
 * Save-time problems from the server (problem+json `errors: [{pointer, message}]`) placed on the
 * cells they are about. A pointer names a field of the row (`/skillExpression`); one that names no
 * column (`/`, or a rule spanning fields) is kept for the row as a whole.
 */
import type { ProblemField } from '../api/http.ts';
import type { SettingsField } from './settings-columns.ts';

export interface RowErrors {
  cells: Partial<Record<SettingsField, string>>;
  row: string[];
}

export const NO_ERRORS: RowErrors = { cells: {}, row: [] };

export function errorsByCell(errors: readonly ProblemField[], fields: ReadonlySet<string>): RowErrors {
  const cells: Partial<Record<SettingsField, string>> = {};
  const row: string[] = [];
  for (const error of errors) {
    const field = error.pointer
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .find((part) => fields.has(part)) as SettingsField | undefined;
    if (field) cells[field] = cells[field] ? `${cells[field]}; ${error.message}` : error.message;
    else
      row.push(error.pointer && error.pointer !== '/' ? `${error.pointer}: ${error.message}` : error.message);
  }
  return { cells, row };
}
