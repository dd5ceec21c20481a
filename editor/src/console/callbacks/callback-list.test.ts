import { describe, expect, it } from 'vitest';
import type { CallbackRecord } from '../shared/api.ts';
import { cancellable, filterRecords, indexRecord, isOverdue, presetRange } from './callback-list.ts';

const record = (changes: Partial<CallbackRecord>): CallbackRecord => ({
  id: '11111111-2222-4333-8444-555555555555',
  serviceName: 'Sales_VQ',
  desiredTime: '2026-03-03T17:00:00.000Z',
  callbackState: 'SCHEDULED',
  phoneNumber: '+14155550123',
  origin: 'scheduled',
  scheduled: true,
  priority: 0,
  userData: {},
  attempts: 0,
  createdAt: '2026-03-03T16:00:00.000Z',
  completedAt: null,
  expiresAt: '2026-03-17T17:00:00.000Z',
  agentId: null,
  createdBy: 'ui:admin',
  ...changes,
});

describe('the Callback tab list', () => {
  it('warns of a SCHEDULED callback only once its two-minute window has passed', () => {
    const due = Date.parse('2026-03-03T17:00:00.000Z');
    expect(isOverdue(record({}), due + 119_000)).toBe(false);
    expect(isOverdue(record({}), due + 121_000)).toBe(true);
    expect(isOverdue(record({ callbackState: 'QUEUED' }), due + 600_000)).toBe(false);
    expect(isOverdue(record({ overdue: false }), due + 600_000)).toBe(false); // the runtime's word wins
  });

  it('filters by any column as typed, and by state, queue and origin', () => {
    const rows = [
      record({ id: 'a1', phoneNumber: '+14155550001' }),
      record({ id: 'b2', phoneNumber: '+33123456789', serviceName: 'Support_VQ', origin: 'immediate' }),
      record({ id: 'c3', callbackState: 'COMPLETED', callbackReason: 'CANCELLED_BY_ADMIN' }),
    ].map(indexRecord);
    const base = { search: '', column: 'all' as const, states: [], queues: [], origin: 'all' as const };
    expect(filterRecords(rows, { ...base, search: '+331' }).map((r) => r.id)).toEqual(['b2']);
    expect(filterRecords(rows, { ...base, search: 'cancelled' }).map((r) => r.id)).toEqual(['c3']);
    expect(filterRecords(rows, { ...base, search: 'support', column: 'phoneNumber' })).toEqual([]);
    expect(
      filterRecords(rows, { ...base, queues: ['Sales_VQ'], origin: 'scheduled' }).map((r) => r.id),
    ).toEqual(['a1', 'c3']);
    expect(filterRecords(rows, { ...base, states: ['COMPLETED'] }).map((r) => r.id)).toEqual(['c3']);
  });

  it('skips PROCESSING and COMPLETED callbacks in a bulk cancel and counts them', () => {
    const result = cancellable([
      record({ id: 'a' }),
      record({ id: 'b', callbackState: 'PROCESSING' }),
      record({ id: 'c', callbackState: 'COMPLETED' }),
      record({ id: 'd', callbackState: 'QUEUED' }),
    ]);
    expect(result).toEqual({ ids: ['a', 'd'], processing: 1, completed: 1 });
  });

  it('makes "Next 7 Days" start today and span seven whole days', () => {
    const range = presetRange('next7Days', Date.parse('2026-03-03T17:00:00.000Z'), true);
    expect(range).toEqual({ from: '2026-03-03T00:00:00.000Z', to: '2026-03-10T00:00:00.000Z' });
    expect(presetRange('yesterday', Date.parse('2026-03-03T17:00:00.000Z'), true).from).toBe(
      '2026-03-02T00:00:00.000Z',
    );
  });
});
