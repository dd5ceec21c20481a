/**
 * The roles, shared by the runtime (route policies) and the editor (user and group forms).
 * Designer roles come from Designer (administrator, developer, business user); the four callback
 * roles from the guide's "Controlling user access", the only ones an access group can grant.
 * access.schema.json lists the same names (roles.test.ts keeps them equal).
 */
export const roles = [
  'administrator',
  'developer',
  'businessUser',
  'callbackAdministrator',
  'callbackSupervisor',
  'callbackMonitor',
  'callbackDeveloper',
] as const;

export type Role = (typeof roles)[number];

export const callbackRoles = roles.filter((role) => role.startsWith('callback'));
