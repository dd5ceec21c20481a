export interface Scenario {
  applicationId: string;
  name: string;
  /** The instant the call arrives. */
  at: string;
  entries: string[];
  ani?: string;
  dnis?: string;
}

// 2026-11-24 is a Tuesday: 18:00Z is 10:00 in Los Angeles (open), 03:00Z the evening before (closed).
export const scenarios: Scenario[] = [
  {
    applicationId: 'inbound-ivr',
    name: 'sales with account',
    at: '2026-11-24T18:00:00Z',
    entries: ['1', '123456#'],
  },
  { applicationId: 'inbound-ivr', name: 'billing vip', at: '2026-11-24T18:00:00Z', entries: ['2', '987654'] },
  {
    applicationId: 'inbound-ivr',
    name: 'repeat then wrong key then sales',
    at: '2026-11-24T18:00:00Z',
    entries: ['*', '7', '1', '12#', '123', '456#'],
  },
  { applicationId: 'inbound-ivr', name: 'silent caller', at: '2026-11-24T18:00:00Z', entries: [] },
  { applicationId: 'inbound-ivr', name: 'closed', at: '2026-11-24T03:00:00Z', entries: [] },
  { applicationId: 'inbound-ivr', name: 'thanksgiving', at: '2026-11-26T18:00:00Z', entries: [] },
];
