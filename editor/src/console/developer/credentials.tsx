/**
 * Credentials of outside services (push notifications, CAPTCHA, statistics): shown masked as the
 * runtime returns them, replaced by saving new values (secrets are write-only), tested on demand.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, describeError } from '../../api/http.ts';
import { type CredentialKind, developerApi } from '../shared/api.ts';
import { ErrorBanner } from '../shared/modal.tsx';
import { useLoader } from '../shared/use-loader.ts';

/** The fields of each kind (api.md); `secret` ones are never shown, only replaced. */
const forms: Record<
  CredentialKind,
  { name: string; secret?: boolean; type?: 'number' | 'boolean' | 'select'; options?: string[] }[]
> = {
  push: [
    { name: 'projectId' },
    { name: 'clientEmail' },
    { name: 'privateKey', secret: true },
    { name: 'appId' },
    { name: 'apiKey', secret: true },
    { name: 'senderId' },
  ],
  captcha: [
    { name: 'enabled', type: 'boolean' },
    { name: 'type', type: 'select', options: ['v3', 'v2-checkbox', 'v2-invisible'] },
    { name: 'keySetName' },
    { name: 'siteKey' },
    { name: 'secretKey', secret: true },
    { name: 'scoreThreshold', type: 'number' },
  ],
  statistics: [{ name: 'username' }, { name: 'password', secret: true }],
};

export function Credentials() {
  return (
    <div className="charts">
      {(Object.keys(forms) as CredentialKind[]).map((kind) => (
        <CredentialForm key={kind} kind={kind} />
      ))}
    </div>
  );
}

function CredentialForm({ kind }: { kind: CredentialKind }) {
  const { t } = useTranslation('developer');
  const current = useLoader(async () => {
    try {
      return await developerApi.credentials(kind);
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 404) return null; // none saved yet
      throw e;
    }
  }, [kind]);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const run = async (action: () => Promise<string>) => {
    setError(null);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (e) {
      setError(describeError(e));
    }
  };
  const shown = (name: string) => (name in values ? values[name] : current.data?.[name]);
  return (
    <form
      className="card form"
      aria-label={t(`credentials.${kind}`)}
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          await developerApi.putCredentials(kind, { ...stripMasked(current.data), ...values });
          setValues({});
          await current.reload();
          return t('credentials.saved');
        });
      }}
    >
      <h2>{t(`credentials.${kind}`)}</h2>
      {current.data === null && <p className="muted">{t('credentials.none')}</p>}
      {forms[kind].map((field) => (
        <label key={field.name} htmlFor={`${kind}-${field.name}`}>
          {t(`credentials.fields.${field.name}`)}
          {field.type === 'boolean' ? (
            <input
              id={`${kind}-${field.name}`}
              type="checkbox"
              checked={shown(field.name) === true}
              onChange={(e) => setValues({ ...values, [field.name]: e.target.checked })}
            />
          ) : field.type === 'select' ? (
            <select
              id={`${kind}-${field.name}`}
              value={String(shown(field.name) ?? field.options![0])}
              onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
            >
              {field.options!.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          ) : (
            <input
              id={`${kind}-${field.name}`}
              type={field.secret ? 'password' : field.type === 'number' ? 'number' : 'text'}
              autoComplete="off"
              placeholder={field.secret ? String(current.data?.[field.name] ?? '') : undefined}
              value={field.secret ? String(values[field.name] ?? '') : String(shown(field.name) ?? '')}
              onChange={(e) =>
                setValues({
                  ...values,
                  [field.name]: field.type === 'number' ? Number(e.target.value) : e.target.value,
                })
              }
            />
          )}
        </label>
      ))}
      <ErrorBanner error={error ?? current.error} />
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      <div className="buttons">
        <button
          type="button"
          disabled={!current.data}
          onClick={() =>
            void run(async () => {
              const result = await developerApi.testCredentials(kind);
              return t('credentials.tested', { result: JSON.stringify(result) });
            })
          }
        >
          {t('credentials.test')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={!current.data}
          onClick={() =>
            void run(async () => {
              await developerApi.removeCredentials(kind);
              await current.reload();
              return t('credentials.removed');
            })
          }
        >
          {t('remove')}
        </button>
        <button type="submit" className="primary">
          {t('credentials.save')}
        </button>
      </div>
    </form>
  );
}

/** The saved values without the masked secrets (the runtime keeps a secret that is not sent again). */
function stripMasked(saved: Record<string, unknown> | null | undefined): Record<string, unknown> {
  if (!saved) return {};
  const secrets = new Set(Object.values(forms).flatMap((f) => f.filter((x) => x.secret).map((x) => x.name)));
  return Object.fromEntries(Object.entries(saved).filter(([k]) => !secrets.has(k)));
}
