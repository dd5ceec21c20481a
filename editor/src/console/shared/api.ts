/** Every runtime route the Callback console calls, and the shapes it reads (see /openapi.json). */
import type { CapacityRule } from '../../../../schemas/capacity-rule.generated.ts';
import type { NumberValidationRule } from '../../../../schemas/number-validation-rule.generated.ts';
import type { RegionAffinityRule } from '../../../../schemas/region-affinity-rule.generated.ts';
import { api, request } from '../../api/http.ts';
import type { Page } from '../../api/types.ts';

export type CallbackState = 'SCHEDULED' | 'QUEUED' | 'ROUTING' | 'PROCESSING' | 'COMPLETED';
export const callbackStates: CallbackState[] = ['SCHEDULED', 'QUEUED', 'ROUTING', 'PROCESSING', 'COMPLETED'];

export interface CallbackRecord {
  id: string;
  serviceName: string;
  desiredTime: string;
  callbackState: CallbackState;
  callbackReason?: string;
  phoneNumber: string;
  positionInQueue?: number;
  estimatedWaitTime?: number;
  origin: 'immediate' | 'scheduled';
  scheduled: boolean;
  priority: number;
  userData: Record<string, unknown>;
  attempts: number;
  createdAt: string;
  completedAt: string | null;
  expiresAt: string;
  agentId: string | null;
  createdBy: string | null;
  /** Added by the GES work (issue 8); computed here when the runtime does not send it. */
  overdue?: boolean;
}

export interface AuditLine {
  at: string;
  from: string | null;
  to: string;
  reason: string | null;
  actor: string;
}

export interface BulkCancelResult {
  cancelled: string[];
  skipped: { id: string; state?: string; reason?: string }[];
  [key: string]: unknown;
}

import type { CallbackReport, QueueDay, QueueFigures } from '../../../../schemas/console-api.generated.ts';

export type {
  CallbackReport,
  QueueDay,
  QueueFigures,
  ReportBucket,
} from '../../../../schemas/console-api.generated.ts';

export interface FreeSlot {
  utcTime: string;
  localTime: string;
  capacity: number;
  total: number;
}

export type RuleKind = 'capacity' | 'numberValidation' | 'regionAffinity';
export interface RuleDocuments {
  capacity: CapacityRule;
  numberValidation: NumberValidationRule;
  regionAffinity: RegionAffinityRule;
}
const rulePaths: Record<RuleKind, string> = {
  capacity: '/api/v1/capacity-rules',
  numberValidation: '/api/v1/number-validation-rules',
  regionAffinity: '/api/v1/region-affinity-rules',
};

export interface ApiKey {
  id: string;
  name: string;
  keyPrefix: string;
  createdAt: string;
}

export interface RecordedError {
  corrId: string;
  at: string;
  method: string;
  path: string;
  status: number;
  message: string;
}

export type CredentialKind = 'push' | 'captcha' | 'statistics';

