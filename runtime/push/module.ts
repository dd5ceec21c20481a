/** Push notifications and Developer-tab credentials of one process (runtime.ts creates one). */
import type { Clock } from '../clock/index.ts';
import type { Database } from '../db/client.ts';
import { credentialStore } from '../developer-credentials/credential-store.ts';
import type { RuntimeConfig } from '../env.ts';
import { keyFileSource, secretBox } from '../secrets/secret-box.ts';
import { fcmClient } from './fcm-client.ts';
import { googleTokens } from './google-auth.ts';
import { pushWorker } from './push-worker.ts';

export function createPushModule(deps: { db: Database; clock: Clock; config: RuntimeConfig }) {
  const { db, clock, config } = deps;
  const box = secretBox(
    keyFileSource({
      key: config.secretKey,
      dataDir: config.dataDir,
      ephemeral: config.databaseUrl === 'memory:',
    }),
  );
  const credentials = credentialStore(db, box, () => clock.now());
  const tokens = googleTokens({ tokenUrl: config.googleTokenUrl });
  const fcm = fcmClient({ baseUrl: config.fcmSendUrl, tokens });
  const worker = pushWorker({ db, clock, credentials, fcm });
  return { credentials, tokens, fcm, worker };
}

export type PushModule = ReturnType<typeof createPushModule>;
