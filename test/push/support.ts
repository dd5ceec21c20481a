/** A Sales runtime wired to local Google fakes, with a throwaway service-account key. */
import { sql } from 'drizzle-orm';
import { exportPKCS8, generateKeyPair } from 'jose';
import { expect } from 'vitest';
import { rows } from '../../runtime/db/migrate.ts';
import type { Sales } from '../ges/support.ts';
import { type GoogleFakes, startGoogleFakes } from '../support/google-fakes.ts';

export const CLIENT_EMAIL = 'firebase-adminsdk-test@ringback-test.iam.gserviceaccount.com';
export const CAPTCHA_SECRET = '6Lc-secret-for-tests-only';

export async function serviceAccount() {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { publicKey, privateKey: await exportPKCS8(privateKey) };
}

export async function fakesAndEnv() {
  const account = await serviceAccount();
  const fakes = await startGoogleFakes({
    publicKey: account.publicKey,
    clientEmail: CLIENT_EMAIL,
    captchaSecret: CAPTCHA_SECRET,
  });
  const env = {
    RINGBACK_FCM_SEND_URL: fakes.baseUrl,
    RINGBACK_GOOGLE_TOKEN_URL: fakes.tokenUrl,
    RINGBACK_RECAPTCHA_VERIFY_URL: fakes.verifyUrl,
  };
  return { account, fakes, env };
}

export async function registerPush(ctx: Sales, privateKey: string) {
  const reply = await ctx.api.put('/api/v1/developer/credentials/push', {
    projectId: 'ringback-test',
    clientEmail: CLIENT_EMAIL,
    privateKey,
    appId: '1:1234567890:web:abcdef',
    apiKey: 'AIzaSyTestPublicKey',
    senderId: '1234567890',
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

export interface OutboxRow {
  id: number;
  callback_id: string | null;
  target: string;
  event: string;
  payload: Record<string, string>;
  state: string;
  attempts: number;
  next_attempt_at: string | number;
  last_error: string | null;
}

export async function outbox(ctx: Sales): Promise<OutboxRow[]> {
  return rows<OutboxRow>(await ctx.started.runtime.db.execute(sql`select * from push_outbox order by id`));
}

export type { GoogleFakes };
