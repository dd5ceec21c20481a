/** The rules of one kind, with the queues each is assigned to (a rule in use cannot be deleted). */
import { useTranslation } from 'react-i18next';

export interface RuleListEntry<R extends { name: string }> {
  rule: R;
  queues: string[];
}

export function RuleList<R extends { name: string }>(props: {
  entries: RuleListEntry<R>[];
  selected: string | null;
  onOpen: (entry: RuleListEntry<R>) => void;
  onNew: () => void;
}) {
  const { t } = useTranslation('tools');
  return (
    <ul className="plain rule-list">
      <li>
        <button type="button" className="primary" onClick={props.onNew}>
          {t('newRule')}
        </button>
      </li>
      {props.entries.length === 0 && <li className="muted">{t('noRules')}</li>}
      {props.entries.map((entry) => (
        <li key={entry.rule.name}>
          <button
            type="button"
            aria-pressed={props.selected === entry.rule.name}
            onClick={() => props.onOpen(entry)}
          >
            {entry.rule.name}
            <span className="muted"> · {t('queueCount', { count: entry.queues.length })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
