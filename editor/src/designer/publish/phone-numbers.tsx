import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { phoneNumbersApi } from '../../api/endpoints.ts';
import { ApiProblem, describeError } from '../../api/http.ts';
import type { PhoneNumber } from '../../api/types.ts';
import { ConfirmDialog } from '../../shell/confirm-dialog.tsx';
import { e164Problem } from './e164.ts';

type Pending = { kind: 'move'; dnis: string; holder: string } | { kind: 'release'; dnis: string };

/**
 * Every number of the tenant and the application it serves. Taking a number from another
 * application and releasing one are confirmed first: both change what live callers reach.
 */
export function PhoneNumbers({
  applicationId,
  applicationName,
  onChange,
}: {
  applicationId: string;
  applicationName: string;
  onChange?: (numbers: PhoneNumber[]) => void;
}) {
  const { t } = useTranslation('designer');
  const [numbers, setNumbers] = useState<PhoneNumber[]>([]);
  const [dnis, setDnis] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const items = (await phoneNumbersApi.list()).items;
      setNumbers(items);
      onChange?.(items);
    } catch (e) {
      setError(describeError(e));
    }
  }, [onChange]);

  useEffect(() => {
    void load();
  }, [load]);

  async function assign(number: string, move: boolean) {
    setBusy(true);
    try {
      await phoneNumbersApi.assign(number, applicationId, move);
      setDnis('');
      setPending(null);
      setError(null);
      await load();
    } catch (e) {
      if (e instanceof ApiProblem && e.code === 'NUMBER_HELD') {
        const holder = (e.body.holder as { name?: string; applicationId?: string } | undefined) ?? {};
        setPending({ kind: 'move', dnis: number, holder: holder.name ?? holder.applicationId ?? '' });
      } else if (e instanceof ApiProblem && e.errors.some((f) => f.pointer === '/path/dnis')) {
        setFieldError(e.errors.find((f) => f.pointer === '/path/dnis')!.message);
      } else setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  async function release(number: string) {
    setBusy(true);
    try {
      await phoneNumbersApi.release(number);
      setPending(null);
      await load();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = dnis.trim();
    const problem = e164Problem(value);
    setFieldError(problem ? t(`numbers.${problem}`) : null);
    if (!problem) void assign(value, false);
  };

  return (
    <section className="phone-numbers">
      <h3>{t('numbers.title')}</h3>
      <table className="list phone-number-list">
        <thead>
          <tr>
            <th>{t('numbers.number')}</th>
            <th>{t('numbers.serves')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {numbers.map((n) => {
            const mine = n.applicationId === applicationId;
            return (
              <tr
                key={n.dnis}
                className={mine ? 'mine' : undefined}
                data-testid={mine ? 'own-number' : 'other-number'}
              >
                <td>{n.dnis}</td>
                <td>
                  {mine ? <strong>{t('numbers.thisApplication')}</strong> : n.applicationName}
                  <span className="muted">
                    {' '}
                    {n.liveVersion === null
                      ? t('numbers.notLive')
                      : t('numbers.liveVersion', { version: n.liveVersion })}
                  </span>
                </td>
                <td>
                  {mine && (
                    <button type="button" onClick={() => setPending({ kind: 'release', dnis: n.dnis })}>
                      {t('numbers.release')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
          {numbers.length === 0 && (
            <tr>
              <td colSpan={3} className="muted">
                {t('numbers.none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <form onSubmit={submit} className="inline-form" noValidate>
        <input
          aria-label={t('numbers.dnisLabel')}
          placeholder={t('numbers.placeholder')}
          value={dnis}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? 'dnis-error' : undefined}
          className={fieldError ? 'invalid' : undefined}
          onChange={(e) => {
            setDnis(e.target.value);
            setFieldError(null);
          }}
        />
        <button type="submit" disabled={busy}>
          {t('numbers.assign')}
        </button>
      </form>
      {fieldError && (
        <p id="dnis-error" className="error field-error">
          {fieldError}
        </p>
      )}
      {error && <p className="error">{error}</p>}
      {pending?.kind === 'move' && (
        <ConfirmDialog
          testId="number-move-dialog"
          title={t('numbers.moveTitle', { dnis: pending.dnis })}
          confirmLabel={t('numbers.moveConfirm', { application: applicationName })}
          cancelLabel={t('numbers.keepIt', { application: pending.holder })}
          danger
          busy={busy}
          onConfirm={() => void assign(pending.dnis, true)}
          onCancel={() => setPending(null)}
        >
          <p>{t('numbers.moveHeldBy', { dnis: pending.dnis, holder: pending.holder })}</p>
          <p>
            {t('numbers.moveEffect', {
              dnis: pending.dnis,
              application: applicationName,
              holder: pending.holder,
            })}
          </p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'release' && (
        <ConfirmDialog
          testId="number-release-dialog"
          title={t('numbers.releaseTitle', { dnis: pending.dnis })}
          confirmLabel={t('numbers.release')}
          cancelLabel={t('common.cancel')}
          danger
          busy={busy}
          onConfirm={() => void release(pending.dnis)}
          onCancel={() => setPending(null)}
        >
          <p>{t('numbers.releaseEffect', { dnis: pending.dnis, application: applicationName })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
