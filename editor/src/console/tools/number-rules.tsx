/** Country and Number Validation rules, with a panel that tests a number and says why it is refused. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NumberValidationRule } from '../../../../schemas/number-validation-rule.generated.ts';
import { describeError } from '../../api/http.ts';
import { rulesApi } from '../shared/api.ts';
import { ErrorBanner } from '../shared/modal.tsx';
import { useLoader } from '../shared/use-loader.ts';
import { RuleList, type RuleListEntry } from './rule-list.tsx';

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function NumberRules() {
  const { t } = useTranslation('tools');
  const rules = useLoader(() => rulesApi.list('numberValidation'), []);
  const [open, setOpen] = useState<RuleListEntry<NumberValidationRule> | 'new' | null>(null);
  return (
    <div className="split">
      <RuleList
        entries={rules.data?.items ?? []}
        selected={open === 'new' ? null : (open?.rule.name ?? null)}
        onOpen={setOpen}
        onNew={() => setOpen('new')}
      />
      <div className="scroll">
        <ErrorBanner error={rules.error} />
        {open === null ? (
          <p className="muted">{t('number.pick')}</p>
        ) : (
          <NumberEditor
            key={open === 'new' ? '' : open.rule.name}
            entry={open === 'new' ? null : open}
            onChanged={async (rule) => {
              const fresh = await rulesApi.list('numberValidation');
              await rules.reload();
              setOpen(rule ? (fresh.items.find((e) => e.rule.name === rule.name) ?? null) : null);
            }}
          />
        )}
      </div>
    </div>
  );
}

function NumberEditor(props: {
  entry: RuleListEntry<NumberValidationRule> | null;
  onChanged: (rule: NumberValidationRule | null) => Promise<void>;
}) {
  const { t } = useTranslation('tools');
  const saved = props.entry?.rule;
  const [name, setName] = useState(saved?.name ?? '');
  const [countries, setCountries] = useState((saved?.permittedCountries ?? ['US', 'CA']).join(', '));
  const [patterns, setPatterns] = useState((saved?.blockedPatterns ?? []).join('\n'));
  const [error, setError] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const [result, setResult] = useState<{
    valid: boolean;
    e164?: string;
    reason?: string;
    message?: string;
  } | null>(null);
  const save = async () => {
    setError(null);
    try {
      const rule: NumberValidationRule = {
        name: name.trim(),
        // The runtime answers an empty list with the field that must not be empty.
        permittedCountries: lines(countries).map((c) =>
          c.toUpperCase(),
        ) as NumberValidationRule['permittedCountries'],
        blockedPatterns: patterns
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      };
      await rulesApi.put('numberValidation', rule);
      await props.onChanged(rule);
    } catch (e) {
      setError(describeError(e));
    }
  };
  const test = async () => {
    setError(null);
    try {
      setResult(await rulesApi.testNumber(saved!.name, number));
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <section className="rule-editor form">
      <div className="row">
        <label>
          {t('name')}
          <input value={name} disabled={!!saved} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="button" className="primary" disabled={!name.trim()} onClick={() => void save()}>
          {saved ? t('save') : t('create')}
        </button>
        {saved && (
          <button
            type="button"
            className="danger"
            disabled={props.entry!.queues.length > 0}
            onClick={() =>
              rulesApi.remove('numberValidation', saved.name).then(
                () => props.onChanged(null),
                (e) => setError(describeError(e)),
              )
            }
          >
            {t('delete')}
          </button>
        )}
      </div>
      {saved && props.entry!.queues.length > 0 && (
        <p className="muted">{t('inUse', { queues: props.entry!.queues.join(', ') })}</p>
      )}
      <label>
        {t('number.countries')}
        <input value={countries} onChange={(e) => setCountries(e.target.value)} />
      </label>
      <label>
        {t('number.patterns')}
        <textarea rows={4} value={patterns} onChange={(e) => setPatterns(e.target.value)} />
      </label>
      <ErrorBanner error={error} />
      {saved && (
        <fieldset className="test-number">
          <legend>{t('number.test')}</legend>
          <input
            aria-label={t('number.testNumber')}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            placeholder="+14155550123"
          />
          <button type="button" disabled={!number.trim()} onClick={() => void test()}>
            {t('number.runTest')}
          </button>
          {result && (
            <output data-testid="number-result" className={result.valid ? 'ok' : 'error'}>
              {result.valid
                ? t('number.accepted', { e164: result.e164 })
                : t('number.refused', { reason: result.reason, message: result.message })}
            </output>
          )}
        </fieldset>
      )}
    </section>
  );
}
