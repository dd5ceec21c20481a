import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../api/types.ts';
import { languages } from '../i18n/index.ts';
import { useHash } from './route.ts';
import { changeLanguage, logout } from './session.ts';
import { visibleTabs } from './tabs.ts';

export function TopBar({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation('shell');
  const hash = useHash().replace(/^#/, '');
  return (
    <header className="top-bar">
      {/* A link like the tabs, so a screen guarding unsaved changes sees leaving by it too. */}
      <a className="brand" href="#/">
        {t('brand')}
      </a>
      <nav aria-label={t('navigation')}>
        {visibleTabs(user.roles).map((tab) => (
          <a
            key={tab.id}
            href={`#${tab.path}`}
            aria-current={hash === tab.path || hash.startsWith(`${tab.path}/`) ? 'page' : undefined}
          >
            {t(`tabs.${tab.id}`)}
          </a>
        ))}
      </nav>
      <span className="spacer" />
      <span className="user">{user.displayName || user.username}</span>
      <select
        aria-label={t('language')}
        value={i18n.language}
        onChange={(e) => void changeLanguage(e.target.value)}
      >
        {languages.map((language) => (
          <option key={language} value={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void logout()}>
        {t('signOut')}
      </button>
    </header>
  );
}
