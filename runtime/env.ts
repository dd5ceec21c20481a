/**
 * The one reader of process.env. Every setting is parsed and checked here at start, with one
 * clear message per bad value, so the rest of the runtime receives a typed RuntimeConfig.
 */
import { isIP } from 'node:net';

export interface RuntimeConfig {
  port: number;
  host: string;
  /** postgres://… for PostgreSQL, 'memory:' for a throwaway PGlite, undefined for PGlite on disk. */
  databaseUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  demoApiKey: string | undefined;
  clock: 'system' | 'virtual';
  /** Start instant of a virtual clock (epoch ms). */
  virtualClockStart: number | undefined;
  region: string;
  nodeId: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Largest accepted request body in bytes. */
  maxBodyBytes: number;
  sessionIdleMinutes: number;
  seedExamples: boolean;
  fcmSendUrl: string | undefined;
  googleTokenUrl: string | undefined;
  recaptchaVerifyUrl: string | undefined;
  /** AES-256 key for stored credentials (32 bytes, base64); else a key file in the data directory. */
  secretKey: Buffer | undefined;
  /** How long a simulated dial rings before the customer answers (numbers without a scripted outcome). */
  simDialDelayMs: number;
  /** How often the callback engine ticks on the system clock. */
  engineTickMs: number;
  /** Run the callback engine (scheduler + dispatcher) in this process. */
  engineEnabled: boolean;
  /** How long a dispatch lease lasts without renewal; a dead process's work is taken over after it. */
  engineLeaseMs: number;
  /**
   * Addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed
   * (RINGBACK_TRUSTED_PROXIES, comma-separated IPs). Empty: the peer is the client.
   */
  trustedProxies: string[];
  /** Wrong passwords per account, and wrong passwords or API keys per client address, per window. */
  guessesPerAccount: number;
  guessesPerAddress: number;
  /** The throttle window, also how long a lockout lasts. */
  guessWindowMinutes: number;
}

/** IPv4 peers of a dual-stack socket read `::ffff:10.0.0.1`; one spelling per address. */
export function normalizeAddress(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1').toLowerCase();
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

type Env = Record<string, string | undefined>;

export function readConfig(env: Env = process.env): RuntimeConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}=${raw}: expected an integer from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name}=${raw}: expected one of ${allowed.join(', ')}`);
    return fallback;
  };
  const url = (name: string): string | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    if (!URL.canParse(raw)) problems.push(`${name}=${raw}: expected an absolute URL`);
    return raw;
  };
  const name = (key: string, fallback: string): string => {
    const raw = env[key];
    if (raw === undefined || raw === '') return fallback;
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(raw)) problems.push(`${key}=${raw}: use 1-64 letters, digits, . _ -`);
    return raw;
  };

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && databaseUrl !== 'memory:' && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(`DATABASE_URL: expected postgres://… or memory: (got a value of another form)`);
  }
  const adminPassword = env.RINGBACK_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 8) {
    problems.push('RINGBACK_ADMIN_PASSWORD: use at least 8 characters');
  }
  const demoApiKey = env.RINGBACK_DEMO_API_KEY || undefined;
  if (demoApiKey !== undefined && demoApiKey.length < 16) {
    problems.push('RINGBACK_DEMO_API_KEY: use at least 16 characters');
  }
  const trustedProxies = (env.RINGBACK_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .map((address) => {
      if (!isIP(address)) problems.push(`RINGBACK_TRUSTED_PROXIES: ${address} is not an IP address`);
      return normalizeAddress(address);
    });
  let virtualClockStart: number | undefined;
  if (env.RINGBACK_CLOCK_START) {
    virtualClockStart = Date.parse(env.RINGBACK_CLOCK_START);
    if (Number.isNaN(virtualClockStart)) problems.push('RINGBACK_CLOCK_START: expected an ISO 8601 instant');
  }

  let secretKey: Buffer | undefined;
  if (env.RINGBACK_SECRET_KEY) {
    secretKey = Buffer.from(env.RINGBACK_SECRET_KEY, 'base64');
    if (secretKey.length !== 32) problems.push('RINGBACK_SECRET_KEY: expected 32 bytes in base64');
  }

  const config: RuntimeConfig = {
    port: int('PORT', 8080, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: env.RINGBACK_DATA_DIR || './data',
    adminPassword,
    demoApiKey,
    clock: oneOf('RINGBACK_CLOCK', ['system', 'virtual'] as const, 'system'),
    virtualClockStart,
    region: name('RINGBACK_REGION', 'default'),
    nodeId: name('RINGBACK_NODE_ID', `node-${process.pid}`),
    logLevel: oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
    maxBodyBytes: int('RINGBACK_MAX_BODY_BYTES', 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    sessionIdleMinutes: int('RINGBACK_SESSION_IDLE_MINUTES', 20, 1, 24 * 60),
    seedExamples: oneOf('RINGBACK_SEED_EXAMPLES', ['true', 'false'] as const, 'true') === 'true',
    fcmSendUrl: url('RINGBACK_FCM_SEND_URL'),
    googleTokenUrl: url('RINGBACK_GOOGLE_TOKEN_URL'),
    recaptchaVerifyUrl: url('RINGBACK_RECAPTCHA_VERIFY_URL'),
    secretKey,
    simDialDelayMs: int('RINGBACK_SIM_DIAL_MS', 5000, 0, 600_000),
    engineTickMs: int('RINGBACK_ENGINE_TICK_MS', 250, 10, 60_000),
    engineEnabled: oneOf('RINGBACK_ENGINE', ['on', 'off'] as const, 'on') === 'on',
    engineLeaseMs: int('RINGBACK_LEASE_MS', 30_000, 1000, 600_000),
    trustedProxies,
    guessesPerAccount: int('RINGBACK_GUESSES_PER_ACCOUNT', 5, 1, 1000),
    guessesPerAddress: int('RINGBACK_GUESSES_PER_ADDRESS', 30, 1, 100_000),
    guessWindowMinutes: int('RINGBACK_GUESS_WINDOW_MINUTES', 15, 1, 24 * 60),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
