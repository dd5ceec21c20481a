/** Region Affinity rules: the regions with live nodes, ordered into preferred, fallback and ignored. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionAffinityRule } from '../../../../schemas/region-affinity-rule.generated.ts';
import { describeError } from '../../api/http.ts';
import { rulesApi } from '../shared/api.ts';
import { ErrorBanner } from '../shared/modal.tsx';
import { useLoader } from '../shared/use-loader.ts';
import { RuleList, type RuleListEntry } from './rule-list.tsx';

const groups = ['preferred', 'fallback', 'ignored'] as const;
type Group = (typeof groups)[number];
type Order = Record<Group, string[]>;

export function RegionRules() {
  const { t } = useTranslation('tools');
  const rules = useLoader(() => rulesApi.list('regionAffinity'), []);
  const regions = useLoader(() => rulesApi.regions(), []);
  const [open, setOpen] = useState<RuleListEntry<RegionAffinityRule> | 'new' | null>(null);
  const live = (regions.data?.items ?? []).map((r) => r.region);
  return (
    <div className="split">
      <RuleList
        entries={rules.data?.items ?? []}
        selected={open === 'new' ? null : (open?.rule.name ?? null)}
        onOpen={setOpen}
        onNew={() => setOpen('new')}
      />
      <div className="scroll">
        <ErrorBanner error={rules.error ?? regions.error} />
        <p className="muted" data-testid="live-regions">
          {t('region.live', { regions: live.join(', ') || '–' })}
        </p>
        {open !== null && (
          <RegionEditor
            key={open === 'new' ? '' : open.rule.name}
            entry={open === 'new' ? null : open}
            live={live}
            onChanged={async () => {
              setOpen(null);
              await rules.reload();
            }}
          />
        )}
      </div>
    </div>
  );
}

function RegionEditor(props: {
  entry: RuleListEntry<RegionAffinityRule> | null;
  live: string[];
  onChanged: () => Promise<void>;
}) {
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
      await rulesApi.put('regionAffinity', { name: name.trim(), ...order } as RegionAffinityRule);
      await props.onChanged();
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
        <button
          type="button"
          className="primary"
          disabled={!name.trim() || order.preferred.length === 0}
          onClick={() => void save()}
        >
          {saved ? t('save') : t('create')}
        </button>
        {saved && (
          <button
            type="button"
            className="danger"
            disabled={props.entry!.queues.length > 0}
            onClick={() =>
              rulesApi
                .remove('regionAffinity', saved.name)
                .then(props.onChanged, (e) => setError(describeError(e)))
            }
          >
            {t('delete')}
          </button>
        )}
      </div>
      {saved && props.entry!.queues.length > 0 && (
        <p className="muted">{t('inUse', { queues: props.entry!.queues.join(', ') })}</p>
      )}
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
