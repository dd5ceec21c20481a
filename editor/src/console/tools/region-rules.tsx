/** Region Affinity rules: the regions with live nodes, ordered into preferred, fallback and ignored. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionAffinityRule } from '../../../../schemas/region-affinity-rule.generated.ts';
import { describeError } from '../../api/http.ts';
import { rulesApi } from '../shared/api.ts';
import { ErrorBanner } from '../shared/modal.tsx';
import { useLoader } from '../shared/use-loader.ts';
import { type RuleEditorProps, RuleHead, RuleScreen } from './rule-screen.tsx';

const groups = ['preferred', 'fallback', 'ignored'] as const;
type Group = (typeof groups)[number];
type Order = Record<Group, string[]>;

export function RegionRules() {
  const { t } = useTranslation('tools');
  const regions = useLoader(() => rulesApi.regions(), []);
  const live = (regions.data?.items ?? []).map((r) => r.region);
  return (
    <RuleScreen
      kind="regionAffinity"
      error={regions.error}
      above={
        <p className="muted" data-testid="live-regions">
          {t('region.live', { regions: live.join(', ') || '–' })}
        </p>
      }
      editor={(props) => <RegionEditor {...props} live={live} />}
    />
  );
}

function RegionEditor(props: RuleEditorProps<'regionAffinity'> & { live: string[] }) {
  const { t } = useTranslation('tools');
  const saved = props.entry?.rule;
  const known = new Set([...(saved ? [...saved.preferred, ...saved.fallback, ...saved.ignored] : [])]);
  const start: Order = saved
    ? { preferred: [...saved.preferred], fallback: [...saved.fallback], ignored: [...saved.ignored] }
    : { preferred: [], fallback: [], ignored: [] };
  for (const region of props.live) if (!known.has(region)) start.ignored.push(region);
  const [name, setName] = useState(saved?.name ?? '');
  const [order, setOrder] = useState<Order>(start);
  const [error, setError] = useState<string | null>(null);
  const move = (group: Group, index: number, to: Group | 'up' | 'down') => {
    const next: Order = {
      preferred: [...order.preferred],
      fallback: [...order.fallback],
      ignored: [...order.ignored],
    };
    const [region] = next[group].splice(index, 1);
    if (!region) return;
    if (to === 'up') next[group].splice(Math.max(0, index - 1), 0, region);
    else if (to === 'down') next[group].splice(index + 1, 0, region);
    else next[to].push(region);
    setOrder(next);
  };
  const save = async () => {
    try {
      const rule = { name: name.trim(), ...order } as RegionAffinityRule;
      await rulesApi.put('regionAffinity', rule);
      await props.onChanged(rule);
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <section className="rule-editor form">
      <RuleHead
        kind="regionAffinity"
        entry={props.entry}
        name={name}
        onName={setName}
        canSave={order.preferred.length > 0}
        onSave={() => void save()}
        onChanged={props.onChanged}
        onError={setError}
      />
      <ErrorBanner error={error} />
      <div className="charts">
        {groups.map((group) => (
          <div key={group} className="card">
            <h2>{t(`region.${group}`)}</h2>
            <ol>
              {order[group].map((region, i) => (
                <li key={region}>
                  {region}{' '}
                  {props.live.includes(region) ? '' : <span className="muted">({t('region.offline')})</span>}{' '}
                  {group !== 'ignored' && (
                    <>
                      <button
                        type="button"
                        aria-label={t('region.up', { region })}
                        onClick={() => move(group, i, 'up')}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        aria-label={t('region.down', { region })}
                        onClick={() => move(group, i, 'down')}
                      >
                        ↓
                      </button>
                    </>
                  )}
                  {groups
                    .filter((g) => g !== group)
                    .map((g) => (
                      <button key={g} type="button" onClick={() => move(group, i, g)}>
                        {t(`region.to.${g}`)}
                      </button>
                    ))}
                </li>
              ))}
            </ol>
          </div>
        ))}
      </div>
    </section>
  );
}
