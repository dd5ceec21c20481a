/** Shapes of the runtime's admin API as the editor uses them (see /openapi.json). */
import type { Application, ApplicationType } from '../../../schemas/application.generated.ts';
import type { BlockDefinition } from '../../../schemas/block-definition.generated.ts';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface SessionUser {
  username: string;
  /** Effective roles (own plus access groups'): what the tabs open by. */
  roles: string[];
  displayName?: string | null;
  accessGroups?: string[];
  language?: string;
}

export interface LoginResponse {
  user: SessionUser;
  token: string;
  expiresAt: string;
}

export type RunnableBlockDefinition = BlockDefinition & { runnable: boolean };

export interface ApplicationSummary {
  id: string;
  name: string;
  type: ApplicationType;
  revision: number;
  updatedAt: string;
  liveVersion: number | null;
  latestVersion: number | null;
}

export interface ApplicationDraft {
  application: Application;
  revision: number;
  updatedAt: string;
  liveVersion: number | null;
  latestVersion: number | null;
}

export interface ValidationIssue {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  blockId?: string;
  pointer?: string;
}

export interface ValidationReport {
  valid: boolean;
  issues: ValidationIssue[];
}

export interface PublishedVersion {
  version: number;
  publishedAt: string;
  publishedBy: string;
  republishedFrom?: number | null;
  /** Why it went live, as the publisher wrote it. */
  note?: string | null;
  live: boolean;
}

export interface PhoneNumber {
  dnis: string;
  applicationId: string;
  /** The name and live version of the application the number serves. */
  applicationName: string;
  liveVersion: number | null;
}

export interface PendingInput {
  kind: 'digits';
  minDigits: number;
  maxDigits: number;
  terminator: string | null;
  timeoutSeconds: number;
}

export interface TraceEntry {
  seq: number;
  blockId: string;
  blockType: string;
  phase: string;
  /** Epoch milliseconds. */
  enteredAt: string;
  durationMs: number | null;
  outcome: string | null;
  variableChanges?: Record<string, { from: unknown; to: unknown }>;
  /** The block's label in the version the call ran (not today's draft). */
  label?: string | null;
  /** What the block reported while it ran, e.g. why a number was refused. */
  notes?: string[];
}

export interface TestCall {
  id: string;
  state: 'running' | 'waitingInput' | 'waitingEvent' | 'paused' | 'ended';
  applicationId: string;
  /** 0 when the call runs the draft. */
  version: number;
  draft?: boolean;
  ani: string;
  dnis: string | null;
  currentBlockId: string | null;
  currentPhase: string | null;
  pendingInput: PendingInput | null;
  prompts: { seq: number; blockId: string; text: string }[];
  variables: Record<string, unknown>;
  trace: TraceEntry[];
  endReason: string | null;
  error: { code: string; message: string } | null;
  /** The callback this call booked, followed to its end. */
  callback?: BookedCallback | null;
}

export interface BookedCallback {
  id: string;
  virtualQueue: string;
  /** The number the callback will dial (keyed in or confirmed by the caller). */
  phoneNumber: string;
  desiredTime: string;
  state: 'SCHEDULED' | 'QUEUED' | 'ROUTING' | 'PROCESSING' | 'COMPLETED';
  reason: string | null;
  attempts: number;
  audit: { at: string; from: string | null; to: string; reason: string }[];
}

export type DialOutcome = 'answer' | 'busy' | 'noAnswer' | 'unreachable';

export interface TestCallEvent {
  seq: number;
  type: string;
  at: string;
  [key: string]: unknown;
}

/** GET /api/v1/business-hours/{name}/preview: instants in ISO 8601 (UTC). */
export interface HoursPreview {
  timeZone: string;
  openNow: boolean;
  openForSeconds: number;
  nextOpening: { start: string; end: string } | null;
  intervals: { start: string; end: string; specialDay: boolean }[];
}

/** Access control (runtime/access, runtime/users): see /openapi.json and docs/access-control.md. */
export interface UserRecord {
  username: string;
  displayName: string | null;
  roles: string[];
  accessGroups: string[];
  language: string;
  effectiveRoles: string[];
}

export interface UserChanges {
  password?: string;
  displayName?: string | null;
  roles?: string[];
  accessGroups?: string[];
  language?: string;
}

export interface AccessGroupRecord {
  name: string;
  roles: string[];
  predefined: boolean;
  members: string[];
}

export interface QueueFolderRecord {
  name: string;
  read: string[];
  propagate: boolean;
}

export interface QueuePermissionRecord {
  virtualQueue: string;
  folder: string | null;
  read: string[] | null;
  effectiveRead: string[] | null;
}

export interface SimulatedAgent {
  id: string;
  name: string;
  skills: unknown;
  state: 'Ready' | 'NotReady' | 'LoggedOut' | 'Busy';
}

export interface ClockView {
  kind: 'system' | 'virtual';
  now: string;
}
