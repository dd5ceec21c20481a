/** One Click-To-Call-In group: its name (fixed once saved), its DNIS pool and its settings. */
import { useTranslation } from 'react-i18next';
import type { CallInGroup } from '../call-in/call-in-api.ts';

export function GroupForm(props: {
  group: CallInGroup;
  /** Saved once: the name can no longer change and the pool can be imported. */
  saved: boolean;
  readOnly: boolean;
  onChange: (group: CallInGroup) => void;
  onSave: (group: CallInGroup) => void;
  onDelete: () => void;
  onImport: (file: File) => void;
}) {
  const { t } = useTranslation('callIn');
  const { group, saved, readOnly } = props;
  const edit = (change: Partial<CallInGroup>) => props.onChange({ ...group, ...change });
  const editNumber = (index: number, change: Partial<CallInGroup['numbers'][number]>) =>
    edit({ numbers: group.numbers.map((n, i) => (i === index ? { ...n, ...change } : n)) });

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(group);
      }}
    >
      <fieldset className="group-fields" disabled={readOnly}>
        <label>
          {t('config.name')}
          <input
            value={group.name}
            readOnly={saved}
            required
            maxLength={64}
            onChange={(e) => edit({ name: e.target.value })}
          />
        </label>
        <fieldset>
          <legend>{t('config.pool')}</legend>
          {group.numbers.map((n, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position
            <div key={i} className="row pool-row">
              <input
                aria-label={t('config.number')}
                placeholder="+18005550100"
                maxLength={16}
                value={n.number}
                onChange={(e) => editNumber(i, { number: e.target.value })}
              />
              <input
                aria-label={t('config.description')}
                placeholder={t('config.description')}
                maxLength={32}
                value={n.description}
                onChange={(e) => editNumber(i, { description: e.target.value })}
              />
              <button
                type="button"
                onClick={() => edit({ numbers: group.numbers.filter((_, j) => j !== i) })}
              >
                {t('config.removeNumber')}
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() => edit({ numbers: [...group.numbers, { number: '', description: '' }] })}
          >
            {t('config.addNumber')}
          </button>
          {saved && (
            <label className="bulk-import">
              {t('config.bulkImport')}
              <input
                type="file"
                accept=".csv,text/csv"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) props.onImport(file);
                }}
              />
            </label>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('config.settings')}</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={group.accessCode.enabled}
              onChange={(e) => edit({ accessCode: { ...group.accessCode, enabled: e.target.checked } })}
            />{' '}
            {t('config.generateAccessCode')}
          </label>
          <label>
            {t('config.length')}
            <input
              type="number"
              min={4}
              max={12}
              value={group.accessCode.length}
              disabled={!group.accessCode.enabled}
              onChange={(e) => edit({ accessCode: { ...group.accessCode, length: Number(e.target.value) } })}
            />
          </label>
          <label>
            {t('config.expiry')}
            <input
              type="number"
              min={10}
              max={1800}
              value={group.expirySeconds}
              onChange={(e) => edit({ expirySeconds: Number(e.target.value) })}
            />
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={group.uniqueDnis}
              onChange={(e) => edit({ uniqueDnis: e.target.checked })}
            />{' '}
            {t('config.uniqueDnis')}
          </label>
        </fieldset>
        {!readOnly && (
          <div className="row">
            <button type="submit" className="primary">
              {t('config.save')}
            </button>
            {saved && (
              <button type="button" className="danger" onClick={props.onDelete}>
                {t('config.delete')}
              </button>
            )}
          </div>
        )}
      </fieldset>
    </form>
  );
}
