/** Queues: which capacity, number-validation and region-affinity rule each callback queue uses. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/http.ts';
import { queuesApi, rulesApi } from '../shared/api.ts';
import { ErrorBanner } from '../shared/modal.tsx';
import { useLoader } from '../shared/use-loader.ts';

const fields = [
  { field: 'capacityRule', kind: 'capacity' },
  { field: 'numberValidationRule', kind: 'numberValidation' },
  { field: 'regionAffinityRule', kind: 'regionAffinity' },
] as const;

export function QueueRules() {
  const { t } = useTranslation('tools');
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const data = useLoader(async () => {
    const names = (await queuesApi.names()).items.map((q) => q.virtualQueue).sort();
    const [assignments, ...ruleNames] = await Promise.all([
      Promise.all(names.map(async (name) => ({ name, rules: await queuesApi.rules(name) }))),
      ...fields.map(async ({ kind }) => (await rulesApi.list(kind)).items.map((e) => e.rule.name)),
    ]);
    return { assignments, ruleNames: ruleNames as string[][] };
  }, []);
  const assign = async (queue: string, field: string, value: string) => {
    setError(null);
    try {
      await queuesApi.assignRules(queue, { [field]: value || null });
      setNotice(t('queues.assigned', { queue }));
      await data.reload();
    } catch (e) {
      setError(describeError(e));
    }
  };
  const shown = (data.data?.assignments ?? []).filter((a) =>
    a.name.toLowerCase().includes(filter.toLowerCase()),
  );
  return (
    <div className="form">
      <div className="row">
        <input
          type="search"
          aria-label={t('queues.filter')}
          placeholder={t('queues.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        {notice && (
          <span className="ok" role="status">
            {notice}
          </span>
        )}
      </div>
      <ErrorBanner error={error ?? data.error} />
      <table className="list card" data-testid="queue-rules">
        <thead>
          <tr>
            <th>{t('queues.queue')}</th>
            {fields.map(({ field }) => (
              <th key={field}>{t(`queues.${field}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map(({ name, rules }) => (
            <tr key={name}>
              <td>{name}</td>
              {fields.map(({ field }, i) => (
                <td key={field}>
                  <select
                    aria-label={t('queues.ruleOf', { queue: name, kind: t(`queues.${field}`) })}
                    value={rules[field] ?? ''}
                    onChange={(e) => void assign(name, field, e.target.value)}
                  >
                    <option value="">{t('queues.none')}</option>
                    {(data.data?.ruleNames[i] ?? []).map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
