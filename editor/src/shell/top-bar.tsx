import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../api/types.ts';
import { navigate } from './route.ts';
import { logout } from './session.ts';
import { visibleTabs } from './tabs.ts';

export function TopBar({ user }: { user: SessionUser }) {
  const { t } = useTranslation('shell');
  return (
    <header className="top-bar">
      <button type="button" className="brand" onClick={() => navigate('/applications')}>
        {t('brand')}
      </button>
      <nav>
        {visibleTabs(user.roles).map((tab) => (
          <a key={tab.id} href={`#${tab.path}`}>
            {t(`tabs.${tab.id}`)}
          </a>
        ))}
      </nav>
      <span className="spacer" />
      <span className="user">{user.username}</span>
      <button type="button" onClick={() => void logout()}>
        {t('signOut')}
      </button>
    </header>
  );
}
