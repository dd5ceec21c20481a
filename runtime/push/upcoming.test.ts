import { describe, expect, it } from 'vitest';
import { compileBusinessHours } from '../business-hours/index.ts';
import { at, open, weekdays } from '../business-hours/test-hours.ts';
import type { QueueConfig } from '../callbacks/queue-config.ts';
import { withDefaults } from '../callbacks/settings.ts';
import { purgeDeadline, upcomingDue } from './upcoming.ts';

const zone = 'America/Los_Angeles';
const hours = compileBusinessHours(weekdays(zone, open(['09:00', '17:00'])));
function config(changes: Record<string, unknown>): QueueConfig {
  return {
    tenantId: 't',
    settings: withDefaults({
      virtualQueue: 'Q',
      callbackApplication: 'app',
      businessHours: 'Office',
      skillExpression: 'S>0',
      routingPoint: 'RP',
      ...changes,
    }),
    hours,
    immediateOfferHours: undefined,
    capacityRule: undefined,
    numberValidationRule: undefined,
    regionRule: undefined,
  } as unknown as QueueConfig;
}

describe('CALLBACK_UPCOMING timing', () => {
  const queuedAt = at(zone, '2026-03-03T16:40');

  it('is due once the EWT is known and under the threshold', () => {
    const deadline = Number.POSITIVE_INFINITY;
    expect(upcomingDue(undefined, 120, queuedAt, deadline)).toBe(false);
    expect(upcomingDue(120, 120, queuedAt, deadline)).toBe(false);
    expect(upcomingDue(119, 120, queuedAt, deadline)).toBe(true);
  });

  it('is not sent when the business day ends before the callback reaches the top', () => {
    const deadline = purgeDeadline(config({ purgeAtEndOfDay: true }), queuedAt);
    expect(deadline).toBe(at(zone, '2026-03-03T17:00'));
    const now = at(zone, '2026-03-03T16:59');
    expect(upcomingDue(90, 120, now, deadline)).toBe(false);
    expect(upcomingDue(30, 120, now, deadline)).toBe(true);
    expect(purgeDeadline(config({ purgeAtEndOfDay: false }), queuedAt)).toBe(Number.POSITIVE_INFINITY);
  });

  it('is not sent when the Callback Purge Time comes before the top', () => {
    const deadline = purgeDeadline(config({ purgeAtEndOfDay: false, callbackPurgeTimeMinutes: 5 }), queuedAt);
    expect(deadline).toBe(queuedAt + 5 * 60_000);
    expect(upcomingDue(100, 120, queuedAt + 4 * 60_000, deadline)).toBe(false);
    expect(upcomingDue(50, 120, queuedAt + 4 * 60_000, deadline)).toBe(true);
  });
});
