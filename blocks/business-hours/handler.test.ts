import { describe, expect, it } from 'vitest';
import type { BusinessHoursStatus } from '../contract.ts';
import { businessHoursTable, harness } from '../testing.ts';
import { businessHours } from './handler.ts';

const open: BusinessHoursStatus = {
  open: true,
  specialDay: null,
  openForSeconds: 3600,
  timeZone: 'Europe/Paris',
};
const closed: BusinessHoursStatus = {
  open: false,
  specialDay: null,
  openForSeconds: 0,
  timeZone: 'Europe/Paris',
};
const holiday: BusinessHoursStatus = { ...closed, specialDay: 'Christmas' };
const shortDay: BusinessHoursStatus = { ...open, specialDay: 'Christmas Eve' };

function services() {
  return businessHoursTable({
    Office: open,
    Night: closed,
    Holiday: holiday,
    ShortDay: shortDay,
  });
}

describe('business-hours', () => {
  it('asks for the named hours at the clock instant, with the override zone', async () => {
    const table = services();
    const block = harness(businessHours, {
      properties: { businessHoursName: 'Office', timeZoneOverride: 'America/New_York' },
      services: { businessHours: table },
      now: '2025-03-14T09:30:00Z',
    });
    expect(await block.start()).toEqual({ kind: 'outcome', outcome: 'open' });
    expect(table.calls).toEqual([
      { name: 'Office', atMs: Date.parse('2025-03-14T09:30:00Z'), timeZoneOverride: 'America/New_York' },
    ]);
  });

  it('takes closed outside hours', async () => {
    const block = harness(businessHours, {
      properties: { businessHoursName: 'Night' },
      services: { businessHours: services() },
    });
    expect(await block.start()).toEqual({ kind: 'outcome', outcome: 'closed' });
  });

  it('takes specialDay when a special day applies and the port is connected', async () => {
    const block = harness(businessHours, {
      properties: { businessHoursName: 'Holiday' },
      services: { businessHours: services() },
    });
    expect(await block.start()).toEqual({ kind: 'outcome', outcome: 'specialDay' });
  });

  it("falls back to the special day's open or closed when specialDay is not connected", async () => {
    const connected = ['open', 'closed', 'error'];
    const holidayBlock = harness(businessHours, {
      properties: { businessHoursName: 'Holiday' },
      services: { businessHours: services() },
      connected,
    });
    expect(await holidayBlock.start()).toEqual({ kind: 'outcome', outcome: 'closed' });
    const shortBlock = harness(businessHours, {
      properties: { businessHoursName: 'ShortDay' },
      services: { businessHours: services() },
      connected,
    });
    expect(await shortBlock.start()).toEqual({ kind: 'outcome', outcome: 'open' });
  });

  it('reads the name from an expression', async () => {
    const block = harness(businessHours, {
      properties: { source: 'expression', businessHoursExpression: "Region == 'night' ? 'Night' : 'Office'" },
      variables: { Region: 'night' },
      services: { businessHours: services() },
    });
    expect(await block.start()).toEqual({ kind: 'outcome', outcome: 'closed' });
  });

  it('fails with RESOURCE_MISSING for unknown hours', async () => {
    const block = harness(businessHours, {
      properties: { businessHoursName: 'Nope' },
      services: { businessHours: services() },
    });
    expect(await block.start()).toMatchObject({ kind: 'error', code: 'RESOURCE_MISSING' });
  });

  it('ends the call when closed and terminateIfClosed is set', async () => {
    const block = harness(businessHours, {
      properties: { businessHoursName: 'Holiday', terminateIfClosed: true },
      services: { businessHours: services() },
    });
    expect(await block.start()).toEqual({ kind: 'end', reason: 'closed' });
  });

  it('does not end the call when open, even with terminateIfClosed', async () => {
    const block = harness(businessHours, {
      properties: { businessHoursName: 'Office', terminateIfClosed: true },
      services: { businessHours: services() },
    });
    expect(await block.start()).toEqual({ kind: 'outcome', outcome: 'open' });
  });
});
