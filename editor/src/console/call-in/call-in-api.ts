/** The Click-To-Call-In routes of the runtime (api.md), as the two screens use them. */
import { ApiProblem, api } from '../../api/http.ts';

export interface CallInRecord {
  id: string;
  groupName: string;
  toPhoneNumber: string;
  fromPhoneNumber: string | null;
  callbackServiceId: string | null;
  accessCode: boolean;
  state: 'PENDING' | 'COMPLETED' | 'EXPIRED';
  createdAt: string;
  expirationTime: string;
  matchedAt: string | null;
  matchedOn: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CallInGroup {
  name: string;
  numbers: { number: string; description: string }[];
  accessCode: { enabled: boolean; length: number };
  expirySeconds: number;
  uniqueDnis: boolean;
}

export interface GroupSummary extends Omit<CallInGroup, 'numbers'> {
  numberCount: number;
}

export const searchFields = [
  'any',
  'id',
  'groupName',
  'toPhoneNumber',
  'fromPhoneNumber',
  'callbackServiceId',
  'state',
] as const;
export type SearchField = (typeof searchFields)[number];

export const callInApi = {
  records(query: { from?: string; search?: string; field?: SearchField; page: number }) {
    const params = new URLSearchParams({ page: String(query.page), pageSize: '500' });
    if (query.from) params.set('from', query.from);
    if (query.search) params.set('search', query.search);
    if (query.field && query.field !== 'any') params.set('field', query.field);
    return api.get<Page<CallInRecord>>(`/api/v1/call-in-requests?${params}`);
  },
  groups: () => api.get<Page<GroupSummary>>('/api/v1/call-in-groups'),
  group: (name: string) => api.get<CallInGroup>(`/api/v1/call-in-groups/${encodeURIComponent(name)}`),
  save: (group: CallInGroup) =>
    api.put<CallInGroup>(`/api/v1/call-in-groups/${encodeURIComponent(group.name)}`, group),
  remove: (name: string) => api.delete(`/api/v1/call-in-groups/${encodeURIComponent(name)}`),
  /** The bulk import: the file's text as text/csv; every bad line comes back in the problem's errors. */
  async importCsv(name: string, text: string): Promise<CallInGroup> {
    const token = sessionStorage.getItem('ringback.token');
    const response = await fetch(`/api/v1/call-in-groups/${encodeURIComponent(name)}/numbers.csv`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'text/csv',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: text,
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) throw new ApiProblem(response.status, body);
    return body as unknown as CallInGroup;
  },
};
