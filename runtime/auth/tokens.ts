import { createHash, randomBytes } from 'node:crypto';

/** An opaque random token; only its SHA-256 is stored, so a database leak reveals no live token. */
export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
