import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../api/types.ts';
import { isLanguage, languages } from '../i18n/index.ts';
import { updatePreferences } from './preferences.ts';
import { navigate, useHash } from './route.ts';
import { logout } from './session.ts';
import { visibleTabs } from './tabs.ts';

export function TopBar({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation('shell');
  const hash = useHash().replace(/^#/, '');
  const tabs = visibleTabs(user.roles);
  return (
    <header className="top-bar">
      <button type="button" className="brand" onClick={() => navigate(tabs[0]?.path ?? '/applications')}>
        {t('brand')}
      </button>
      <nav aria-label={t('tabsLabel')}>
        {tabs.map((tab) => (
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
      <label className="language">
        <span className="sr-only">{t('language')}</span>
        <select
          aria-label={t('language')}
          value={i18n.language}
          onChange={(e) => {
            if (isLanguage(e.target.value)) updatePreferences({ language: e.target.value });
          }}
        >
          {languages.map((language) => (
            <option key={language} value={language}>
              {t(`languages.${language}`)}
            </option>
          ))}
        </select>
      </label>
      <span className="user">{user.username}</span>
      <button type="button" onClick={() => void logout()}>
        {t('signOut')}
      </button>
    </header>
  );
}
