import { describe, expect, it } from 'vitest';
import { validateDocument } from '../runtime/applications/validate-document.ts';
import { validateBusinessHours } from '../runtime/business-hours/index.ts';
import { callbackExamples } from '../runtime/callbacks/seed-examples.ts';
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

  describe('the callback scenario (examples/callback)', () => {
    const examples = callbackExamples();
    it.each(examples.applications.map((a) => [a.id, a] as const))(
      'application %s validates without errors',
      (_id, document) => {
        expect(validateDocument(document).issues.filter((i) => i.severity === 'error')).toEqual([]);
      },
    );
    it('has schema-valid business hours, rules and CALLBACK_SETTINGS rows', () => {
      for (const hours of examples.businessHours) {
        expect(schemaValidator().validate('business-hours.schema.json', hours)).toEqual([]);
        expect(validateBusinessHours(hours)).toEqual([]);
      }
      for (const rule of examples.capacityRules)
        expect(schemaValidator().validate('capacity-rule.schema.json', rule)).toEqual([]);
      for (const rule of examples.numberValidationRules) {
        expect(schemaValidator().validate('number-validation-rule.schema.json', rule)).toEqual([]);
      }
      for (const row of examples.settings)
        expect(schemaValidator().validate('callback-settings.schema.json', row)).toEqual([]);
      expect(examples.settings.map((r) => r.virtualQueue)).toContain('Sales_VQ');
    });
    it('routes its phone numbers to its own applications', () => {
      const ids = new Set(examples.applications.map((a) => a.id));
      for (const { applicationId } of examples.phoneNumbers) expect(ids.has(applicationId)).toBe(true);
    });
  });
});
