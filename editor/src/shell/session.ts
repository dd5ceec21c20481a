/** Who is signed in. Null while unknown, false when signed out. */
import { create } from 'zustand';
import { authApi } from '../api/endpoints.ts';
import { onUnauthorized, setToken } from '../api/http.ts';
import type { SessionUser } from '../api/types.ts';

interface SessionState {
  user: SessionUser | null | false;
}

export const useSession = create<SessionState>()(() => ({ user: null }));

onUnauthorized(() => useSession.setState({ user: false }));

export async function restoreSession(): Promise<void> {
  try {
    useSession.setState({ user: await authApi.me() });
  } catch {
    useSession.setState({ user: false });
  }
}

export async function login(username: string, password: string): Promise<void> {
  const response = await authApi.login(username, password);
  setToken(response.token);
  useSession.setState({ user: response.user });
}

export async function logout(): Promise<void> {
  try {
    await authApi.logout();
  } finally {
    setToken(null);
    useSession.setState({ user: false });
  }
}
