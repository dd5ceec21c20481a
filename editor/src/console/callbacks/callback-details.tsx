/** An opened row: position and wait time, the actions its state allows, and the advanced metrics with the audit trail. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/http.ts';
import { type AuditLine, type CallbackRecord, callbacksApi } from '../shared/api.ts';
import { formatDateTime, formatDuration, type TimeOptions } from '../shared/format.ts';

/** Where an action came from, read off its actor (`ui:alice`, `ges`, `engine`, …). */
export function channelOf(actor: string): string {
  const prefix = actor.split(':')[0] ?? actor;
  return prefix.toUpperCase();
}

export function CallbackDetails(props: {
  record: CallbackRecord;
  time: TimeOptions;
  canManage: boolean;
  onChanged: (records: CallbackRecord[]) => void;
  onReschedule: (record: CallbackRecord) => void;
}) {
  const { t } = useTranslation('callbacks');
  const [details, setDetails] = useState<(CallbackRecord & { audit: AuditLine[] }) | null>(null);
  const [advanced, setAdvanced] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const r = details ?? props.record;
  const state = r.callbackState;

  const load = async () => {
    try {
      setDetails(await callbacksApi.get(props.record.id));
    } catch (e) {
      setError(describeError(e));
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the row's record changes.
  useEffect(() => {
    void load();
  }, [props.record]);
  const act = async (
    action: () => Promise<CallbackRecord>,
    changed: (result: CallbackRecord) => CallbackRecord[],
  ) => {
    setError(null);
    try {
      const result = await action();
      props.onChanged(changed(result));
      await load();
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <div className="callback-details" data-testid={`details-${r.id}`}>
      <dl className="facts">
        <dt>{t('details.position')}</dt>
        <dd data-testid="position">{r.positionInQueue ?? '–'}</dd>
        <dt>{t('details.ewt')}</dt>
        <dd>{formatDuration(r.estimatedWaitTime)}</dd>
        <dt>{t('columns.desiredTime')}</dt>
        <dd>{formatDateTime(r.desiredTime, props.time)}</dd>
        <dt>{t('columns.attempts')}</dt>
        <dd>{r.attempts}</dd>
      </dl>
      <div className="actions">
        {props.canManage && (state === 'SCHEDULED' || state === 'QUEUED') && (
          <button type="button" onClick={() => props.onReschedule(r)}>
            {t('actions.reschedule')}
          </button>
        )}
        {props.canManage && state !== 'COMPLETED' && state !== 'PROCESSING' && (
          <button
            type="button"
            className="danger"
            onClick={() =>
              void act(
                () => callbacksApi.cancel(r.id),
                (x) => [x],
              )
            }
          >
            {t('actions.cancel')}
          </button>
        )}
        {props.canManage && state === 'COMPLETED' && (
          <button
            type="button"
            onClick={() =>
              void act(
                () => callbacksApi.recreate(r.id),
                () => [],
              )
            }
          >
            {t('actions.recreate')}
          </button>
        )}
        <label className="toggle">
          <input type="checkbox" checked={advanced} onChange={(e) => setAdvanced(e.target.checked)} />
          {t('details.advanced')}
        </label>
      </div>
      {error && (
        <div role="alert" className="error">
          {error}
        </div>
      )}
      {advanced && details && (
        <div className="advanced">
          <dl className="facts">
            <dt>{t('columns.createdBy')}</dt>
            <dd>{details.createdBy ?? '–'}</dd>
            <dt>{t('columns.agentId')}</dt>
            <dd>{details.agentId ?? '–'}</dd>
            <dt>{t('details.expiresAt')}</dt>
            <dd>{formatDateTime(details.expiresAt, props.time)}</dd>
            <dt>{t('details.userData')}</dt>
            <dd>
              <code>{JSON.stringify(details.userData)}</code>
            </dd>
          </dl>
          <table className="list audit" aria-label={t('details.audit')}>
            <thead>
              <tr>
                <th>{t('details.at')}</th>
                <th>{t('details.move')}</th>
                <th>{t('details.reason')}</th>
                <th>{t('details.actor')}</th>
                <th>{t('details.channel')}</th>
              </tr>
            </thead>
            <tbody>
              {details.audit.map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: audit lines are append-only.
                <tr key={i}>
                  <td>{formatDateTime(line.at, props.time)}</td>
                  <td>{line.from ? `${line.from} → ${line.to}` : line.to}</td>
                  <td>{line.reason ?? ''}</td>
                  <td>{line.actor}</td>
                  <td>{channelOf(line.actor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
