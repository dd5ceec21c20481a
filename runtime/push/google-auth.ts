/**
 * OAuth 2.0 for a Google service account (RFC 7523 JWT bearer grant, as Google's libraries do it):
 * an RS256 JWT signed with the account's private key (jose) — iss the client email, scope FCM's,
 * aud the token endpoint, one hour of validity — exchanged at the token endpoint for an access
 * token, which is kept until a minute before it expires. Times are wall-clock: Google checks them.
 */
import { createHash } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const FCM_SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';
const LIFETIME_S = 3600;
const EARLY_MS = 60_000;

export interface ServiceAccount {
  clientEmail: string;
  privateKey: string;
}

export class TokenError extends Error {
  constructor(
    message: string,
    /** A bad key or account (4xx): retrying with the same credentials cannot help. */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export function googleTokens(options: { tokenUrl?: string | undefined; fetch?: typeof fetch } = {}) {
  const tokenUrl = options.tokenUrl ?? GOOGLE_TOKEN_URL;
  const request = options.fetch ?? fetch;
  const cache = new Map<string, { token: string; until: number }>();
  const running = new Map<string, Promise<string>>();
  const keyOf = (account: ServiceAccount) =>
    createHash('sha256').update(`${account.clientEmail}\u0000${account.privateKey}`).digest('hex');

  async function exchange(account: ServiceAccount): Promise<{ token: string; expiresIn: number }> {
    let key: Awaited<ReturnType<typeof importPKCS8>>;
    try {
      key = await importPKCS8(account.privateKey.replaceAll('\\n', '\n'), 'RS256');
    } catch (error) {
      throw new TokenError(`the private key cannot be read: ${(error as Error).message}`, true);
    }
    const issuedAt = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({ scope: FCM_SCOPE })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(account.clientEmail)
      .setAudience(tokenUrl)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + LIFETIME_S)
      .sign(key);
    let response: Response;
    try {
      response = await request(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new TokenError(`token endpoint unreachable: ${(error as Error).message}`, false);
    }
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    };
    if (!response.ok || !body.access_token)
      throw new TokenError(
        `token endpoint answered ${response.status}: ${body.error ?? 'no access_token'}${body.error_description ? ` (${body.error_description})` : ''}`,
        response.status >= 400 && response.status < 500,
      );
    return { token: body.access_token, expiresIn: body.expires_in ?? LIFETIME_S };
  }

  return {
    /** An access token for the account: the cached one until a minute before it expires. */
    async token(account: ServiceAccount): Promise<string> {
      const key = keyOf(account);
      const cached = cache.get(key);
      if (cached && cached.until > Date.now()) return cached.token;
      const pending = running.get(key);
      if (pending) return pending;
      const work = exchange(account)
        .then(({ token, expiresIn }) => {
          cache.set(key, { token, until: Date.now() + expiresIn * 1000 - EARLY_MS });
          return token;
        })
        .finally(() => running.delete(key));
      running.set(key, work);
      return work;
    },
    /** Forgets the account's token (FCM said it is not valid any more). */
    forget(account: ServiceAccount): void {
      cache.delete(keyOf(account));
    },
  };
}

export type GoogleTokens = ReturnType<typeof googleTokens>;
