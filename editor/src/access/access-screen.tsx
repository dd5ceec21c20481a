import './access.css';
import { useTranslation } from 'react-i18next';
import type { AccessSection } from '../shell/route.ts';
import { GroupsPanel } from './groups-panel.tsx';
import { LinesPanel } from './lines-panel.tsx';
import { UsersPanel } from './users-panel.tsx';

const sections: AccessSection[] = ['users', 'groups', 'lines'];

/** Users, access groups and lines of business: the platform administrator's screen. */
export default function AccessScreen({ section }: { section: AccessSection }) {
  const { t } = useTranslation('access');
  return (
    <main className="access-screen">
      <div className="access-head">
        <h1>{t('title')}</h1>
        <nav aria-label={t('title')}>
          {sections.map((s) => (
            <a key={s} href={`#/access/${s}`} aria-current={s === section ? 'page' : undefined}>
              {t(`sections.${s}`)}
            </a>
          ))}
        </nav>
      </div>
      {section === 'users' ? <UsersPanel /> : section === 'groups' ? <GroupsPanel /> : <LinesPanel />}
    </main>
  );
}
