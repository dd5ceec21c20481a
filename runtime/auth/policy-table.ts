/**
 * The route × role matrix, written from the route declarations: into each OpenAPI operation's
 * description, the API description's overview, and docs/access-control.md
 * (scripts/gen-access-table.ts; a test fails when the file is stale).
 */
import type { RouteSpec } from '../http/route-spec.ts';
import { type Role, roles } from './roles.ts';

const roleNames: Record<Role, string> = {
  administrator: 'Administrator (platform)',
  developer: 'Designer developer',
  businessUser: 'Business user',
  callbackAdministrator: 'Callback Administrator',
  callbackSupervisor: 'Callback Supervisor',
  callbackMonitor: 'Callback Monitor',
  callbackDeveloper: 'Callback Developer',
};

const columns: Record<Role, string> = {
  administrator: 'admin',
  developer: 'dev',
  businessUser: 'biz',
  callbackAdministrator: 'cbAdmin',
  callbackSupervisor: 'cbSup',
  callbackMonitor: 'cbMon',
  callbackDeveloper: 'cbDev',
};

const lineOfBusinessText = {
  queue: 'the queue in the path must be readable (404 otherwise)',
  callback: "the callback's queue must be readable (404 otherwise)",
  filter: 'answers only what readable queues hold',
} as const;

export const isGes = (spec: RouteSpec) => spec.path.startsWith('/engagement/');

export function opens(spec: RouteSpec, role: Role): boolean {
  return spec.roles === 'public' || spec.roles === 'any' || spec.roles.includes(role);
}

/** One operation's access, in words. */
export function accessSummary(spec: RouteSpec): string {
  if (isGes(spec)) return 'Access: an `x-api-key` of the tenant; not per user, no line of business.';
  if (spec.roles === 'public') return 'Access: public.';
  const who = spec.roles === 'any' ? 'any signed-in user' : spec.roles.map((r) => roleNames[r]).join(', ');
  const parts = [`Roles (any one): ${who}.`];
  if (spec.lineOfBusiness) parts.push(`Line of business: ${lineOfBusinessText[spec.lineOfBusiness]}.`);
  for (const [member, allowed] of Object.entries(spec.memberRoles ?? {}))
    parts.push(`Setting \`${member}\` needs: ${allowed.map((r) => roleNames[r]).join(', ')}.`);
  return parts.join(' ');
}

/** The matrix as a Markdown table: one line per route, a column per role. */
export function policyMatrix(specs: readonly RouteSpec[]): string {
  const sorted = specs
    .filter((s) => !isGes(s))
    .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  const header = `| route | ${roles.map((r) => columns[r]).join(' | ')} | line of business |`;
  const rule = `|---|${roles.map(() => ':-:').join('|')}|---|`;
  const lines = sorted.map((spec) => {
    const cells = roles.map((role) => {
      if (spec.roles === 'public') return 'public';
      if (!opens(spec, role)) return '';
      const narrower = Object.entries(spec.memberRoles ?? {})
        .filter(([, allowed]) => !allowed.includes(role))
        .map(([member]) => member);
      return narrower.length ? `✓ (not ${narrower.join(', ')})` : '✓';
    });
    const path = spec.path.replace(/:([A-Za-z]+)/g, '{$1}');
    return `| \`${spec.method.toUpperCase()} ${path}\` | ${cells.join(' | ')} | ${spec.lineOfBusiness ?? ''} |`;
  });
  return [header, rule, ...lines].join('\n');
}

export function policyOverview(specs: readonly RouteSpec[]): string {
  return [
    '## Who may call what',
    '',
    `Columns: ${roles.map((r) => `${columns[r]} = ${roleNames[r]}`).join(', ')}. A user holds its own roles plus its access groups' (callback roles only when it is in at least one group); any one role that opens a route opens it, so the most permissive wins. Line of business: \`queue\`/\`callback\` answer 404 for a queue or callback the user may not read; \`filter\` answers only what the user's readable queues hold. The /engagement/v3 routes take an x-api-key instead and are not per user.`,
    '',
    policyMatrix(specs),
  ].join('\n');
}
