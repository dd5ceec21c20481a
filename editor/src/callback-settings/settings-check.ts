/**
 * The check the form runs before it sends a queue's settings: the same JSON Schema (and Ajv) the
 * runtime validates with, so what passes here fails on the server only for what the editor cannot
 * know (a skill expression that does not parse, an application that is not published). Messages
 * are the catalogue's, worded from the field's bounds rather than Ajv's English.
 */
import type { CallbackSettings } from '../../../schemas/callback-settings.generated.ts';
import { schemaValidator } from '../../../schemas/validation/index.ts';
import { errorsByField, type FormErrors, fieldOfPointer } from './field-errors.ts';
import { fieldSchema, rowForSaving } from './settings-groups.ts';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function checkSettings(draft: Partial<CallbackSettings>, t: Translate): FormErrors {
  const issues = schemaValidator().validate('callback-settings.schema.json', rowForSaving(draft));
  return errorsByField(
    issues.map((issue) => {
      const field = fieldOfPointer(issue.pointer);
      return { pointer: issue.pointer, message: field ? readable(field, issue.message, t) : issue.message };
    }),
  );
}

function readable(field: Parameters<typeof fieldSchema>[0], message: string, t: Translate): string {
  if (message === 'is required' || message === 'must not be empty') return t('problems.required');
  const property = fieldSchema(field);
  if (property.enum) return t('problems.choice');
  if (property.type === 'integer')
    return t('problems.wholeNumber', { min: property.minimum, max: property.maximum });
  if (property.pattern) return t('problems.name');
  if (property.maxLength !== undefined) return t('problems.tooLong', { max: property.maxLength });
  return message;
}