const enc = encodeURIComponent;
const query = (params: Record<string, string | number | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${enc(String(v))}`)
    .join('&');

export const callbacksApi = {
  list: (
    filter: { from?: string; to?: string; states?: string; services?: string; search?: string },
    page: number,
  ) => api.get<Page<CallbackRecord>>(`/api/v1/callbacks?${query({ ...filter, page, pageSize: 250 })}`),
  get: (id: string) => api.get<CallbackRecord & { audit: AuditLine[] }>(`/api/v1/callbacks/${enc(id)}`),
  create: (body: { serviceName: string; phoneNumber: string; desiredTime?: string }) =>
    api.post<CallbackRecord>('/api/v1/callbacks', body),
  cancel: (id: string) => api.post<CallbackRecord>(`/api/v1/callbacks/${enc(id)}/cancel`),
  reschedule: (id: string, desiredTime: string) =>
    api.post<CallbackRecord>(`/api/v1/callbacks/${enc(id)}/reschedule`, { desiredTime }),
  recreate: (id: string, desiredTime?: string) =>
    api.post<CallbackRecord>(`/api/v1/callbacks/${enc(id)}/recreate`, desiredTime ? { desiredTime } : {}),
  bulkCancel: (ids: string[]) => api.post<BulkCancelResult>('/api/v1/callbacks/bulk-cancel', { ids }),
  cancellationSummaryUrl: (from?: string, to?: string) =>
    `/api/v1/callbacks/cancellation-summary.csv?${query({ from, to })}`,
};

export const queuesApi = {
  list: (params: { search?: string; sort?: string; order?: string; page?: number }) =>
    api.get<Page<QueueFigures> & { at: string }>(`/api/v1/queues?${query(params)}`),
  day: (virtualQueue: string, interval = 15) =>
    api.get<QueueDay>(`/api/v1/queues/${enc(virtualQueue)}/day?interval=${interval}`),
  availability: (virtualQueue: string, days = 7) =>
    api.get<{ timeZone: string; durationMinutes: number; slots: FreeSlot[] }>(
      `/api/v1/queues/${enc(virtualQueue)}/availability?days=${days}`,
    ),
  names: () => api.get<Page<{ virtualQueue: string }>>('/api/v1/data-tables/CALLBACK_SETTINGS/rows'),
  rules: (virtualQueue: string) =>
    api.get<Record<string, string | null>>(`/api/v1/queues/${enc(virtualQueue)}/rules`),
  assignRules: (virtualQueue: string, body: Record<string, string | null>) =>
    api.put<Record<string, string | null>>(`/api/v1/queues/${enc(virtualQueue)}/rules`, body),
};

export const reportsApi = {
  callbacks: (params: { from: string; to: string; interval: number; queues?: string }) =>
    api.get<CallbackReport>(`/api/v1/reports/callbacks?${query(params)}`),
  csvUrl: (params: { from: string; to: string; interval: number; queues?: string }) =>
    `/api/v1/reports/callbacks?${query({ ...params, format: 'csv' })}`,
};

export const rulesApi = {
  list: <K extends RuleKind>(kind: K) =>
    api.get<{ items: { rule: RuleDocuments[K]; queues: string[] }[] }>(rulePaths[kind]),
  put: <K extends RuleKind>(kind: K, rule: RuleDocuments[K]) =>
    api.put<RuleDocuments[K]>(`${rulePaths[kind]}/${enc(rule.name)}`, rule),
  remove: (kind: RuleKind, name: string) => api.delete(`${rulePaths[kind]}/${enc(name)}`),
  convert: (name: string, duration: 30 | 60) =>
    api.post<RuleDocuments['capacity']>(
      `/api/v1/capacity-rules/${enc(name)}/timeslot-length?duration=${duration}`,
    ),
  testNumber: (name: string, number: string) =>
    api.post<{ number: string; valid: boolean; e164?: string; reason?: string; message?: string }>(
      `/api/v1/number-validation-rules/${enc(name)}/test`,
      { number },
    ),
  regions: () => api.get<{ items: { region: string; nodes: string[] }[] }>('/api/v1/regions'),
};

export const developerApi = {
  errors: (corrId?: string) =>
    api.get<Page<RecordedError>>(`/api/v1/developer/errors${corrId ? `?corrId=${enc(corrId)}` : ''}`),
  corsOrigins: () => api.get<{ origins: string[] }>('/api/v1/developer/cors-origins'),
  putCorsOrigins: (origins: string[]) =>
    api.put<{ origins: string[] }>('/api/v1/developer/cors-origins', { origins }),
  apiKeys: () => api.get<Page<ApiKey>>('/api/v1/developer/api-keys'),
  createApiKey: (name: string) => api.post<ApiKey & { key: string }>('/api/v1/developer/api-keys', { name }),
  revokeApiKey: (id: string) => api.delete(`/api/v1/developer/api-keys/${enc(id)}`),
  validateApiKey: (key: string) =>
    api.post<{ valid: boolean; id?: string; name?: string }>('/api/v1/developer/api-keys/validate', { key }),
  credentials: (kind: CredentialKind) =>
    api.get<Record<string, unknown>>(`/api/v1/developer/credentials/${kind}`),
  putCredentials: (kind: CredentialKind, body: Record<string, unknown>) =>
    api.put<Record<string, unknown>>(`/api/v1/developer/credentials/${kind}`, body),
  removeCredentials: (kind: CredentialKind) => api.delete(`/api/v1/developer/credentials/${kind}`),
  testCredentials: (kind: CredentialKind) =>
    api.post<Record<string, unknown>>(`/api/v1/developer/credentials/${kind}/test`),
};

/** A CSV the runtime makes (cancellation summary, report), fetched with the session and saved. */
export async function downloadFrom(path: string, filename: string): Promise<void> {
  const token = sessionStorage.getItem('ringback.token');
  const response = await fetch(path, {
    credentials: 'same-origin',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) {
    // Reuse the JSON client to turn the problem into an ApiProblem.
    await request('GET', path);
  }
  saveFile(await response.text(), filename, 'text/csv');
}

export function saveFile(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
