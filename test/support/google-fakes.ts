/**
 * Local stand-ins for Google's OAuth token endpoint, FCM HTTP v1 and reCAPTCHA siteverify, on
 * 127.0.0.1 (node:http, a random port). They check what the real services check and answer with
 * their success and error bodies:
 * - token: the JWT bearer grant, the assertion's RS256 signature against the test public key, its
 *   iss, scope, aud (this endpoint's URL) and exp (at most an hour after iat);
 * - FCM: the bearer token is one this fake issued, the v1 message shape (a token, string data);
 *   per registration token a script of answers (UNREGISTERED 404, QUOTA_EXCEEDED 429 with
 *   Retry-After, UNAVAILABLE 503);
 * - siteverify: the form's secret and response; tokens registered by the test with their score and
 *   hostname; a token verified once is refused after ("timeout-or-duplicate").
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, jwtVerify, type KeyObject } from 'jose';

export type FcmScripted = 'ok' | 'unregistered' | 'quota' | 'unavailable' | 'invalid';

export interface ReceivedMessage {
  project: string;
  token: string;
  data: Record<string, string>;
  validateOnly: boolean;
}

export interface GoogleFakes {
  baseUrl: string;
  tokenUrl: string;
  verifyUrl: string;
  /** Access tokens handed out. */
  tokenRequests: number;
  tokenRefusals: string[];
  messages: ReceivedMessage[];
  /** Every send attempt, answered or not, per registration token. */
  attempts: Map<string, number>;
  script(registrationToken: string, answers: FcmScripted[]): void;
  /** A reCAPTCHA token the fake will accept once. */
  captchaToken(options?: { score?: number; hostname?: string }): string;
  verifications: Record<string, string>[];
  close(): Promise<void>;
}

