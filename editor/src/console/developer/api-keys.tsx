/** API keys for the GES-compatible API: a new key is shown once, then only its first characters. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/http.ts';
import { ConfirmDialog } from '../../shell/confirm-dialog.tsx';
import { usePreferences } from '../../shell/preferences.ts';
import { type ApiKey, developerApi } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import { ErrorBanner } from '../shared/modal.tsx';
import { useLoader } from '../shared/use-loader.ts';

export function ApiKeys() {
  const { t } = useTranslation('developer');
  const prefs = usePreferences();
  const keys = useLoader(() => developerApi.apiKeys(), []);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [check, setCheck] = useState('');
  const [verdict, setVerdict] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const run = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <div className="form">
      <ErrorBanner error={error ?? keys.error} />
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const key = await developerApi.createApiKey(name.trim());
            setCreated(key.key);
            setName('');
            await keys.reload();
          });
        }}
      >
        <label>
          {t('keys.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={!name.trim()}>
          {t('keys.create')}
        </button>
      </form>
      {created && (
        <div className="card" role="status">
          <p>{t('keys.once')}</p>
          <code data-testid="new-key">{created}</code>{' '}
          <button type="button" onClick={() => void navigator.clipboard?.writeText(created)}>
            {t('keys.copy')}
          </button>{' '}
          <button type="button" onClick={() => setCreated(null)}>
            {t('keys.done')}
          </button>
        </div>
      )}
      <table className="list card" data-testid="api-keys">
        <thead>
          <tr>
            <th>{t('keys.name')}</th>
            <th>{t('keys.prefix')}</th>
            <th>{t('keys.created')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(keys.data?.items ?? []).map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td>
              <td>
                <code>{k.keyPrefix}…</code>
              </td>
              <td>{formatDateTime(k.createdAt, { hour24: prefs.hour24, utc: prefs.utc })}</td>
              <td>
                <button
                  type="button"
                  className="danger"
                  aria-label={t('keys.revokeNamed', { name: k.name })}
                  onClick={() => setRevoking(k)}
                >
                  {t('keys.revoke')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revoking && (
        <ConfirmDialog
          title={t('keys.revokeTitle', { name: revoking.name })}
          confirmLabel={t('keys.revoke')}
          cancelLabel={t('keys.keep')}
          danger
          testId="revoke-key-dialog"
          onConfirm={() => {
            const key = revoking;
            setRevoking(null);
            void run(async () => {
              await developerApi.revokeApiKey(key.id);
              await keys.reload();
            });
          }}
          onCancel={() => setRevoking(null)}
        >
          <p>{t('keys.confirmRevoke', { name: revoking.name, prefix: revoking.keyPrefix })}</p>
        </ConfirmDialog>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const result = await developerApi.validateApiKey(check.trim());
            setVerdict(result.valid ? t('keys.valid', { name: result.name }) : t('keys.invalid'));
          });
        }}
      >
        <label>
          {t('keys.validate')}
          <input
            type="password"
            value={check}
            onChange={(e) => setCheck(e.target.value)}
            autoComplete="off"
          />
        </label>
        <button type="submit" disabled={!check.trim()}>
          {t('keys.check')}
        </button>
        {verdict && <output>{verdict}</output>}
      </form>
    </div>
  );
}
