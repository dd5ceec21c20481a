/**
 * reCAPTCHA on the GES callback operations (the guide's "Provisioning CAPTCHA"): when the tenant
 * enabled it, every operation needs a `captchaToken` (body member, or the `captchaToken` query
 * parameter on GET), checked at the siteverify endpoint with the form parameters `secret`,
 * `response` and `remoteip`. Refused: a token siteverify does not call a success, a v3 score under
 * the key set's threshold, a hostname outside the allowed ones (the key set's `hostnames`, else the
 * request's Origin host when it has one), and a token already used here (Google refuses
 * duplicates too; this refuses them before asking). Missing: 400; refused: 401; siteverify
 * unreachable: 503, and the token stays usable.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { rows } from '../db/migrate.ts';
import type { CredentialStore } from '../developer-credentials/credential-store.ts';
import { ApiError } from '../http/problem.ts';

export const RECAPTCHA_VERIFY_URL = 'https://www.google.com/recaptcha/api/siteverify';
/** Google accepts a token for two minutes; kept longer here so a replay is always refused. */
const USED_KEPT_MS = 10 * 60_000;

export interface CaptchaSettings {
  enabled: boolean;
  type: 'v3' | 'v2-checkbox' | 'v2-invisible';
  keySetName: string;
  siteKey: string;
  scoreThreshold?: number;
  hostnames?: string[];
}

export interface SiteVerifyAnswer {
  success: boolean;
  score?: number;
  action?: string;
  hostname?: string;
  challenge_ts?: string;
  'error-codes'?: string[];
}

export function recaptcha(deps: {
  db: Database;
  credentials: CredentialStore;
  verifyUrl?: string | undefined;
  now: () => number;
  fetch?: typeof fetch;
}) {
  const { db, credentials, now } = deps;
  const verifyUrl = deps.verifyUrl ?? RECAPTCHA_VERIFY_URL;
  const request = deps.fetch ?? fetch;
  let lastCleanup = 0;

  /** Asks siteverify; throws CAPTCHA_UNAVAILABLE when it cannot be reached or answers nonsense. */
  async function siteVerify(
    secret: string,
    token: string,
    remoteIp: string | undefined,
  ): Promise<SiteVerifyAnswer> {
    try {
      const response = await request(verifyUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ secret, response: token, ...(remoteIp ? { remoteip: remoteIp } : {}) }),
        signal: AbortSignal.timeout(10_000),
      });
      const answer = (await response.json()) as SiteVerifyAnswer;
      if (typeof answer.success !== 'boolean') throw new Error(`answer without success (${response.status})`);
      return answer;
    } catch (error) {
      throw new ApiError('CAPTCHA_UNAVAILABLE', `reCAPTCHA verification failed: ${(error as Error).message}`);
    }
  }

  /** Why a verified answer is still refused, or undefined when it passes. */
  function refusal(settings: CaptchaSettings, answer: SiteVerifyAnswer, origin: string | undefined) {
    if (!answer.success)
      return `not valid (${(answer['error-codes'] ?? []).join(', ') || 'no reason given'})`;
    if (settings.type === 'v3') {
      const threshold = settings.scoreThreshold ?? 0.5;
      if (typeof answer.score !== 'number' || answer.score < threshold)
        return `score ${answer.score ?? 'missing'} is under the threshold ${threshold}`;
    }
    let allowed = settings.hostnames ?? [];
    if (allowed.length === 0 && origin && URL.canParse(origin)) allowed = [new URL(origin).hostname];
    if (allowed.length > 0 && !allowed.includes(answer.hostname ?? ''))
      return `solved on ${answer.hostname ?? 'an unknown host'}, not an allowed hostname`;
    return undefined;
  }

  return {
    siteVerify,
    refusal,
    /** Checks a GES request's token when the tenant enabled CAPTCHA; throws 400/401/503 ApiErrors. */
    async check(
      tenantId: string,
      token: string | undefined,
      from: { remoteIp?: string | undefined; origin?: string | undefined },
    ): Promise<void> {
      const stored = await credentials.read(tenantId, 'captcha');
      const settings = stored?.settings as CaptchaSettings | undefined;
      if (!stored || !settings?.enabled) return;
      if (!token)
        throw new ApiError('CAPTCHA_REQUIRED', 'CAPTCHA is enabled for this tenant: send a captchaToken');
      const at = now();
      const hash = createHash('sha256').update(token).digest('hex');
      const fresh = await db.execute(sql`
        insert into captcha_tokens_used (token_hash, at) values (${hash}, ${at}::bigint)
        on conflict do nothing returning token_hash`);
      if (rows(fresh).length === 0) throw new ApiError('CAPTCHA_FAILED', 'The captchaToken was already used');
      let answer: SiteVerifyAnswer;
      try {
        answer = await siteVerify(stored.secrets.secretKey ?? '', token, from.remoteIp);
      } catch (error) {
        // Not the client's fault: the same token may be sent again.
        await db.execute(sql`delete from captcha_tokens_used where token_hash = ${hash}`);
        throw error;
      }
      const why = refusal(settings, answer, from.origin);
      if (why) throw new ApiError('CAPTCHA_FAILED', `The captchaToken was refused: ${why}`);
      if (at - lastCleanup > 60_000) {
        lastCleanup = at;
        await db.execute(sql`delete from captcha_tokens_used where at < ${at - USED_KEPT_MS}::bigint`);
      }
    },
  };
}

export type Recaptcha = ReturnType<typeof recaptcha>;
