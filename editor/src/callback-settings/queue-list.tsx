import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackSettings } from '../../../schemas/callback-settings.generated.ts';

interface QueueListProps {
  /** The rows the runtime lets this user read (it filters by line of business). */
  queues: readonly CallbackSettings[];
  /** The queue open in the form: a saved queue's name, 'new', or null. */
  selected: string | null;
  creating: boolean;
  /** The open queue has changes not yet saved. */
  dirty: boolean;
  disabled: boolean;
  onSelect: (virtualQueue: string) => void;
  /** Absent for a user who may not create queues. */
  onNew?: (() => void) | undefined;
}

/** The callback virtual queues (CALLBACK_SETTINGS rows), searchable by name, application or hours. */
export function QueueList({ queues, selected, creating, dirty, disabled, onSelect, onNew }: QueueListProps) {
  const { t } = useTranslation('callbackSettings');
  const [search, setSearch] = useState('');
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = queues.filter((q) => {
    const text = `${q.virtualQueue} ${q.callbackApplication} ${q.businessHours}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  return (
    <aside className="queue-list" aria-label={t('queues')}>
      <div className="queue-list-head">
        <h1>{t('title')}</h1>
        {onNew && (
          <button type="button" className="primary" disabled={disabled} onClick={onNew}>
            {t('newQueue')}
          </button>
        )}
      </div>
      <p className="muted intro">{t('intro')}</p>
      <input
        type="search"
        aria-label={t('searchQueues')}
        placeholder={t('searchQueues')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <ul>
        {creating && (
          <li>
            <button type="button" aria-current="true" className="list-item">
              <strong>
                {t('newQueue')}
                <span className="dirty-dot" title={t('unsaved')} aria-hidden="true" />
              </strong>
            </button>
          </li>
        )}
        {shown.map((q) => {
          const current = q.virtualQueue === selected;
          return (
            <li key={q.virtualQueue}>
              <button
                type="button"
                className="list-item"
                aria-current={current ? 'true' : undefined}
                onClick={() => onSelect(q.virtualQueue)}
              >
                <strong>
                  {q.virtualQueue}
                  {current && dirty && <span className="dirty-dot" title={t('unsaved')} aria-hidden="true" />}
                </strong>
                <span className="muted">
                  {q.callbackApplication} · {q.businessHours}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {queues.length === 0 && <p className="muted">{t('noQueues')}</p>}
      {queues.length > 0 && shown.length === 0 && <p className="muted">{t('noMatch')}</p>}
    </aside>
  );
}
