/** Advanced Options: columns shown, 24-hour times, times in UTC, and the user's own date ranges. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CustomRange, updatePreferences, usePreferences } from '../../shell/preferences.ts';
import { Modal } from '../shared/modal.tsx';
import { optionalColumns } from './columns.tsx';

/** `datetime-local` text (browser zone) ↔ ISO instant. */
const toInput = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromInput = (value: string) => new Date(value).toISOString();

export function OptionsDialog(props: { onClose: () => void }) {
  const { t } = useTranslation('callbacks');
  const prefs = usePreferences();
  const [label, setLabel] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const addRange = () => {
    const range: CustomRange = { label: label.trim(), from: fromInput(from), to: fromInput(to) };
    updatePreferences({ customRanges: [...prefs.customRanges, range] });
    setLabel('');
  };
  return (
    <Modal title={t('options.title')} onClose={props.onClose} wide>
      <div className="options">
        <fieldset>
          <legend>{t('options.columns')}</legend>
          {optionalColumns.map(({ id }) => (
            <label key={id}>
              <input
                type="checkbox"
                checked={!prefs.hiddenColumns.includes(id)}
                onChange={(e) =>
                  updatePreferences({
                    hiddenColumns: e.target.checked
                      ? prefs.hiddenColumns.filter((c) => c !== id)
                      : [...prefs.hiddenColumns, id],
                  })
                }
              />
              {t(`columns.${id}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('options.time')}</legend>
          <label>
            <input
              type="checkbox"
              checked={prefs.hour24}
              onChange={(e) => updatePreferences({ hour24: e.target.checked })}
            />
            {t('options.hour24')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={prefs.utc}
              onChange={(e) => updatePreferences({ utc: e.target.checked })}
            />
            {t('options.utc')}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('options.customRanges')}</legend>
          {prefs.customRanges.length === 0 && <p className="muted">{t('options.noCustomRanges')}</p>}
          <ul className="plain">
            {prefs.customRanges.map((r, i) => (
              <li key={`${r.label}-${r.from}`}>
                {r.label}: {toInput(r.from).replace('T', ' ')} → {toInput(r.to).replace('T', ' ')}{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    updatePreferences({ customRanges: prefs.customRanges.filter((_, j) => j !== i) })
                  }
                >
                  {t('options.remove')}
                </button>
              </li>
            ))}
          </ul>
          <div className="row">
            <label>
              {t('options.rangeLabel')}
              <input value={label} onChange={(e) => setLabel(e.target.value)} />
            </label>
            <label>
              {t('options.from')}
              <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label>
              {t('options.to')}
              <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
            <button type="button" disabled={!label.trim() || !from || !to || from >= to} onClick={addRange}>
              {t('options.addRange')}
            </button>
          </div>
        </fieldset>
        <div className="buttons">
          <button type="button" className="primary" onClick={props.onClose}>
            {t('close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
