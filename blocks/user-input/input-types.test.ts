import { describe, expect, it } from 'vitest';
import { parseInput } from './input-types.ts';

const accepts = (type: Parameters<typeof parseInput>[0], digits: string, country = 'US') =>
  parseInput(type, digits, country);

describe('input types', () => {
  it('keeps digits as text, leading zeros included', () => {
    expect(accepts('digits', '0042')).toEqual({ ok: true, value: '0042' });
  });

  it('reads a number', () => {
    expect(accepts('number', '0042')).toEqual({ ok: true, value: 42 });
    expect(accepts('number', '4*2')).toEqual({ ok: false });
  });

  it('reads 1 as yes and 2 as no', () => {
    expect(accepts('boolean', '1')).toEqual({ ok: true, value: true });
    expect(accepts('boolean', '2')).toEqual({ ok: true, value: false });
    expect(accepts('boolean', '3')).toEqual({ ok: false });
  });

  it('accepts only real calendar dates', () => {
    expect(accepts('date', '20240229')).toEqual({ ok: true, value: '2024-02-29' });
    expect(accepts('date', '20230229')).toEqual({ ok: false });
    expect(accepts('date', '20241301')).toEqual({ ok: false });
    expect(accepts('date', '2024021')).toEqual({ ok: false });
  });

  it('accepts times from 0000 to 2359', () => {
    expect(accepts('time', '0930')).toEqual({ ok: true, value: '09:30' });
    expect(accepts('time', '2359')).toEqual({ ok: true, value: '23:59' });
    expect(accepts('time', '2400')).toEqual({ ok: false });
    expect(accepts('time', '1260')).toEqual({ ok: false });
  });

  it('stores valid phone numbers in E.164, national ones read in the default country', () => {
    expect(accepts('phone', '2015550123')).toEqual({ ok: true, value: '+12015550123' });
    expect(accepts('phone', '0612345678', 'FR')).toEqual({ ok: true, value: '+33612345678' });
    expect(accepts('phone', '0033612345678')).toEqual({ ok: true, value: '+33612345678' });
    expect(accepts('phone', '*33612345678')).toEqual({ ok: true, value: '+33612345678' });
    expect(accepts('phone', '12345')).toEqual({ ok: false });
  });

  it('reads currency with * as the decimal point', () => {
    expect(accepts('currency', '12*50')).toEqual({ ok: true, value: 12.5 });
    expect(accepts('currency', '12')).toEqual({ ok: true, value: 12 });
    expect(accepts('currency', '12*505')).toEqual({ ok: false });
    expect(accepts('currency', '*5')).toEqual({ ok: false });
  });
});
