/** Capacity rules: the weekly calendar with Set All and Set Day, the JSON statement (paste replaces), 30↔60, revert. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapacityRule } from '../../../../schemas/capacity-rule.generated.ts';
import { describeError } from '../../api/http.ts';
import { rulesApi } from '../shared/api.ts';
import { ErrorBanner } from '../shared/modal.tsx';
import {
  convert,
  type Days,
  parseStatement,
  setAll,
  setCell,
  setDay,
  statementOf,
  timeslots,
  valueAt,
  weekdays,
} from './capacity-model.ts';
import { type RuleEditorProps, RuleHead, RuleScreen } from './rule-screen.tsx';

export function CapacityRules() {
  const { t } = useTranslation('tools');
  return (
    <RuleScreen kind="capacity" pick={t('capacity.pick')} editor={(props) => <CapacityEditor {...props} />} />
  );
}

function CapacityEditor(props: RuleEditorProps<'capacity'>) {
  const { t } = useTranslation('tools');
  const saved = props.entry?.rule;
  const [name, setName] = useState(saved?.name ?? '');
  const [duration, setDuration] = useState<30 | 60>((saved?.duration as 30 | 60) ?? 60);
  const [days, setDays] = useState<Days>((saved?.days as Days) ?? {});
  const [statement, setStatement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const dirty = !saved || statementOf({ days, duration }) !== statementOf(saved);
  const slots = timeslots(duration);
  const number = (text: string) => Math.max(0, Math.floor(Number(text) || 0));

  const paste = (text: string) => {
    try {
      const parsed = parseStatement(text);
      setDays(parsed.days);
      setDuration(parsed.duration);
      setError(null);
      setNotice(t('capacity.pasted'));
    } catch (e) {
      setError(t('capacity.badStatement', { reason: (e as Error).message }));
    }
  };
  const save = async () => {
    setError(null);
    try {
      const rule = { name: name.trim(), duration, days } as CapacityRule;
      await rulesApi.put('capacity', rule);
      await props.onChanged(rule);
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    // Pasting anywhere but into a cell replaces the whole rule with the pasted statement.
    <section
      className="rule-editor"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the editor takes focus so a paste lands on it.
      tabIndex={0}
      aria-label={t('capacity.editor')}
      data-testid="capacity-editor"
      onPaste={(e) => {
        if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
        e.preventDefault();
        paste(e.clipboardData.getData('text'));
      }}
    >
      <RuleHead
        kind="capacity"
        entry={props.entry}
        name={name}
        onName={setName}
        canSave={dirty}
        onSave={() => void save()}
        onChanged={props.onChanged}
        onError={setError}
        notice={notice}
      >
        <button
          type="button"
          disabled={!saved || !dirty}
          onClick={() => {
            setDays(saved!.days as Days);
            setDuration(saved!.duration as 30 | 60);
            setNotice(t('reverted'));
          }}
        >
          {t('revert')}
        </button>
      </RuleHead>
      <label>
        {t('capacity.length')}
        <select
          value={duration}
          onChange={(e) => {
            const to = Number(e.target.value) as 30 | 60;
            setDays(convert(days, to));
            setDuration(to);
          }}
        >
          <option value={60}>{t('capacity.hour')}</option>
          <option value={30}>{t('capacity.halfHour')}</option>
        </select>
      </label>
      <ErrorBanner error={error} />
      <p className="muted">{t('capacity.hint')}</p>
      <table className="capacity" data-testid="capacity-grid">
        <thead>
          <tr>
            <th>{t('capacity.slot')}</th>
            <th>{t('capacity.setAll')}</th>
            {weekdays.map((d) => (
              <th key={d}>{t(`days.${d}`)}</th>
            ))}
          </tr>
          <tr className="set">
            <th>{t('capacity.setDay')}</th>
            <td />
            {weekdays.map((d) => (
              <td key={d}>
                <input
                  aria-label={t('capacity.setDayOf', { day: t(`days.${d}`) })}
                  inputMode="numeric"
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') setDays(setDay(days, d, number(e.currentTarget.value), duration));
                  }}
                  onBlur={(e) => {
                    if (e.currentTarget.value !== '')
                      setDays(setDay(days, d, number(e.currentTarget.value), duration));
                    e.currentTarget.value = '';
                  }}
                />
              </td>
            ))}
          </tr>
        </thead>
        <tbody>
          {slots.map((slot) => (
            <tr key={slot}>
              <th>{slot}</th>
              <td className="set">
                <input
                  aria-label={t('capacity.setAllOf', { slot })}
                  inputMode="numeric"
                  onBlur={(e) => {
                    if (e.currentTarget.value !== '')
                      setDays(setAll(days, slot, number(e.currentTarget.value)));
                    e.currentTarget.value = '';
                  }}
                />
              </td>
              {weekdays.map((d) => (
                <td key={d}>
                  <input
                    aria-label={`${t(`days.${d}`)} ${slot}`}
                    inputMode="numeric"
                    value={valueAt(days, d, slot) || ''}
                    onChange={(e) => setDays(setCell(days, d, slot, number(e.target.value)))}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <label className="grow">
          {t('capacity.statement')}
          <textarea
            rows={3}
            cols={80}
            value={statement}
            onChange={(e) => setStatement(e.target.value)}
            placeholder={statementOf({ days, duration })}
          />
        </label>
        <button type="button" disabled={!statement.trim()} onClick={() => paste(statement)}>
          {t('capacity.replace')}
        </button>
      </div>
    </section>
  );
}
