/**
 * Security headers on every answer, UI and API alike (Hono's secureHeaders). The content
 * security policy allows only this origin's scripts, styles and connections; inline styles stay
 * allowed because React Flow positions every node with a style attribute. The /docs page's one
 * inline script is allowed by its hash. No page may be framed (clickjacking). HSTS is left to the
 * TLS-terminating proxy, which knows the host names it covers.
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../app-env.ts';
import { docsPage } from '../routes/docs-page.ts';

/** CSP source for the inline script of the /docs page, which is built into the process. */
const docsScript = (() => {
  const script = /<script type="module">([\s\S]*?)<\/script>/.exec(docsPage)?.[1] ?? '';
  return `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
})();

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      // 'unsafe-eval': the editor runs the shared validator, and Ajv compiles each JSON Schema to a
      // function (new Function), as the runtime does. Precompiled (standalone) validators would
      // let this go; see docs/decisions.md.
      scriptSrc: ["'self'", "'unsafe-eval'", (c: Context) => (c.req.path === '/docs' ? docsScript : '')],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: false,
  });
}
