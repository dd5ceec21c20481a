/**
 * Roles (schemas/roles.ts). Which routes each role opens is declared per route from the named
 * policies in policies.ts.
 */
import { type Role, roles } from '../../schemas/roles.ts';

export { callbackRoles, type Role, roles } from '../../schemas/roles.ts';

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export const designers: Role[] = ['administrator', 'developer'];
export const designReaders: Role[] = ['administrator', 'developer', 'businessUser'];
