import type { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { defaultTenant } from '../../seed/seed.ts';
import { userStore } from '../../users/user-store.ts';
import type { AppEnv, SignedInUser } from '../app-env.ts';
import { presentedToken, sessionCookie } from '../middleware/auth.ts';
import { ApiError } from '../problem.ts';
import { clientAddress, servedOverTls } from '../request-origin.ts';
import { defineRoute } from '../route-spec.ts';

const body = 'https://ringback.dev/schemas/api.schema.json#/$defs/';

/** Who is signed in, with the effective roles the UI opens its tabs by and the saved language. */
const profile = (user: SignedInUser) => ({
  username: user.username,
  displayName: user.displayName,
  roles: user.roles,
  accessGroups: user.accessGroups,
  language: user.language,
});

export function authRoutes(app: Hono<AppEnv>) {
  defineRoute<{ username: string; password: string }>(
    app,
    {
      method: 'post',
      path: '/api/v1/auth/login',
      summary: 'Sign in: sets the session cookie and returns a bearer token',
      tag: 'Auth',
      roles: 'public',
      body: `${body}loginRequest`,
    },
    async (c, { username, password }) => {
      const runtime = c.get('runtime');
      const guesser = { clientAddress: clientAddress(c), account: { tenantId: defaultTenant, username } };
      await runtime.guesses.guess('login', guesser);
      const result = await runtime.auth.login(defaultTenant, username, password);
      if (!result) throw new ApiError('INVALID_CREDENTIALS');
      await runtime.guesses.succeeded('login', guesser);
      setCookie(c, sessionCookie, result.token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        // Behind a TLS-terminating proxy only a trusted one's X-Forwarded-Proto counts.
        secure: servedOverTls(c),
        maxAge: runtime.config.sessionIdleMinutes * 60,
      });
      return c.json({
        user: profile(result.user),
        token: result.token,
        expiresAt: result.expiresAt.toISOString(),
      });
    },
  );
  defineRoute(
    app,
    { method: 'get', path: '/api/v1/auth/me', summary: 'Who is signed in', tag: 'Auth', roles: 'any' },
    (c) => c.json(profile(c.get('user')!)),
  );
  defineRoute<{ displayName?: string | null; language?: string }>(
    app,
    {
      method: 'put',
      path: '/api/v1/auth/me',
      summary: 'Set your own display name or UI language',
      tag: 'Auth',
      roles: 'any',
      body: 'https://ringback.dev/schemas/access.schema.json#/$defs/selfUpdate',
    },
    async (c, body) => {
      const runtime = c.get('runtime');
      const user = c.get('user')!;
      const updated = await userStore(runtime.db, runtime.auth).update(user.tenantId, user.username, body);
      return c.json({ ...profile(user), displayName: updated.displayName, language: updated.language });
    },
  );
  defineRoute(
    app,
    { method: 'post', path: '/api/v1/auth/logout', summary: 'Sign out', tag: 'Auth', roles: 'any' },
    async (c) => {
      const token = presentedToken(c);
      if (token) await c.get('runtime').auth.logout(token);
      deleteCookie(c, sessionCookie, { path: '/' });
      return c.body(null, 204);
    },
  );
}
