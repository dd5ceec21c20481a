import type { Runtime } from '../runtime.ts';

export interface SignedInUser {
  id: string;
  tenantId: string;
  username: string;
  roles: string[];
}

export interface AppEnv {
  Variables: {
    corrId: string;
    runtime: Runtime;
    user: SignedInUser | undefined;
  };
}
