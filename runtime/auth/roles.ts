/**
 * Roles. Designer roles come from Designer (administrator, developer, business user); the callback
 * roles from the Callback UI's access groups.
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

export const designers: Role[] = ['administrator', 'developer'];
export const designReaders: Role[] = ['administrator', 'developer', 'businessUser'];
