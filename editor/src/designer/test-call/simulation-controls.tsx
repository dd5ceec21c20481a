import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { simulatorApi } from '../../api/endpoints.ts';
import { describeError } from '../../api/http.ts';
import type { ClockView, SimulatedAgent } from '../../api/types.ts';

const STEPS = [60, 15 * 60, 60 * 60] as const;

/**
 * The simulated contact center beside the test call: move the virtual clock and set agents Ready
 * or Not Ready, so a booked callback can be seen dialled and connected without leaving the Designer.
 */
export function SimulationControls({ onAdvanced }: { onAdvanced?: () => void }) {
  const { t } = useTranslation('designer');
  const [clock, setClock] = useState<ClockView | null>(null);
  const [agents, setAgents] = useState<SimulatedAgent[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [c, a] = await Promise.all([
        simulatorApi.clock(),
        simulatorApi.agents().catch(() => ({ items: [] })),
      ]);
      setClock(c);
      setAgents(a.items);
    } catch (e) {
      setError(describeError(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError(null);
      await load();
      onAdvanced?.();
    } catch (e) {
      setError(describeError(e));
    }
  };

  const virtual = clock?.kind === 'virtual';
  return (
    <section className="simulation" data-testid="simulation-controls">
      <h3>{t('test.simulation')}</h3>
      <p>
        {t('test.clockNow', { now: clock ? new Date(clock.now).toLocaleString() : '…' })}{' '}
        <span className="muted">{virtual ? t('test.clockVirtual') : t('test.clockSystem')}</span>
      </p>
      <div className="button-row">
        {STEPS.map((seconds) => (
          <button
            key={seconds}
            type="button"
            disabled={!virtual}
            onClick={() => void act(() => simulatorApi.advance(seconds))}
          >
            {t('test.advance', { minutes: seconds / 60 })}
          </button>
        ))}
      </div>
      {agents.length > 0 && (
        <table className="list agents-table">
          <caption>{t('test.agents')}</caption>
          <tbody>
            {agents.map((agent) => (
              <tr key={agent.id}>
                <td>{agent.name}</td>
                <td data-testid={`agent-state-${agent.id}`}>{t(`test.agentState.${agent.state}`)}</td>
                <td>
                  {agent.state === 'Ready' || agent.state === 'Busy' ? (
                    <button
                      type="button"
                      disabled={agent.state === 'Busy'}
                      onClick={() => void act(() => simulatorApi.setAgentState(agent.id, 'NotReady'))}
                    >
                      {t('test.setNotReady')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      onClick={() => void act(() => simulatorApi.setAgentState(agent.id, 'Ready'))}
                    >
                      {t('test.setReady')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && <p className="error">{error}</p>}
    </section>
  );
}
