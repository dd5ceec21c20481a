import type { Runtime } from '../runtime.ts';

export interface SignedInUser {
  id: string;
  tenantId: string;
  username: string;
  displayName: string | null;
  /** Effective roles: the user's own plus its access groups' (runtime/auth/effective-roles.ts). */
  roles: string[];
  accessGroups: string[];
  language: string;
}

export interface AppEnv {
  Variables: {
    corrId: string;
    runtime: Runtime;
    user: SignedInUser | undefined;
  };
}
