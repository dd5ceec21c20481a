/**
 * Calls as a service: starts calls on an application's live (or a chosen) version, applies
 * operations to a call (load → mutate → compare-and-set save, retried on a lost race), wakes
 * calls whose wait timed out, and tells listeners (SSE) about new events.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { BlockServices } from '../../blocks/contract.ts';
import { blockRegistry } from '../../blocks/registry.ts';
import type { Application } from '../../schemas/application.generated.ts';
import type { TenantContext } from '../../schemas/flow/tenant-context.ts';
import type { ApplicationStore } from '../applications/application-store.ts';
import { validateDocument } from '../applications/validate-document.ts';
import type { Clock } from '../clock/index.ts';
import { ApiError } from '../http/problem.ts';
import { CallOperationError, startCall, timeOut } from '../interpreter/call.ts';
import type { CallState } from '../interpreter/call-state.ts';
import type { RunEnvironment } from '../interpreter/run.ts';
import type { PhoneNumberStore } from '../phone-numbers/phone-number-store.ts';
import type { CallStore } from './call-store.ts';

export interface StartRequest {
  tenantId: string;
  ani: string;
  dnis?: string;
  applicationId?: string;
  version?: number;
  /** Run the application's current draft (a test call while designing). */
  draft?: boolean;
  timeZone?: string;
  breakpoints?: string[];
}

export type CallOperation = (
  state: CallState,
  env: RunEnvironment,
  application: Application,
) => Promise<void> | void;

const maxSaveAttempts = 8;

export function callService(deps: {
  applications: ApplicationStore;
  phoneNumbers: PhoneNumberStore;
  store: CallStore;
  clock: Clock;
  services: (tenantId: string) => BlockServices;
  /** The tenant's queues, hours and rules, so a draft is checked as publishing would check it. */
  tenantContext?: (tenantId: string) => Promise<TenantContext>;
}) {
  const { applications, phoneNumbers, store, clock } = deps;
  const updates = new EventEmitter();
  updates.setMaxListeners(0);

  const environment = (tenantId: string, application: Application): RunEnvironment => ({
    application,
    blocks: blockRegistry,
    services: deps.services(tenantId),
    now: () => clock.now(),
  });

  async function publish(state: CallState) {
    updates.emit(state.id, state);
  }

  /** The document a call runs: its draft copy, or the published version it arrived on. */
  async function documentOf(state: CallState): Promise<Application> {
    return state.draft ?? applications.document(state.tenantId, state.applicationId, state.version);
  }

  /** The draft runs only when the runtime would publish it: errors would fail mid-call. */
  async function runnableDraft(tenantId: string, applicationId: string): Promise<Application> {
    const { application } = await applications.get(tenantId, applicationId);
    const report = validateDocument(application, await deps.tenantContext?.(tenantId));
    if (!report.valid || !report.application) {
      throw new ApiError('APPLICATION_INVALID', `${report.errors} error(s) in the draft stop a test call`, {
        issues: report.issues,
      });
    }
    return report.application;
  }

  return {
    async start(request: StartRequest): Promise<CallState> {
      const { tenantId } = request;
      const applicationId =
        request.applicationId ?? (await phoneNumbers.applicationFor(tenantId, request.dnis ?? ''));
      const draft = request.draft ? await runnableDraft(tenantId, applicationId) : undefined;
      // The version live when the call arrives is the one it keeps to the end.
      const version = draft
        ? 0
        : (request.version ?? (await applications.liveVersion(tenantId, applicationId)));
      const application = draft ?? (await applications.document(tenantId, applicationId, version));
      const state = await startCall(
        application,
        {
          id: randomUUID(),
          tenantId,
          version,
          ani: request.ani,
          dnis: request.dnis ?? '',
          ...(request.timeZone ? { timeZone: request.timeZone } : {}),
          ...(request.breakpoints ? { breakpoints: request.breakpoints } : {}),
        },
        environment(tenantId, application),
      );
      if (draft) state.draft = draft;
      await store.insert(state, true);
      await publish(state);
      return state;
    },

    async get(tenantId: string, id: string): Promise<CallState> {
      const stored = await store.load(tenantId, id);
      if (!stored) throw new ApiError('NOT_FOUND', `No call ${id}`);
      return stored.state;
    },

    /** Applies an operation atomically with respect to every other operation on the call. */
    async apply(tenantId: string, id: string, operation: CallOperation): Promise<CallState> {
      for (let attempt = 0; attempt < maxSaveAttempts; attempt++) {
        const stored = await store.load(tenantId, id);
        if (!stored) throw new ApiError('NOT_FOUND', `No call ${id}`);
        const { state, seq } = stored;
        const application = await documentOf(state);
        try {
          await operation(state, environment(tenantId, application), application);
        } catch (error) {
          throw error instanceof CallOperationError ? operationProblem(error) : error;
        }
        if (await store.save(state, seq)) {
          await publish(state);
          return state;
        }
      }
      throw new ApiError('REVISION_CONFLICT', `Call ${id} is changing too fast; try again`);
    },

    /** Wakes every call whose wait deadline has passed. Safe to run in several processes at once. */
    async wakeDue(): Promise<number> {
      const due = await store.due(clock.now());
      let woken = 0;
      for (const call of due) {
        await this.apply(call.tenantId, call.id, async (state, env) => {
          const deadline = state.waiting?.deadline;
          if (deadline === undefined || deadline > clock.now()) return;
          await timeOut(state, env);
          woken++;
        }).catch(() => undefined);
      }
      return woken;
    },

    documentOf,

    subscribe(id: string, listener: (state: CallState) => void): () => void {
      updates.on(id, listener);
      return () => updates.off(id, listener);
    },
  };
}

export type CallService = ReturnType<typeof callService>;

function operationProblem(error: CallOperationError): ApiError {
  switch (error.code) {
    case 'CALL_ENDED':
    case 'INVALID_DTMF':
      return new ApiError(error.code, error.message);
    case 'NOT_PAUSED':
      return new ApiError('CALL_NOT_PAUSED', error.message);
    default:
      return new ApiError('VALIDATION_FAILED', error.message, {
        errors: [{ pointer: '/name', message: error.message }],
      });
  }
}
