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

interface Field {
  name: string;
  secret?: boolean;
  type?: 'number' | 'boolean' | 'select' | 'list';
  options?: string[];
}

/**
 * The fields of each kind, as the runtime's bodies define them (developer-credentials.schema.json);
 * `secret` ones (the runtime's secret members) come back masked, are never shown, only replaced.
 */
const forms: Record<CredentialKind, Field[]> = {
  push: [
    { name: 'projectId' },
    { name: 'clientEmail', secret: true },
    { name: 'privateKey', secret: true },
    { name: 'appId' },
    { name: 'apiKey' },
    { name: 'senderId' },
  ],
  captcha: [
    { name: 'enabled', type: 'boolean' },
    { name: 'type', type: 'select', options: ['v3', 'v2-checkbox', 'v2-invisible'] },
    { name: 'keySetName' },
    { name: 'siteKey' },
    { name: 'secretKey', secret: true },
    { name: 'scoreThreshold', type: 'number' },
    { name: 'hostnames', type: 'list' },
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
  const showResult = (result: { ok?: unknown; message?: unknown }) => {
    if (result.ok === false) throw new Error(String(result.message ?? ''));
    return t('credentials.tested', { result: String(result.message ?? '') });
  };
  return (
    <form
      className="card form"
      aria-label={t(`credentials.${kind}`)}
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          await developerApi.putCredentials(kind, bodyOf(kind, current.data, values));
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
              value={
                field.secret
                  ? String(values[field.name] ?? '')
                  : field.type === 'list'
                    ? listText(shown(field.name))
                    : String(shown(field.name) ?? '')
              }
              onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
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
        {kind === 'captcha' ? (
          // The CAPTCHA test needs a token solved in the widget: the test page renders it.
          <a
            className={current.data ? 'button' : 'button disabled'}
            aria-disabled={!current.data}
            href={current.data ? '/api/v1/developer/credentials/captcha/test-page' : undefined}
            target="_blank"
            rel="noreferrer"
          >
            {t('credentials.testPage')}
          </a>
        ) : (
          <button
            type="button"
            disabled={!current.data}
            onClick={() => void run(async () => showResult(await developerApi.testCredentials(kind)))}
          >
            {t('credentials.test')}
          </button>
        )}
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

const listText = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));

/**
 * The PUT body: the kind's fields only (a view also carries `updatedAt` and masked secrets, which
 * the body schema refuses), edited values over saved ones, defaults for a first save, and a secret
 * only when typed (the runtime keeps a stored secret that is not sent again).
 */
export function bodyOf(
  kind: CredentialKind,
  saved: Record<string, unknown> | null | undefined,
  edited: Record<string, unknown>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of forms[kind]) {
    const value = field.name in edited ? edited[field.name] : field.secret ? undefined : saved?.[field.name];
    if (field.secret) {
      if (typeof value === 'string' && value !== '') body[field.name] = value;
    } else if (field.type === 'boolean') body[field.name] = value === true;
    else if (field.type === 'select') body[field.name] = value ?? field.options![0];
    else if (field.type === 'number') {
      if (value !== undefined && value !== '') body[field.name] = Number(value);
    } else if (field.type === 'list') {
      if (value !== undefined)
        body[field.name] = listText(value)
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean);
    } else if (value !== undefined) body[field.name] = String(value);
  }
  return body;
}
