import type { SessionUser } from '../api/types.ts';
import { navigate } from './route.ts';
import { logout } from './session.ts';

export function TopBar({ user }: { user: SessionUser }) {
  return (
    <header className="top-bar">
      <button type="button" className="brand" onClick={() => navigate('/applications')}>
        Ringback
      </button>
      <nav>
        <a href="#/applications">Applications</a>
        <a href="#/business-hours">Business hours</a>
        <a href="#/callback-settings">Callback settings</a>
      </nav>
      <span className="spacer" />
      <span className="user">{user.username}</span>
      <button type="button" onClick={() => void logout()}>
        Sign out
      </button>
    </header>
  );
}
