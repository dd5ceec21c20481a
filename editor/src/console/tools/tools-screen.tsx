/**
 * The Tools tab: Callback Search, the three kinds of rules, which queue uses which rule, and the
 * Click-To-Call-In groups (the guide's Tools › Click-To-Call-In Config; #/tools/call-in-config).
 */
import '../console.css';
import { useTranslation } from 'react-i18next';
import { CallInConfigPage } from '../call-in-config/call-in-config-page.tsx';
import { CallbackSearch } from './callback-search.tsx';
import { CapacityRules } from './capacity-rules.tsx';
import { NumberRules } from './number-rules.tsx';
import { QueueRules } from './queue-rules.tsx';
import { RegionRules } from './region-rules.tsx';

const pages = [
  'search',
  'capacity',
  'number-validation',
  'region-affinity',
  'queues',
  'call-in-config',
] as const;

export default function ToolsScreen({ page }: { page?: string | undefined }) {
  const { t } = useTranslation('tools');
  const current = (pages as readonly string[]).includes(page ?? '')
    ? (page as (typeof pages)[number])
    : 'search';
  return (
    <div className="console-screen tools-screen">
      <div className="console-head">
        <h1>{t('title')}</h1>
      </div>
      <nav className="side-nav" aria-label={t('title')}>
        {pages.map((p) => (
          <a key={p} href={`#/tools/${p}`} aria-current={p === current ? 'page' : undefined}>
            {t(`pages.${p}`)}
          </a>
        ))}
      </nav>
      {current === 'search' && <CallbackSearch />}
      {current === 'capacity' && <CapacityRules />}
      {current === 'number-validation' && <NumberRules />}
      {current === 'region-affinity' && <RegionRules />}
      {current === 'queues' && <QueueRules />}
      {current === 'call-in-config' && <CallInConfigPage />}
    </div>
  );
}
