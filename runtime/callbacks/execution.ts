/**
 * Runs the queue's Callback application (CALLBACK_SETTINGS callbackApplication) once the
 * dispatcher's dial was answered: the application is started as a call with the customer's number
 * as ANI and the queue's routing point as DNIS, so its flow executes (a Play Message before the
 * connection, Callback V2 reporting `connected`, Finalize). The dial itself stays the
 * dispatcher's, so "one dial per attempt" is still kept by dial_attempts alone.
 *
 * The call's id is derived from (callback, attempt), so an attempt has at most one call: a second
 * start of the same attempt is not stored. Answers come in bursts (one simulator tick settles many
 * dials): the live version of each application is read once per burst and the burst's calls are
 * stored in one insert. A failing application never holds a callback back: the error is logged
 * and the customer is connected.
 *
 * The callback's user data (GES `userData`, the Callback V2 block's `userData`) reaches the flow
 * the way a Designer user expects of attached data: a variable the application declares with the
 * name of a key starts with that key's value instead of its default. GES keeps only keys that are
 * JavaScript identifiers, so every key can name a variable; undeclared keys are not set (the flow
 * could not refer to them), and secure variables stay masked in traces. User data is read only
 * for applications that declare variables, and is never logged.
 */
import { createHash } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { BlockServices } from '../../blocks/contract.ts';
import { blockRegistry } from '../../blocks/registry.ts';
import type { Application } from '../../schemas/application.generated.ts';
import type { ApplicationStore } from '../applications/application-store.ts';
import { callStore } from '../calls/call-store.ts';
import type { Database } from '../db/client.ts';
import { callbacks } from '../db/schema.ts';
import { startCall } from '../interpreter/call.ts';
import type { CallState } from '../interpreter/call-state.ts';
import { logFailure } from '../log/failure.ts';
import type { QueueConfig } from './queue-config.ts';

export interface CallbackCalls {
  applications: Pick<ApplicationStore, 'liveVersion' | 'document'>;
  services: (tenantId: string) => BlockServices;
}

/** How the customer was connected: a dial answered, or (customer dials in) a call-in matched or expired. */
export type ConnectResult = 'connected' | 'failed' | 'expired';

interface Pending {
  config: QueueConfig;
  applicationId: string;
  callback: { id: string; attempts: number; phoneNumber: string };
  result: ConnectResult;
  resolve: (callId: string | undefined) => void;
}

/** A UUID-shaped id from the callback and attempt (the same attempt always gives the same call). */
export function callIdOf(callbackId: string, attempt: number): string {
  const hex = createHash('sha256').update(`callback/${callbackId}/${attempt}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The application with each declared variable named by a user-data key starting at that value. */
export function withUserData(application: Application, userData: Record<string, unknown> | undefined) {
  if (!userData || !application.variables.some((v) => Object.hasOwn(userData, v.name))) return application;
  return {
    ...application,
    variables: application.variables.map((v) =>
      Object.hasOwn(userData, v.name)
        ? { ...v, default: userData[v.name] as Application['variables'][number]['default'] }
        : v,
    ),
  };
}

export function callbackExecution(deps: { db: Database; nodeId: string; now: () => number }) {
  const { db, nodeId, now } = deps;
  const callRows = callStore(db, now);
  let calls: CallbackCalls | undefined;
  let pending: Pending[] = [];

  async function applicationOf(
    item: Pending,
    versions: Map<string, Promise<number>>,
  ): Promise<{ application: Application; version: number } | undefined> {
    const { config, applicationId } = item;
    const key = `${config.tenantId}/${applicationId}`;
    try {
      if (!versions.has(key))
        versions.set(key, calls!.applications.liveVersion(config.tenantId, applicationId));
      const version = await (versions.get(key) as Promise<number>);
      return {
        version,
        application: await calls!.applications.document(config.tenantId, applicationId, version),
      };
    } catch (error) {
      logFailure(`engine ${nodeId} callback application ${applicationId}`, error);
      return undefined;
    }
  }

  /** User data of the callbacks whose application declares variables (one query a burst, or none). */
  async function userDataOf(ids: string[]): Promise<Map<string, Record<string, unknown>>> {
    if (ids.length === 0) return new Map();
    try {
      const rows = await db
        .select({ id: callbacks.id, userData: callbacks.userData })
        .from(callbacks)
        .where(inArray(callbacks.id, ids));
      return new Map(rows.map((r) => [r.id, r.userData]));
    } catch (error) {
      logFailure(`engine ${nodeId} reading the user data of callbacks`, error);
      return new Map();
    }
  }

  async function begin(
    item: Pending,
    found: { application: Application; version: number } | undefined,
    userData: Record<string, unknown> | undefined,
  ): Promise<CallState | undefined> {
    if (!found) return undefined;
    const { config, applicationId, callback } = item;
    const application = withUserData(found.application, userData);
    try {
      return await startCall(
        application,
        {
          id: callIdOf(callback.id, callback.attempts),
          tenantId: config.tenantId,
          version: found.version,
          ani: callback.phoneNumber,
          dnis: config.settings.routingPoint ?? '',
          callbackId: callback.id,
          callbackConnectResult: item.result,
        },
        { application, blocks: blockRegistry, services: calls!.services(config.tenantId), now },
      );
    } catch (error) {
      logFailure(`engine ${nodeId} callback application ${applicationId}`, error);
      return undefined;
    }
  }

  async function flush(): Promise<void> {
    const burst = pending;
    pending = [];
    const versions = new Map<string, Promise<number>>();
    const applications = await Promise.all(burst.map((item) => applicationOf(item, versions)));
    const userData = await userDataOf(
      burst
        .filter((_, i) => (applications[i]?.application.variables.length ?? 0) > 0)
        .map((i) => i.callback.id),
    );
    const states = await Promise.all(
      burst.map((item, i) => begin(item, applications[i], userData.get(item.callback.id))),
    );
    const started = states.filter((s) => s !== undefined);
    try {
      await callRows.insertMany(started, false);
    } catch (error) {
      logFailure(`engine ${nodeId} storing callback application calls`, error);
    }
    burst.forEach((item, i) => void item.resolve(states[i]?.id));
  }

  return {
    use(service: CallbackCalls): void {
      calls = service;
    },
    /** Runs the application for one answered attempt; resolves with the call's id, or undefined. */
    run(
      config: QueueConfig,
      callback: Pending['callback'],
      result: ConnectResult = 'connected',
    ): Promise<string | undefined> {
      const applicationId = config.settings.callbackApplication;
      if (!calls || !applicationId) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        if (pending.length === 0) setImmediate(() => void flush());
        pending.push({ config, applicationId, callback, result, resolve });
      });
    },
  };
}

export type CallbackExecution = ReturnType<typeof callbackExecution>;
