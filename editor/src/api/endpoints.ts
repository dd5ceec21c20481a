/** Every runtime route the editor calls, in one place. */
import type { Application } from '../../../schemas/application.generated.ts';
import type { BusinessHours } from '../../../schemas/business-hours.generated.ts';
import type { CallbackSettings } from '../../../schemas/callback-settings.generated.ts';
import type { TenantContext } from '../../../schemas/flow/tenant-context.ts';
import { api } from './http.ts';
import type {
  AccessGroupRecord,
  ApplicationDraft,
  ApplicationSummary,
  ClockView,
  DialOutcome,
  HoursPreview,
  LoginResponse,
  Page,
  PhoneNumber,
  PublishedVersion,
  QueueFolderRecord,
  QueuePermissionRecord,
  RunnableBlockDefinition,
  SessionUser,
  SimulatedAgent,
  TestCall,
  UserChanges,
  UserRecord,
  ValidationReport,
} from './types.ts';

const app = (id: string) => `/api/v1/applications/${encodeURIComponent(id)}`;
const call = (id: string) => `/api/v1/test-calls/${encodeURIComponent(id)}`;

export const authApi = {
  login: (username: string, password: string) =>
    api.post<LoginResponse>('/api/v1/auth/login', { username, password }),
  me: () => api.get<SessionUser>('/api/v1/auth/me'),
  setLanguage: (language: string) => api.put<SessionUser>('/api/v1/auth/me', { language }),
  logout: () => api.post<void>('/api/v1/auth/logout'),
};

export const validationContextApi = {
  get: () => api.get<TenantContext>('/api/v1/validation-context'),
};

export const blocksApi = {
  list: () => api.get<{ items: RunnableBlockDefinition[] }>('/api/v1/blocks'),
};

export const applicationsApi = {
  list: (search = '', page = 1, pageSize = 100) =>
    api.get<Page<ApplicationSummary>>(
      `/api/v1/applications?page=${page}&pageSize=${pageSize}&search=${encodeURIComponent(search)}`,
    ),
  create: (application: Application) => api.post<ApplicationDraft>('/api/v1/applications', application),
  get: (id: string) => api.get<ApplicationDraft>(app(id)),
  save: (id: string, revision: number, application: Application) =>
    api.put<ApplicationDraft>(app(id), { revision, application }),
  remove: (id: string) => api.delete(app(id)),
  validate: (id: string, application?: Application) =>
    api.post<ValidationReport>(`${app(id)}/validate`, application ? { application } : {}),
  publish: (id: string, request: PublishRequest = {}) =>
    api.post<{ version: number; publishedAt: string; draftRestored: boolean; revision: number }>(
      `${app(id)}/publish`,
      request,
    ),
  versions: (id: string) => api.get<Page<PublishedVersion>>(`${app(id)}/versions?pageSize=100`),
  version: (id: string, version: number) =>
    api.get<PublishedVersion & { application: Application }>(`${app(id)}/versions/${version}`),
};

export interface PublishRequest {
  /** Roll back: publish this earlier version again. */
  fromVersion?: number;
  /** With fromVersion: the draft becomes that version too. */
  restoreDraft?: boolean;
  note?: string;
}

export const phoneNumbersApi = {
  list: () => api.get<Page<PhoneNumber>>('/api/v1/phone-numbers?pageSize=250'),
  assign: (dnis: string, applicationId: string, move = false) =>
    api.put<{ dnis: string; applicationId: string; movedFrom: string | null }>(
      `/api/v1/phone-numbers/${encodeURIComponent(dnis)}`,
      move ? { applicationId, move } : { applicationId },
    ),
  release: (dnis: string) => api.delete(`/api/v1/phone-numbers/${encodeURIComponent(dnis)}`),
};

const hours = (name: string) => `/api/v1/business-hours/${encodeURIComponent(name)}`;

export const businessHoursApi = {
  list: () => api.get<{ items: BusinessHours[] }>('/api/v1/business-hours'),
  get: (name: string) => api.get<BusinessHours>(hours(name)),
  put: (document: BusinessHours) => api.put<BusinessHours>(hours(document.name), document),
  remove: (name: string) => api.delete(hours(name)),
  preview: (name: string, from: Date, days = 7) =>
    api.get<HoursPreview>(
      `${hours(name)}/preview?from=${encodeURIComponent(from.toISOString())}&days=${days}`,
    ),
};

export interface StartTestCall {
  dnis?: string;
  applicationId?: string;
  version?: number;
  /** Run the unpublished draft. */
  draft?: boolean;
  ani: string;
  breakpoints?: string[];
}

