/**
 * FCM HTTP v1 `messages:send` (POST {base}/v1/projects/{projectId}/messages:send, bearer token of
 * the service account), with FCM's documented error handling:
 * - 200: sent (FCM answers the message name);
 * - 404 UNREGISTERED (or an FcmError detail saying so): the registration token is gone for good;
 * - 429 QUOTA_EXCEEDED and 5xx UNAVAILABLE/INTERNAL: retry later with back-off, honouring Retry-After;
 * - 401: the access token is stale: fetch a new one and try once more;
 * - other 4xx (INVALID_ARGUMENT, SENDER_ID_MISMATCH, PERMISSION_DENIED): this message cannot be sent.
 */
import type { GoogleTokens, ServiceAccount } from './google-auth.ts';
import { TokenError } from './google-auth.ts';

export const FCM_BASE_URL = 'https://fcm.googleapis.com';

export type SendResult =
  | { kind: 'sent'; name: string }
  | { kind: 'retry'; error: string; retryAfterMs?: number }
  | { kind: 'unregistered'; error: string }
  | { kind: 'failed'; error: string };

export interface FcmMessage {
  token: string;
  data: Record<string, string>;
}

interface FcmErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    details?: { '@type'?: string; errorCode?: string }[];
  };
}

function retryAfter(response: Response): number | undefined {
  const raw = response.headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export function fcmClient(options: {
  baseUrl?: string | undefined;
  tokens: GoogleTokens;
  fetch?: typeof fetch;
}) {
  const base = (options.baseUrl ?? FCM_BASE_URL).replace(/\/+$/, '');
  const request = options.fetch ?? fetch;

  async function attempt(
    account: ServiceAccount & { projectId: string },
    message: FcmMessage,
    validateOnly: boolean,
  ): Promise<{ response: Response; body: FcmErrorBody & { name?: string } } | SendResult> {
    let token: string;
    try {
      token = await options.tokens.token(account);
    } catch (error) {
      const permanent = error instanceof TokenError && error.permanent;
      return { kind: permanent ? 'failed' : 'retry', error: `OAuth: ${(error as Error).message}` };
    }
    try {
      const response = await request(
        `${base}/v1/projects/${encodeURIComponent(account.projectId)}/messages:send`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify({
            ...(validateOnly ? { validate_only: true } : {}),
            message: { token: message.token, data: message.data, android: { priority: 'high' } },
          }),
          signal: AbortSignal.timeout(10_000),
        },
      );
      const body = (await response.json().catch(() => ({}))) as FcmErrorBody & { name?: string };
      return { response, body };
    } catch (error) {
      return { kind: 'retry', error: `FCM unreachable: ${(error as Error).message}` };
    }
  }

  return {
    async send(
      account: ServiceAccount & { projectId: string },
      message: FcmMessage,
      validateOnly = false,
    ): Promise<SendResult> {
      let outcome = await attempt(account, message, validateOnly);
      if (!('kind' in outcome) && outcome.response.status === 401) {
        options.tokens.forget(account);
        outcome = await attempt(account, message, validateOnly);
      }
      if ('kind' in outcome) return outcome;
      const { response, body } = outcome;
      if (response.ok) return { kind: 'sent', name: body.name ?? '' };
      const status = body.error?.status ?? '';
      const errorCode = body.error?.details?.find((d) => d.errorCode)?.errorCode ?? status;
      const error = `FCM ${response.status} ${errorCode}: ${body.error?.message ?? response.statusText}`;
      if (errorCode === 'UNREGISTERED' || (response.status === 404 && status === 'NOT_FOUND'))
        return { kind: 'unregistered', error };
      if (response.status === 429 || response.status >= 500) {
        const after = retryAfter(response);
        return after === undefined ? { kind: 'retry', error } : { kind: 'retry', error, retryAfterMs: after };
      }
      return { kind: 'failed', error };
    },
  };
}

export type FcmClient = ReturnType<typeof fcmClient>;