const fcmError = (code: number, status: string, message: string, errorCode?: string) => ({
  error: {
    code,
    message,
    status,
    ...(errorCode
      ? { details: [{ '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode }] }
      : {}),
  },
});

async function read(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  response.end(JSON.stringify(body));
}

export async function startGoogleFakes(options: {
  publicKey: CryptoKey | KeyObject;
  clientEmail: string;
  captchaSecret?: string;
}): Promise<GoogleFakes> {
  const issued = new Set<string>();
  const scripts = new Map<string, FcmScripted[]>();
  const captchaTokens = new Map<string, { score: number; hostname: string; used: boolean }>();
  const server = createServer((request, response) => {
    void handle(request, response).catch((error) => send(response, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fakes: GoogleFakes = {
    baseUrl,
    tokenUrl: `${baseUrl}/token`,
    verifyUrl: `${baseUrl}/recaptcha/api/siteverify`,
    tokenRequests: 0,
    tokenRefusals: [],
    messages: [],
    attempts: new Map(),
    script(token, answers) {
      scripts.set(token, [...answers]);
    },
    captchaToken(options = {}) {
      const token = `03A${randomUUID().replaceAll('-', '')}`;
      captchaTokens.set(token, {
        score: options.score ?? 0.9,
        hostname: options.hostname ?? 'localhost',
        used: false,
      });
      return token;
    },
    verifications: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', baseUrl);
    const body = await read(request);
    if (request.method === 'POST' && url.pathname === '/token') return token(body, response);
    const send_ = /^\/v1\/projects\/([^/]+)\/messages:send$/.exec(url.pathname);
    if (request.method === 'POST' && send_)
      return fcm(decodeURIComponent(send_[1]!), request, body, response);
    if (request.method === 'POST' && url.pathname === '/recaptcha/api/siteverify')
      return siteverify(body, response);
    send(response, 404, { error: 'not found' });
  }

  async function token(body: string, response: ServerResponse) {
    const form = new URLSearchParams(body);
    const refuse = (description: string) => {
      fakes.tokenRefusals.push(description);
      send(response, 400, { error: 'invalid_grant', error_description: description });
    };
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer')
      return send(response, 400, {
        error: 'unsupported_grant_type',
        error_description: 'Invalid grant_type',
      });
    try {
      const { payload, protectedHeader } = await jwtVerify(form.get('assertion') ?? '', options.publicKey, {
        issuer: options.clientEmail,
        audience: fakes.tokenUrl,
        algorithms: ['RS256'],
      });
      if (protectedHeader.typ !== 'JWT') return refuse('Invalid JWT header');
      if (payload.scope !== 'https://www.googleapis.com/auth/firebase.messaging')
        return refuse('Invalid scope');
      if (!payload.iat || !payload.exp || payload.exp - payload.iat > 3600)
        return refuse(
          'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.',
        );
    } catch (error) {
      return refuse(`Invalid JWT Signature. (${(error as Error).message})`);
    }
    const access = `ya29.${randomUUID()}`;
    issued.add(access);
    fakes.tokenRequests++;
    send(response, 200, { access_token: access, expires_in: 3599, token_type: 'Bearer' });
  }

  function fcm(project: string, request: IncomingMessage, body: string, response: ServerResponse) {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer || !issued.has(bearer))
      return send(
        response,
        401,
        fcmError(
          401,
          'UNAUTHENTICATED',
          'Request had invalid authentication credentials. Expected OAuth 2 access token.',
        ),
      );
    let parsed: { message?: { token?: unknown; data?: Record<string, unknown> }; validate_only?: boolean };
    try {
      parsed = JSON.parse(body);
    } catch {
      return send(response, 400, fcmError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.'));
    }
    const message = parsed.message;
    const data = message?.data ?? {};
    if (
      !message ||
      typeof message.token !== 'string' ||
      Object.values(data).some((value) => typeof value !== 'string') ||
      Object.keys(parsed).some((key) => key !== 'message' && key !== 'validate_only')
    )
      return send(
        response,
        400,
        fcmError(400, 'INVALID_ARGUMENT', 'Request contains an invalid argument.', 'INVALID_ARGUMENT'),
      );
    const target = message.token;
    fakes.attempts.set(target, (fakes.attempts.get(target) ?? 0) + 1);
    const answer = scripts.get(target)?.shift() ?? 'ok';
    if (answer === 'unregistered')
      return send(
        response,
        404,
        fcmError(404, 'NOT_FOUND', 'Requested entity was not found.', 'UNREGISTERED'),
      );
    if (answer === 'quota')
      return send(
        response,
        429,
        fcmError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded for quota metric.', 'QUOTA_EXCEEDED'),
        { 'retry-after': '30' },
      );
    if (answer === 'unavailable')
      return send(
        response,
        503,
        fcmError(503, 'UNAVAILABLE', 'The service is currently unavailable.', 'UNAVAILABLE'),
      );
    if (answer === 'invalid')
      return send(
        response,
        400,
        fcmError(
          400,
          'INVALID_ARGUMENT',
          'The registration token is not a valid FCM registration token',
          'INVALID_ARGUMENT',
        ),
      );
    fakes.messages.push({
      project,
      token: target,
      data: data as Record<string, string>,
      validateOnly: parsed.validate_only === true,
    });
    send(response, 200, { name: `projects/${project}/messages/0:${Date.now()}%${randomUUID().slice(0, 8)}` });
  }

  function siteverify(body: string, response: ServerResponse) {
    const form = Object.fromEntries(new URLSearchParams(body));
    fakes.verifications.push(form);
    if (!form.secret) return send(response, 200, { success: false, 'error-codes': ['missing-input-secret'] });
    if (options.captchaSecret && form.secret !== options.captchaSecret)
      return send(response, 200, { success: false, 'error-codes': ['invalid-input-secret'] });
    if (!form.response)
      return send(response, 200, { success: false, 'error-codes': ['missing-input-response'] });
    const known = captchaTokens.get(form.response);
    if (!known) return send(response, 200, { success: false, 'error-codes': ['invalid-input-response'] });
    if (known.used) return send(response, 200, { success: false, 'error-codes': ['timeout-or-duplicate'] });
    known.used = true;
    send(response, 200, {
      success: true,
      challenge_ts: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      hostname: known.hostname,
      score: known.score,
      action: 'callback',
    });
  }

  return fakes;
}

/** Waits until `check` holds, polling (the machine is shared and slow; generous limit). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
    }
    if (Date.now() - started > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
