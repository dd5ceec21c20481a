import { useTranslation } from 'react-i18next';
import type { FlowChange } from '../versions/diff.ts';

const SHOWN = 12;

/** The first changes of a diff as a list, and how many more there are: what will go live. */
export function ChangeSummary({ changes }: { changes: FlowChange[] }) {
  const { t } = useTranslation('designer');
  if (changes.length === 0) return <p className="muted">{t('publish.noChanges')}</p>;
  return (
    <div data-testid="change-summary">
      <p>{t('publish.changeCount', { count: changes.length })}</p>
      <ul>
        {changes.slice(0, SHOWN).map((change) => (
          <li key={`${change.kind}:${change.path ?? ''}:${change.summary}`}>{change.summary}</li>
        ))}
      </ul>
      {changes.length > SHOWN && (
        <p className="muted">{t('publish.moreChanges', { count: changes.length - SHOWN })}</p>
      )}
    </div>
  );
}
