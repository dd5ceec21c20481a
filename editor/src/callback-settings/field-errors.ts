/**
 * Problems with a queue's settings placed on the fields they are about. Both the server's
 * save-time problems (problem+json `errors: [{pointer, message}]`) and the editor's own schema
 * check arrive as JSON pointers: `/skillExpression` names a field; one that names no field of the
 * form (`''`, or a rule spanning fields) is kept for the form as a whole.
 */
import type { ProblemField } from '../api/http.ts';
import { groupOfField, type SettingsField } from './settings-groups.ts';

export interface FormErrors {
  fields: Partial<Record<SettingsField, string>>;
  form: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, form: [] };

/** The field a pointer is about: its first segment the form knows (`/capacityRule/x` → capacityRule). */
export function fieldOfPointer(pointer: string): SettingsField | undefined {
  return pointer
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .find((part) => groupOfField(part) !== undefined) as SettingsField | undefined;
}

export function errorsByField(errors: readonly ProblemField[]): FormErrors {
  const fields: Partial<Record<SettingsField, string>> = {};
  const form: string[] = [];
  for (const error of errors) {
    const field = fieldOfPointer(error.pointer);
    if (field) fields[field] = fields[field] ? `${fields[field]}; ${error.message}` : error.message;
    else
      form.push(
        error.pointer && error.pointer !== '/' ? `${error.pointer}: ${error.message}` : error.message,
      );
  }
  return { fields, form };
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.form.length > 0 || Object.values(errors.fields).some(Boolean);
}

/** How many problems each group holds, so a collapsed or scrolled-away group still shows it has one. */
export function errorCountByGroup(errors: FormErrors): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [field, message] of Object.entries(errors.fields)) {
    const group = message ? groupOfField(field) : undefined;
    if (group) counts[group] = (counts[group] ?? 0) + 1;
  }
  return counts;
}

/** The errors once the user has changed a field: that field's problem is no longer shown. */
export function withoutField(errors: FormErrors, field: SettingsField): FormErrors {
  if (!errors.fields[field]) return errors;
  const fields = { ...errors.fields };
  delete fields[field];
  return { ...errors, fields };
}
