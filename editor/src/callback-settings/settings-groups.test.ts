import { describe, expect, it } from 'vitest';
import schema from '../../../schemas/callback-settings.schema.json';
import english from '../i18n/locales/en/callbackSettings.json';
import {
  groupOfField,
  isRequired,
  newSettingsRow,
  rowForSaving,
  SETTINGS_GROUPS,
  type SettingsField,
} from './settings-groups.ts';

const layout = (field: SettingsField) =>
  SETTINGS_GROUPS.flatMap((g) => g.fields).find((f) => f.field === field);

describe('the settings form’s groups', () => {
  it('shows every schema field exactly once', () => {
    const shown = SETTINGS_GROUPS.flatMap((g) => g.fields.map((f) => f.field));
    expect(new Set(shown).size).toBe(shown.length);
    expect([...shown].sort()).toEqual(Object.keys(schema.properties).sort());
  });

  it('puts each field in the group an administrator looks for it in', () => {
    expect(groupOfField('virtualQueue')).toBe('queue');
    expect(groupOfField('skillExpression')).toBe('queue');
    expect(groupOfField('maxDialAttempts')).toBe('calling');
    expect(groupOfField('ewtThresholdSeconds')).toBe('offers');
    expect(groupOfField('slotDurationMinutes')).toBe('scheduling');
    expect(groupOfField('priorityLimit')).toBe('priority');
    expect(groupOfField('callbackPurgeTimeMinutes')).toBe('purge');
    expect(groupOfField('pushedCallbackExpiryMinutes')).toBe('callIn');
    expect(groupOfField('capacityRule')).toBe('rules');
    expect(groupOfField('noSuchSetting')).toBeUndefined();
  });

  it('gives every group and field a name and help text, and every unit a word', () => {
    const texts = english as unknown as {
      groups: Record<string, { title?: string; intro?: string }>;
      fields: Record<string, { name?: string; help?: string }>;
      units: Record<string, string>;
    };
    for (const group of SETTINGS_GROUPS) {
      expect(texts.groups[group.id]?.title, group.id).toBeTruthy();
      expect(texts.groups[group.id]?.intro, group.id).toBeTruthy();
      for (const { field, unit } of group.fields) {
        expect(texts.fields[field]?.name, field).toBeTruthy();
        expect(texts.fields[field]?.help, field).toBeTruthy();
        // The name is a person's words, never the camelCase column.
        expect(texts.fields[field]?.name).not.toBe(field);
        if (unit) expect(texts.units[unit], unit).toBeTruthy();
      }
    }
  });

  it('carries the unit a number is counted in', () => {
    expect(layout('ewtThresholdSeconds')?.unit).toBe('seconds');
    expect(layout('callbackPurgeTimeMinutes')?.unit).toBe('minutes');
    expect(layout('schedulingHorizonDays')?.unit).toBe('days');
    expect(layout('slotDurationMinutes')).toMatchObject({ control: { kind: 'choice' }, unit: 'minutes' });
  });

  it('offers pickers for the fields that name other resources', () => {
    expect(layout('callbackApplication')?.control.kind).toBe('application');
    expect(layout('businessHours')?.control.kind).toBe('businessHours');
    expect(layout('immediateOfferHours')?.control.kind).toBe('businessHours');
    expect(layout('capacityRule')?.control).toEqual({ kind: 'rule', rule: 'capacity' });
    expect(layout('numberValidationRule')?.control).toEqual({ kind: 'rule', rule: 'numberValidation' });
    expect(layout('regionAffinityRule')?.control).toEqual({ kind: 'rule', rule: 'regionAffinity' });
    expect(layout('purgeAtEndOfDay')?.control.kind).toBe('switch');
    expect(layout('callDirection')?.control.kind).toBe('choice');
  });

  it('requires the Routing Point only when the business places the call', () => {
    expect(isRequired('skillExpression', {})).toBe(true);
    expect(isRequired('routingPoint', { callDirection: 'USERTERMINATED' })).toBe(true);
    expect(isRequired('routingPoint', { callDirection: 'USERORIGINATED' })).toBe(false);
    expect(isRequired('surveyRoutingPoint', {})).toBe(false);
  });

  it('starts a new queue from the defaults and leaves empty fields out when saving', () => {
    const row = newSettingsRow();
    expect(row).toMatchObject({
      callDirection: 'USERTERMINATED',
      slotDurationMinutes: 15,
      purgeAtEndOfDay: true,
    });
    expect(row.virtualQueue).toBeUndefined();
    const sent = rowForSaving({
      ...row,
      virtualQueue: ' Sales_VQ ',
      routingPoint: '',
      capacityRule: undefined,
    });
    expect(sent).not.toHaveProperty('routingPoint');
    expect(sent).not.toHaveProperty('capacityRule');
    expect(sent.virtualQueue).toBe('Sales_VQ');
  });
});
