import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackSettings } from '../../../schemas/callback-settings.generated.ts';
import { callbackSettingsApi, queueRulesApi } from '../api/endpoints.ts';
import { ApiProblem, describeError } from '../api/http.ts';
import {
  errorCountByGroup,
  errorsByField,
  type FormErrors,
  hasErrors,
  NO_ERRORS,
  withoutField,
} from './field-errors.ts';
import { checkSettings } from './settings-check.ts';
import { SettingsField } from './settings-field.tsx';
import {
  type SettingsField as Field,
  isRequired,
  newSettingsRow,
  rowForSaving,
  SETTINGS_GROUPS,
} from './settings-groups.ts';
import type { ReferenceOptions } from './settings-references.ts';

const RULE_FIELDS = ['capacityRule', 'numberValidationRule', 'regionAffinityRule'] as const;

interface FormProps {
  /** The queue as stored; null for a queue being created. */
  saved: CallbackSettings | null;
  references: ReferenceOptions;
  onSaved: (row: CallbackSettings) => void;
  /** Delete the saved queue, or drop the new one (the screen confirms either). */
  onDelete: () => void;
  onDirtyChange: (dirty: boolean) => void;
  /** What the screen last did (e.g. "Saved Sales_VQ."), shown while nothing is changed. */
  notice: string | null;
  /** The user may read the settings but not change them (the runtime would answer 403). */
  readOnly?: boolean;
}

/** One queue's settings as a form: its groups, a sticky footer with Save, the problems beside their fields. */
export function SettingsForm({
  saved,
  references,
  onSaved,
  onDelete,
  onDirtyChange,
  notice,
  readOnly = false,
}: FormProps) {
  const { t } = useTranslation('callbackSettings');
  const [draft, setDraft] = useState<Partial<CallbackSettings>>(() => saved ?? newSettingsRow());
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const body = useRef<HTMLFieldSetElement>(null);
  const dirty = saved === null || JSON.stringify(rowForSaving(draft)) !== JSON.stringify(rowForSaving(saved));

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  // Bring the first problem into view: it may sit in a group scrolled far from the Save button.
  useEffect(() => {
    if (!hasErrors(errors)) return;
    const invalid = body.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus({ preventScroll: true });
    invalid?.scrollIntoView({ block: 'center' });
  }, [errors]);

  const onChange = useCallback((field: Field, value: unknown) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => withoutField(e, field));
  }, []);

  const save = async () => {
    const local = checkSettings(draft, t);
    setErrors(local);
    if (hasErrors(local)) return;
    setBusy(true);
    try {
      const sent = rowForSaving(draft);
      let row = await callbackSettingsApi.put(sent);
      // A row leaves out a rule it does not name (and so keeps it): clearing one is an unassignment.
      const cleared = RULE_FIELDS.filter((f) => saved?.[f] && !sent[f]);
      if (cleared.length > 0) {
        await queueRulesApi.assign(sent.virtualQueue, Object.fromEntries(cleared.map((f) => [f, null])));
        row = { ...row };
        for (const f of cleared) delete row[f];
      }
      setDraft(row);
      onSaved(row);
    } catch (error) {
      setErrors(
        error instanceof ApiProblem && error.errors.length > 0
          ? errorsByField(error.errors)
          : { fields: {}, form: [describeError(error)] },
      );
    } finally {
      setBusy(false);
    }
  };

  const counts = errorCountByGroup(errors);
  const problemCount = Object.values(counts).reduce((a, b) => a + b, 0) + errors.form.length;
  return (
    <form
      className="settings-form"
      aria-label={saved ? t('formFor', { queue: saved.virtualQueue }) : t('newQueue')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void save();
      }}
    >
      <header className="settings-form-head">
        <h2>{saved ? saved.virtualQueue : t('newQueue')}</h2>
        <nav className="group-nav" aria-label={t('groupsNav')}>
          {SETTINGS_GROUPS.map((group) => (
            <button
              key={group.id}
              type="button"
              className={counts[group.id] ? 'has-error' : undefined}
              onClick={() =>
                body.current?.querySelector(`#group-${group.id}`)?.scrollIntoView({ block: 'start' })
              }
            >
              {t(`groups.${group.id}.title`)}
              {counts[group.id] ? <span className="badge">{counts[group.id]}</span> : null}
            </button>
          ))}
        </nav>
      </header>
      {/* A disabled fieldset disables every control inside it: reading needs no other change. */}
      <fieldset className="settings-form-body" ref={body} disabled={readOnly}>
        {SETTINGS_GROUPS.map((group) => (
          <fieldset key={group.id} id={`group-${group.id}`} className="settings-group">
            <legend>{t(`groups.${group.id}.title`)}</legend>
            <p className="group-intro">{t(`groups.${group.id}.intro`)}</p>
            <div className="group-fields">
              {group.fields.map(({ field, control, unit }) => (
                <SettingsField
                  key={field}
                  field={field}
                  control={control}
                  unit={unit}
                  value={draft[field]}
                  required={isRequired(field, draft)}
                  readOnly={control.kind === 'key' && saved !== null}
                  error={errors.fields[field]}
                  references={references}
                  onChange={onChange}
                />
              ))}
            </div>
          </fieldset>
        ))}
      </fieldset>
      <footer className="settings-form-footer">
        <div className="save-state" role="status">
          {readOnly ? (
            <span className="muted">{t('readOnly')}</span>
          ) : problemCount > 0 ? (
            <span className="error">{t('problemCount', { count: problemCount })}</span>
          ) : dirty ? (
            <span className="unsaved">{t('unsaved')}</span>
          ) : (
            <span className="ok">{notice ?? t('noChanges')}</span>
          )}
          {errors.form.map((message) => (
            <span key={message} className="error form-problem">
              {message}
            </span>
          ))}
        </div>
        {!readOnly && (
          <button type="button" className="danger" disabled={busy} onClick={onDelete}>
            {saved ? t('delete') : t('discard')}
          </button>
        )}
        {saved && !readOnly && (
          <button
            type="button"
            disabled={!dirty || busy}
            onClick={() => {
              setDraft(saved);
              setErrors(NO_ERRORS);
            }}
          >
            {t('revert')}
          </button>
        )}
        {!readOnly && (
          <button type="submit" className="primary" disabled={busy || (!dirty && !hasErrors(errors))}>
            {busy ? t('saving') : t('save')}
          </button>
        )}
      </footer>
    </form>
  );
}
