/** Click-To-Call-In of one process: the groups, the requests and the Match block's service. */
import type { CallInServices } from '../../blocks/contract.ts';
import type { CallbackModule } from '../callbacks/module.ts';
import type { Clock } from '../clock/index.ts';
import type { Database } from '../db/client.ts';
import { callInRequestService } from './call-in-requests.ts';
import { callInGroupStore } from './group-store.ts';

export function createCallInModule(deps: {
  db: Database;
  clock: Clock;
  callbacks: CallbackModule;
  /** A push was written (the delayed request's CALLBACK_READY with number and code): send it now. */
  onPush?: () => void;
}) {
  const { db, clock, callbacks } = deps;
  const now = () => clock.now();
  const groups = callInGroupStore(db, now);
  const requests = callInRequestService({
    db,
    groups,
    queues: callbacks.queues,
    now,
    // The callback's own Callback application learns its customer called in (Callback V2: connected).
    onCalledIn: (tenantId, callback) => {
      void callbacks.queues
        .find(tenantId, callback.virtualQueue)
        .then((config) =>
          config ? callbacks.engine.runApplication(config, callback, 'connected') : undefined,
        )
        .catch((error) => console.error(`[call-in] callback application of ${callback.id}:`, error));
    },
  });
  return {
    groups,
    requests: {
      ...requests,
      async create(...args: Parameters<typeof requests.create>) {
        const answer = await requests.create(...args);
        if (answer.callbackServiceId) deps.onPush?.();
        return answer;
      },
    },
    blockServices: (tenantId: string): CallInServices => ({
      match: (request) => requests.match(tenantId, request),
    }),
  };
}

export type CallInModule = ReturnType<typeof createCallInModule>;
