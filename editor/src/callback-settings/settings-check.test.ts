import { describe, expect, it } from 'vitest';
import { checkSettings, type Translate } from './settings-check.ts';

// The catalogue's key and values, so a test reads which message the form would show.
const t: Translate = (key, options) => (options ? `${key} ${JSON.stringify(options)}` : key);

const valid = {
  virtualQueue: 'Support_VQ',
  callbackApplication: 'sales-callback',
  businessHours: 'Sales_Hours',
  skillExpression: 'Support>=3',
  routingPoint: 'Support_CB_OUT',
};

describe('the form’s own check before saving', () => {
  it('passes a queue the schema accepts', () => {
    expect(checkSettings(valid, t)).toEqual({ fields: {}, form: [] });
  });

  it('marks each field the schema refuses, with the catalogue’s words', () => {
    const errors = checkSettings(
      { ...valid, skillExpression: '', maxDialAttempts: 40, virtualQueue: '-bad', routingPoint: undefined },
      t,
    );
    expect(errors.fields).toEqual({
      skillExpression: 'problems.required',
      maxDialAttempts: 'problems.wholeNumber {"min":1,"max":10}',
      virtualQueue: 'problems.name',
      routingPoint: 'problems.required',
    });
    // The schema's if/else says nothing a field does not already say.
    expect(errors.form).toEqual([]);
  });

  it('lets a Click-To-Call-In queue go without a Routing Point', () => {
    const { routingPoint: _, ...rest } = valid;
    expect(checkSettings({ ...rest, callDirection: 'USERORIGINATED' }, t).fields).toEqual({});
  });
});
