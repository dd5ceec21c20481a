import { describe, expect, it } from 'vitest';
import { validateDocument } from '../runtime/applications/validate-document.ts';
import { validateBusinessHours } from '../runtime/business-hours/index.ts';
import { exampleApplications, exampleBusinessHours, examplePhoneNumbers } from '../runtime/seed/examples.ts';
import { schemaValidator } from '../schemas/validation/index.ts';

describe('examples', () => {
  it.each(exampleApplications().map((e) => [e.file, e.document] as const))(
    '%s validates without errors',
    (_file, document) => {
      const report = validateDocument(document);
      expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    },
  );

  it.each(exampleBusinessHours().map((e) => [e.file, e.document] as const))(
    '%s is valid business hours',
    (_file, document) => {
      expect(schemaValidator().validate('business-hours.schema.json', document)).toEqual([]);
      expect(validateBusinessHours(document)).toEqual([]);
    },
  );

  it('assigns phone numbers only to example applications', () => {
    const ids = new Set(exampleApplications().map((a) => a.document.id));
    for (const { applicationId } of examplePhoneNumbers()) expect(ids.has(applicationId)).toBe(true);
  });
});
