/**
 * A user's roles: its own plus those of its access groups. The callback roles count only for a
 * user in at least one access group (the guide: "in addition to Roles, a user must belong to at
 * least one ... Access Group to have access to the Callback UI"); Designer roles always count.
 */
import { callbackRoles, isRole, type Role } from './roles.ts';

export function effectiveRoles(
  own: readonly string[],
  groups: readonly { roles: readonly string[] }[],
): Role[] {
  const all = new Set<string>(own);
  for (const group of groups) for (const role of group.roles) all.add(role);
  const inAGroup = groups.length > 0;
  return [...all].filter(isRole).filter((role) => inAGroup || !callbackRoles.includes(role));
}
