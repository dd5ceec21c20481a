/**
 * Roles. Designer roles come from Designer (administrator, developer, business user); the four
 * callback roles from the guide's "Controlling user access". Which routes each role opens is
 * declared per route from the named policies in policies.ts.
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

export const callbackRoles: readonly Role[] = [
  'callbackAdministrator',
  'callbackSupervisor',
  'callbackMonitor',
  'callbackDeveloper',
];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export const designers: Role[] = ['administrator', 'developer'];
export const designReaders: Role[] = ['administrator', 'developer', 'businessUser'];
