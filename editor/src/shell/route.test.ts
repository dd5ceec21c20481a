import { describe, expect, it } from 'vitest';
import { parseRoute } from './route.ts';

describe('hash routes', () => {
  it('opens Click-To-Call-In Config as a page of the Tools tab at its former address', () => {
    expect(parseRoute('#/tools/call-in-config')).toEqual({ name: 'tools', page: 'call-in-config' });
    expect(parseRoute('#/tools')).toEqual({ name: 'tools' });
  });
  it('keeps the Call-In records their own tab', () => {
    expect(parseRoute('#/call-in')).toEqual({ name: 'callIn' });
  });
});
