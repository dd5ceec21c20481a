import { describe, expect, it } from 'vitest';
import { normaliseReporting } from './reporting-fields.ts';

describe('normaliseReporting', () => {
  it('recognises known values whatever their case and separators', () => {
    expect(
      normaliseReporting({
        cbOfferType: ' combined scheduled-and asap ',
        offerTiming: 'on_hours',
        channel: 'web',
        language: 'en_us',
      }),
    ).toEqual({
      cbOfferType: 'COMBINED_SCHEDULED_AND_ASAP',
      offerTiming: 'ON-HOURS',
      channel: 'WEB',
      language: 'en-US',
    });
  });

  it('leaves out what it does not recognise', () => {
    expect(
      normaliseReporting({
        cbOfferType: 'The customer was offered a callback because the wait was long',
        offerTiming: 'whenever',
        channel: 'the mobile app, version 3',
        language: 'not a language!',
      }),
    ).toEqual({});
  });
});
