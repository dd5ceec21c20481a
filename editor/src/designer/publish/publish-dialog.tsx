import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../../schemas/application.generated.ts';
import { applicationsApi } from '../../api/endpoints.ts';
import { ApiProblem, describeError } from '../../api/http.ts';
import type { ValidationIssue } from '../../api/types.ts';
import { ConfirmDialog } from '../../shell/confirm-dialog.tsx';
import { designer, useDesigner } from '../store/designer-store.ts';
import { diffApplications } from '../versions/diff.ts';
import { ChangeSummary } from './change-summary.tsx';

export type PublishIntent = { kind: 'publish' } | { kind: 'rollback'; fromVersion: number };

export interface PublishResult {
  version: number;
  draftRestored: boolean;
  revision: number;
}

interface Props {
  intent: PublishIntent;
  nextVersion: number;
  liveVersion: number | null;
  liveDocument: Application | null;
  /** Numbers that will run what goes live. */
  numbers: string[];
  onDone: (result: PublishResult) => void;
  onCancel: () => void;
}

/**
 * Says what will go live before it does: the version number, the changes against the live
 * version, the numbers that will run it; takes a note for the history and, on a roll back,
 * whether the draft goes back too (so the draft matches what is live).
 */
export function PublishDialog({
  intent,
  nextVersion,
  liveVersion,
  liveDocument,
  numbers,
  onDone,
  onCancel,
}: Props) {
  const { t } = useTranslation('designer');
  const applicationId = useDesigner((s) => s.applicationId)!;
  const draft = useDesigner((s) => s.history.present);
  const definitions = useDesigner((s) => s.definitions);
  const [target, setTarget] = useState<Application | null>(intent.kind === 'publish' ? draft : null);
  const [note, setNote] = useState('');
  const [restoreDraft, setRestoreDraft] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (intent.kind !== 'rollback') return;
    applicationsApi.version(applicationId, intent.fromVersion).then(
      (v) => setTarget(v.application),
      (e) => setError(describeError(e)),
    );
  }, [applicationId, intent]);

  const changes = target && liveDocument ? diffApplications(liveDocument, target, definitions) : null;

  async function confirm() {
    setBusy(true);
    try {
      const result = await applicationsApi.publish(applicationId, {
        ...(intent.kind === 'rollback' ? { fromVersion: intent.fromVersion, restoreDraft } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onDone(result);
    } catch (e) {
      if (e instanceof ApiProblem && Array.isArray(e.body.issues))
        designer.setIssues(e.body.issues as ValidationIssue[]);
      setError(describeError(e));
      setBusy(false);
    }
  }

  const rollback = intent.kind === 'rollback';
  return (
    <ConfirmDialog
      testId="publish-dialog"
      title={
        rollback
          ? t('publish.rollbackTitle', { from: intent.fromVersion, version: nextVersion })
          : t('publish.publishTitle', { version: nextVersion })
      }
      confirmLabel={
        rollback
          ? t('publish.confirmRollback', { from: intent.fromVersion })
          : t('publish.confirmPublish', { version: nextVersion })
      }
      cancelLabel={t('common.cancel')}
      busy={busy || !target}
      error={error}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      <p>
        {numbers.length
          ? t('publish.goesLiveOn', { numbers: numbers.join(', ') })
          : t('publish.goesLiveNoNumbers')}{' '}
        {t('publish.callsInProgress')}
      </p>
      <h3>
        {liveVersion === null
          ? t('publish.firstVersion')
          : t('publish.changesAgainstLive', { version: liveVersion })}
      </h3>
      {liveVersion === null ? (
        <p className="muted">
          {t('publish.blockCount', { count: Object.keys(target?.blocks ?? {}).length })}
        </p>
      ) : changes ? (
        <ChangeSummary changes={changes} />
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
      <label>
        {t('publish.noteLabel')}
        <textarea
          maxLength={500}
          value={note}
          placeholder={t('publish.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      {rollback && (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={restoreDraft}
              onChange={(e) => setRestoreDraft(e.target.checked)}
            />
            {t('publish.restoreDraft', { from: intent.fromVersion })}
          </label>
          {!restoreDraft && <p className="warning-text">{t('publish.draftWillDiffer')}</p>}
        </>
      )}
    </ConfirmDialog>
  );
}
