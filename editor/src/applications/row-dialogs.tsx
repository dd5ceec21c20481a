import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationsApi } from '../api/endpoints.ts';
import { describeError } from '../api/http.ts';
import type { ApplicationSummary } from '../api/types.ts';
import { ConfirmDialog } from '../shell/confirm-dialog.tsx';
import { renameApplication } from './application-actions.ts';

export type RowQuestion = { kind: 'rename' | 'delete'; app: ApplicationSummary };

/** Rename and delete, asked in the page (not the browser's prompt and confirm boxes). */
export function RowDialog({
  question,
  onDone,
}: {
  question: RowQuestion;
  onDone: (changed: boolean) => void;
}) {
  const { t } = useTranslation('designer');
  const { app } = question;
  const [name, setName] = useState(app.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function act(action: () => Promise<unknown>) {
    setBusy(true);
    try {
      await action();
      onDone(true);
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  }

  if (question.kind === 'rename') {
    const trimmed = name.trim();
    return (
      <ConfirmDialog
        testId="rename-dialog"
        title={t('applications.renameTitle', { name: app.name })}
        confirmLabel={t('applications.rename')}
        cancelLabel={t('common.cancel')}
        busy={busy}
        error={error}
        onConfirm={() => {
          if (!trimmed) return setError(t('applications.nameRequired'));
          if (trimmed === app.name) return onDone(false);
          void act(() => renameApplication(app.id, trimmed));
        }}
        onCancel={() => onDone(false)}
      >
        <label>
          {t('applications.newName')}
          {/* biome-ignore lint/a11y/noAutofocus: the dialog exists to take this one value */}
          <input autoFocus value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        </label>
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog
      testId="delete-dialog"
      title={t('applications.deleteTitle', { name: app.name })}
      confirmLabel={t('applications.delete')}
      cancelLabel={t('common.cancel')}
      danger
      busy={busy}
      error={error}
      onConfirm={() => void act(() => applicationsApi.remove(app.id))}
      onCancel={() => onDone(false)}
    >
      <p>
        {app.liveVersion
          ? t('applications.deleteLive', { version: app.liveVersion })
          : t('applications.deleteDraft')}
      </p>
    </ConfirmDialog>
  );
}
