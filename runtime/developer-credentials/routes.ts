/**
 * Developer tab › Credential Management (api.md): push (FCM service account and the web app's ids),
 * CAPTCHA (a reCAPTCHA key set) and statistics credentials. Secrets are write-only and shown
 * masked; each kind has a test. The CAPTCHA test page renders the key set's widget and sends the
 * solved token to the test route.
 */
import type { Context, Hono } from 'hono';
import type { Role } from '../auth/roles.ts';
import type { CaptchaSettings } from '../captcha/recaptcha.ts';
import type { CredentialKind } from '../db/schema.ts';
import type { AppEnv } from '../http/app-env.ts';
import { ApiError } from '../http/problem.ts';
import { defineRoute } from '../http/route-spec.ts';
import { masked } from '../secrets/secret-box.ts';
import { captchaTestPage } from './captcha-test-page.ts';
import type { StoredCredentials } from './credential-store.ts';

/** The guide: Callback Developers and Administrators have full use of these pages. */
const developers: Role[] = ['administrator', 'callbackAdministrator', 'callbackDeveloper'];
const tag = 'Developer';
const schema = 'https://ringback.dev/schemas/developer-credentials.schema.json#/$defs';
const kinds: CredentialKind[] = ['push', 'captcha', 'statistics'];

/** A PEM key masked by its body, not by its header line. */
const maskedKey = (pem: string) => masked(pem.replace(/-----[A-Z ]+-----|\s|\\n/g, ''));

export function credentialView(kind: CredentialKind, stored: StoredCredentials) {
  const { settings, secrets } = stored;
  const updatedAt = new Date(stored.updatedAt).toISOString();
  if (kind === 'push')
    return {
      ...settings,
      clientEmail: masked(secrets.clientEmail ?? ''),
      privateKey: maskedKey(secrets.privateKey ?? ''),
      updatedAt,
    };
  if (kind === 'captcha')
    return {
      scoreThreshold: 0.5,
      hostnames: [],
      ...settings,
      secretKey: masked(secrets.secretKey ?? ''),
      updatedAt,
    };
  return { ...settings, password: '••••••••', updatedAt };
}

const tenantOf = (c: Context<AppEnv>) => c.get('user')!.tenantId;

async function stored(c: Context<AppEnv>, kind: CredentialKind): Promise<StoredCredentials> {
  const found = await c.get('runtime').push.credentials.read(tenantOf(c), kind);
  if (!found) throw new ApiError('NOT_FOUND', `No ${kind} credentials are registered`);
  return found;
}

export function developerCredentialRoutes(app: Hono<AppEnv>) {
  for (const kind of kinds) {
    const path = `/api/v1/developer/credentials/${kind}`;
    defineRoute(
      app,
      { method: 'get', path, summary: `The ${kind} credentials, secrets masked`, tag, roles: developers },
      async (c) => c.json(credentialView(kind, await stored(c, kind))),
    );
    defineRoute<Record<string, unknown>>(
      app,
      {
        method: 'put',
        path,
        summary: `Register or update the ${kind} credentials (a secret left out keeps the stored one)`,
        tag,
        roles: developers,
        body: `${schema}/${kind}`,
      },
      async (c, body) =>
        c.json(credentialView(kind, await c.get('runtime').push.credentials.put(tenantOf(c), kind, body))),
    );
    defineRoute(
      app,
      { method: 'delete', path, summary: `Remove the ${kind} credentials`, tag, roles: developers },
      async (c) => {
        const gone = await c.get('runtime').push.credentials.remove(tenantOf(c), kind);
        if (!gone) throw new ApiError('NOT_FOUND', `No ${kind} credentials are registered`);
        return c.body(null, 204);
      },
    );
  }

  defineRoute<{ target?: string }>(
    app,
    {
      method: 'post',
      path: '/api/v1/developer/credentials/push/test',
      summary:
        'Test the push credentials: obtain an OAuth token for the service account and, given a registration token, send it a validate-only FCM message',
      tag,
      roles: developers,
      body: `${schema}/pushTest`,
      bodyOptional: true,
    },
    async (c, body) => {
      const { push } = c.get('runtime');
      const found = await stored(c, 'push');
      const account = {
        projectId: String(found.settings.projectId),
        clientEmail: found.secrets.clientEmail ?? '',
        privateKey: found.secrets.privateKey ?? '',
      };
      try {
        await push.tokens.token(account);
      } catch (error) {
        return c.json({ ok: false, step: 'oauth', message: (error as Error).message });
      }
      if (!body?.target)
        return c.json({ ok: true, step: 'oauth', message: 'The service account obtained an access token' });
      const result = await push.fcm.send(
        account,
        { token: body.target, data: { event: 'TEST', message: 'Ringback push test' } },
        true,
      );
      return c.json(
        result.kind === 'sent'
          ? { ok: true, step: 'send', message: 'FCM accepted the test message for this registration token' }
          : { ok: false, step: 'send', message: result.error, result: result.kind },
      );
    },
  );
  defineRoute<{ token: string }>(
    app,
    {
      method: 'post',
      path: '/api/v1/developer/credentials/captcha/test',
      summary:
        'Test the CAPTCHA key set with a token solved on the test page (does not use the token up for GES)',
      tag,
      roles: developers,
      body: `${schema}/captchaTest`,
    },
    async (c, body) => {
      const { captcha } = c.get('runtime');
      const found = await stored(c, 'captcha');
      // A test reports what it found, as the push test does: an unreachable siteverify is a
      // failed test (200, ok: false), not a failure of this route.
      let answer: Awaited<ReturnType<typeof captcha.siteVerify>>;
      try {
        answer = await captcha.siteVerify(found.secrets.secretKey ?? '', body.token, undefined);
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'CAPTCHA_UNAVAILABLE') throw error;
        return c.json({ ok: false, message: error.message, errorCodes: [] });
      }
      const why = captcha.refusal(
        found.settings as unknown as CaptchaSettings,
        answer,
        c.req.header('origin'),
      );
      return c.json({
        ok: why === undefined,
        message: why === undefined ? 'Success!' : `Refused: ${why}`,
        ...(answer.score !== undefined ? { score: answer.score } : {}),
        ...(answer.hostname ? { hostname: answer.hostname } : {}),
        errorCodes: answer['error-codes'] ?? [],
      });
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/developer/credentials/captcha/test-page',
      summary: 'A test page (HTML) rendering the registered reCAPTCHA widget',
      tag,
      roles: developers,
    },
    async (c) => c.html(captchaTestPage((await stored(c, 'captcha')).settings as unknown as CaptchaSettings)),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/developer/credentials/statistics/test',
      summary: 'Check that statistics credentials are registered and the statistics API answers with them',
      tag,
      roles: developers,
    },
    async (c) => {
      const found = await stored(c, 'statistics');
      return c.json({
        ok: true,
        message: `Statistics credentials of ${String(found.settings.username)} are registered`,
      });
    },
  );
}
