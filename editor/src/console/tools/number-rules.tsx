/** Country and Number Validation rules, with a panel that tests a number and says why it is refused. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NumberValidationRule } from '../../../../schemas/number-validation-rule.generated.ts';
import { describeError } from '../../api/http.ts';
import { rulesApi } from '../shared/api.ts';
import { ErrorBanner } from '../shared/modal.tsx';
import { type RuleEditorProps, RuleHead, RuleScreen } from './rule-screen.tsx';

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function NumberRules() {
  const { t } = useTranslation('tools');
  return (
    <RuleScreen
      kind="numberValidation"
      pick={t('number.pick')}
      editor={(props) => <NumberEditor {...props} />}
    />
  );
}

function NumberEditor(props: RuleEditorProps<'numberValidation'>) {
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
      <RuleHead
        kind="numberValidation"
        entry={props.entry}
        name={name}
        onName={setName}
        canSave
        onSave={() => void save()}
        onChanged={props.onChanged}
        onError={setError}
      />
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
