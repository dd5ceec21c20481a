/**
 * Slows down password and API-key guessing, per account and per client address, across every
 * process: rate-limiter-flexible's counters live in the database (auth_throttle), updated by one
 * atomic upsert each, so two processes count the same guesses. A guess is counted before the
 * password is checked, so concurrent guesses cannot slip past the limit; a successful sign-in
 * gives its guess back. Past the limit the account or address is locked for a window (429 with
 * Retry-After), recorded once in auth_lockouts. Counters run on wall-clock time, not the virtual
 * clock. Keys are hashes: usernames and addresses are not kept in the counters.
 */
import { createHash, randomUUID } from 'node:crypto';
import { lt } from 'drizzle-orm';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Database } from '../db/client.ts';
import { authLockouts, authThrottle } from '../db/schema.ts';
import type { RuntimeConfig } from '../env.ts';
import { ApiError } from '../http/problem.ts';

export type GuessKind = 'login' | 'apiKey';

export interface Guesser {
  clientAddress: string;
  /** The username guessed at (logins); API keys name no account. */
  account?: { tenantId: string; username: string };
}

export interface GuessThrottle {
  /** Counts a guess; throws RATE_LIMITED when the account or the address is locked out. */
  guess(kind: GuessKind, guesser: Guesser): Promise<void>;
  /** The guess was right: it does not count, and the account's failures are forgotten. */
  succeeded(kind: GuessKind, guesser: Guesser): Promise<void>;
  /** Throws RATE_LIMITED when the address is locked out, without counting anything. */
  refuseIfLocked(kind: GuessKind, clientAddress: string): Promise<void>;
}

const hashed = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 32);

export function guessThrottle(db: Database, config: RuntimeConfig): GuessThrottle {
  const window = config.guessWindowMinutes * 60;
  const limiter = (keyPrefix: string, points: number) =>
    new RateLimiterDrizzle({
      storeClient: db,
      schema: authThrottle,
      keyPrefix,
      points,
      duration: window,
      blockDuration: window,
      // Its own sweep would log the failed statement with its parameters; ours is below.
      clearExpiredByTimeout: false,
    });
  const perAccount = limiter('account', config.guessesPerAccount);
  const perAddress = {
    login: limiter('login-address', config.guessesPerAddress),
    apiKey: limiter('key-address', config.guessesPerAddress),
  };
  const accountKey = (a: NonNullable<Guesser['account']>) =>
    hashed(`${a.tenantId}\u0000${a.username.toLowerCase()}`);

  async function lockedOut(
    kind: GuessKind,
    scope: 'account' | 'address',
    guesser: Guesser,
    refusal: RateLimiterRes,
    limit: number,
  ): Promise<never> {
    // The guess that crossed the limit records the lockout; the ones refused after it do not.
    if (refusal.consumedPoints === limit + 1) {
      const at = Date.now();
      await db.insert(authLockouts).values({
        id: randomUUID(),
        tenantId: guesser.account?.tenantId ?? null,
        at,
        kind,
        scope,
        account: scope === 'account' ? (guesser.account?.username ?? null) : null,
        clientAddress: guesser.clientAddress,
        until: at + refusal.msBeforeNext,
      });
      await db.delete(authThrottle).where(lt(authThrottle.expire, new Date(at - 3_600_000)));
    }
    throw rateLimited(refusal.msBeforeNext);
  }

  async function consume(
    kind: GuessKind,
    scope: 'account' | 'address',
    guesser: Guesser,
    limiter: RateLimiterDrizzle,
    key: string,
    limit: number,
  ): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      await lockedOut(kind, scope, guesser, refusal, limit);
    }
  }

  return {
    async guess(kind, guesser) {
      const address = hashed(guesser.clientAddress);
      await consume(kind, 'address', guesser, perAddress[kind], address, config.guessesPerAddress);
      if (guesser.account) {
        await consume(
          kind,
          'account',
          guesser,
          perAccount,
          accountKey(guesser.account),
          config.guessesPerAccount,
        );
      }
    },
    async succeeded(kind, guesser) {
      // Given back only while counted: credit from many good sign-ins would buy an attacker guesses.
      const address = hashed(guesser.clientAddress);
      const counted = await perAddress[kind].get(address);
      if (counted && counted.consumedPoints > 0) await perAddress[kind].reward(address, 1);
      if (guesser.account) await perAccount.delete(accountKey(guesser.account));
    },
    async refuseIfLocked(kind, clientAddress) {
      const state = await perAddress[kind].get(hashed(clientAddress));
      if (state && state.consumedPoints > config.guessesPerAddress) throw rateLimited(state.msBeforeNext);
    },
  };
}

function rateLimited(msBeforeNext: number): ApiError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new ApiError('RATE_LIMITED', `Too many guesses; try again in ${retryAfterSeconds} s`, {
    retryAfterSeconds,
  });
}
