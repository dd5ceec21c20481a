/** Who is signed in. Null while unknown, false when signed out. */
import { create } from 'zustand';
import { authApi } from '../api/endpoints.ts';
import { onUnauthorized, setToken } from '../api/http.ts';
import type { SessionUser } from '../api/types.ts';
import { clearHistories } from '../designer/store/saved-history.ts';
import { isLanguage, setLanguage } from '../i18n/index.ts';

interface SessionState {
  user: SessionUser | null | false;
}

export const useSession = create<SessionState>()(() => ({ user: null }));

onUnauthorized(() => useSession.setState({ user: false }));

/** A signed-in session opens in the user's saved language. */
function start(user: SessionUser): void {
  if (isLanguage(user.language)) setLanguage(user.language);
  useSession.setState({ user });
}

export async function restoreSession(): Promise<void> {
  try {
    start(await authApi.me());
  } catch {
    useSession.setState({ user: false });
  }
}

export async function login(username: string, password: string): Promise<void> {
  const response = await authApi.login(username, password);
  setToken(response.token);
  start(response.user);
}

/** Saves the user's language preference and switches to it. */
export async function changeLanguage(language: string): Promise<void> {
  const user = await authApi.setLanguage(language);
  start(user);
}

export async function logout(): Promise<void> {
  try {
    await authApi.logout();
  } finally {
    setToken(null);
    clearHistories();
    useSession.setState({ user: false });
  }
}
