/** The Tools tab: Callback Search, the three kinds of rules, and which queue uses which rule. */
import '../console.css';
import { useTranslation } from 'react-i18next';
import { CallbackSearch } from './callback-search.tsx';
import { CapacityRules } from './capacity-rules.tsx';
import { NumberRules } from './number-rules.tsx';
import { QueueRules } from './queue-rules.tsx';
import { RegionRules } from './region-rules.tsx';

const pages = ['search', 'capacity', 'number-validation', 'region-affinity', 'queues'] as const;

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
    </div>
  );
}