export const testCallsApi = {
  start: (body: StartTestCall) => api.post<TestCall>('/api/v1/test-calls', body),
  get: (id: string) => api.get<TestCall>(call(id)),
  dtmf: (id: string, digits: string) => api.post<TestCall>(`${call(id)}/dtmf`, { digits }),
  hangup: (id: string) => api.post<TestCall>(`${call(id)}/hangup`),
  continue: (id: string) => api.post<TestCall>(`${call(id)}/continue`),
  step: (id: string) => api.post<TestCall>(`${call(id)}/step`),
  timeout: (id: string) => api.post<TestCall>(`${call(id)}/timeout`),
  breakpoints: (id: string, blockIds: string[]) => api.put<TestCall>(`${call(id)}/breakpoints`, { blockIds }),
  setVariable: (id: string, name: string, value: unknown) =>
    api.put<TestCall>(`${call(id)}/variables/${encodeURIComponent(name)}`, { value }),
  eventsUrl: (id: string) => `${call(id)}/events`,
};

export const simulatorApi = {
  clock: () => api.get<ClockView>('/api/v1/sim/clock'),
  advance: (seconds: number) => api.post<ClockView>('/api/v1/sim/clock/advance', { seconds }),
  agents: () => api.get<{ items: SimulatedAgent[] }>('/api/v1/agents'),
  setAgentState: (id: string, state: 'Ready' | 'NotReady' | 'LoggedOut') =>
    api.put<SimulatedAgent>(`/api/v1/agents/${encodeURIComponent(id)}/state`, { state }),
  /** What the simulated customer at `number` does when Ringback dials it next. */
  scriptDialer: (number: string, outcomes: { outcome: DialOutcome; afterSeconds?: number }[]) =>
    api.put<unknown>(`/api/v1/sim/dialer/${encodeURIComponent(number)}`, { outcomes }),
};

const settingsRow = (virtualQueue: string) =>
  `/api/v1/data-tables/CALLBACK_SETTINGS/rows/${encodeURIComponent(virtualQueue)}`;

export const callbackSettingsApi = {
  list: () => api.get<Page<CallbackSettings>>('/api/v1/data-tables/CALLBACK_SETTINGS/rows'),
  put: (row: CallbackSettings) => api.put<CallbackSettings>(settingsRow(row.virtualQueue), row),
  remove: (virtualQueue: string) => api.delete(settingsRow(virtualQueue)),
};

export type RuleKind = 'capacity' | 'numberValidation' | 'regionAffinity';
const rulePaths: Record<RuleKind, string> = {
  capacity: '/api/v1/capacity-rules',
  numberValidation: '/api/v1/number-validation-rules',
  regionAffinity: '/api/v1/region-affinity-rules',
};

/** The rules a queue may be assigned, by name (the Callback UI edits them; the settings form picks). */
export const queueRulesApi = {
  names: async (kind: RuleKind) =>
    (await api.get<{ items: { rule: { name: string } }[] }>(rulePaths[kind])).items.map((i) => i.rule.name),
  /** null unassigns; a field left out keeps its rule. */
  assign: (virtualQueue: string, change: Record<string, string | null>) =>
    api.put<Record<string, string | null>>(
      `/api/v1/queues/${encodeURIComponent(virtualQueue)}/rules`,
      change,
    ),
};

const user = (name: string) => `/api/v1/users/${encodeURIComponent(name)}`;
const group = (name: string) => `/api/v1/access-groups/${encodeURIComponent(name)}`;

export const usersApi = {
  list: () => api.get<Page<UserRecord>>('/api/v1/users'),
  create: (username: string, password: string, changes: UserChanges) =>
    api.post<UserRecord>('/api/v1/users', { username, password, roles: [], ...changes }),
  update: (username: string, changes: UserChanges) => api.put<UserRecord>(user(username), changes),
  remove: (username: string) => api.delete(user(username)),
};

export const accessGroupsApi = {
  list: () => api.get<Page<AccessGroupRecord>>('/api/v1/access-groups'),
  put: (name: string, roles: string[]) => api.put<AccessGroupRecord>(group(name), { roles }),
  remove: (name: string) => api.delete(group(name)),
};

export const linesOfBusinessApi = {
  folders: () => api.get<Page<QueueFolderRecord>>('/api/v1/queue-folders'),
  putFolder: (name: string, read: string[], propagate: boolean) =>
    api.put<QueueFolderRecord>(`/api/v1/queue-folders/${encodeURIComponent(name)}`, { read, propagate }),
  queues: () => api.get<Page<QueuePermissionRecord>>('/api/v1/queue-permissions'),
  putQueue: (virtualQueue: string, folder: string | null, read: string[] | null) =>
    api.put<QueuePermissionRecord>(`/api/v1/queues/${encodeURIComponent(virtualQueue)}/permissions`, {
      folder,
      read,
    }),
};
