import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationsApi } from '../../api/endpoints.ts';
import { describeError } from '../../api/http.ts';
import type { PhoneNumber, PublishedVersion } from '../../api/types.ts';
import { saveNow } from '../store/autosave.ts';
import { designer, useDesigner } from '../store/designer-store.ts';
import { VersionDiffPanel } from '../versions/version-diff-panel.tsx';
import { DraftVersusLive } from './draft-versus-live.tsx';
import { PublishDialog, type PublishIntent, type PublishResult } from './publish-dialog.tsx';
import { useLiveDocument } from './use-live-document.ts';

// The number list checks E.164 with libphonenumber's metadata (a third of the Designer's code):
// loaded when the Publish tab opens, not with every Designer.
const PhoneNumbers = lazy(() => import('./phone-numbers.tsx').then((m) => ({ default: m.PhoneNumbers })));

type Message = { kind: 'ok' | 'error'; text: string };

/** Validate on the server, publish and roll back through a dialog that says what goes live, DNIS. */
export function PublishPanel() {
  const { t } = useTranslation('designer');
  const applicationId = useDesigner((s) => s.applicationId)!;
  const applicationName = useDesigner((s) => s.history.present.name);
  const errorCount = useDesigner((s) => s.issues.filter((i) => i.severity === 'error').length);
  const [versions, setVersions] = useState<PublishedVersion[]>([]);
  const [numbers, setNumbers] = useState<string[]>([]);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [intent, setIntent] = useState<PublishIntent | null>(null);
  const liveDocument = useLiveDocument(applicationId, versions);
  const liveVersion = versions.find((v) => v.live)?.version ?? null;

  const loadVersions = useCallback(async () => {
    try {
      setVersions((await applicationsApi.versions(applicationId)).items);
    } catch (e) {
      setMessage({ kind: 'error', text: describeError(e) });
    }
  }, [applicationId]);

  useEffect(() => {
    void loadVersions();
  }, [loadVersions]);

  const ownNumbers = useCallback(
    (items: PhoneNumber[]) =>
      setNumbers(items.filter((n) => n.applicationId === applicationId).map((n) => n.dnis)),
    [applicationId],
  );

  async function validate() {
    setBusy(true);
    try {
      await saveNow();
      const report = await applicationsApi.validate(applicationId, useDesigner.getState().history.present);
      designer.setIssues(report.issues);
      const errors = report.issues.filter((i) => i.severity === 'error').length;
      setMessage(
        errors
          ? { kind: 'error', text: t('publish.errorsBlock', { count: errors }) }
          : { kind: 'ok', text: t('publish.valid', { count: report.issues.length }) },
      );
    } catch (e) {
      setMessage({ kind: 'error', text: describeError(e) });
    } finally {
      setBusy(false);
    }
  }

  async function open(next: PublishIntent) {
    await saveNow();
    if (next.kind === 'publish' && useDesigner.getState().saveStatus !== 'saved') {
      setMessage({ kind: 'error', text: t('publish.notSaved') });
      return;
    }
    setIntent(next);
  }

  async function published(result: PublishResult) {
    setIntent(null);
    if (result.draftRestored) {
      // The server replaced the draft: load it, so the canvas shows what is live again.
      const draft = await applicationsApi.get(applicationId);
      const state = useDesigner.getState();
      designer.load({
        doc: draft.application,
        revision: draft.revision,
        definitions: Object.values(state.definitions),
      });
    }
    setMessage({
      kind: 'ok',
      text: result.draftRestored
        ? t('publish.rolledBack', { version: result.version })
        : t('publish.published', { version: result.version }),
    });
    await loadVersions();
  }

  return (
    <div className="publish panel-pad" data-testid="publish-panel">
      <h2>{t('publish.title')}</h2>
      <div className="button-row">
        <button type="button" onClick={() => void validate()} disabled={busy}>
          {t('publish.validate')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void open({ kind: 'publish' })}
          disabled={busy || errorCount > 0}
          title={errorCount ? t('publish.fixFirst') : t('publish.publishHint')}
        >
          {t('publish.publish')}
        </button>
      </div>
      {errorCount > 0 && <p className="error">{t('publish.mustFix', { count: errorCount })}</p>}
      {message && (
        <p role="status" className={message.kind === 'error' ? 'error' : 'ok'}>
          {message.text}
        </p>
      )}
      <DraftVersusLive liveVersion={liveVersion} liveDocument={liveDocument} />
      <h3>{t('publish.versions')}</h3>
      {versions.length === 0 && <p className="muted">{t('publish.notPublished')}</p>}
      <ul className="versions">
        {versions.map((v) => (
          <li key={v.version} data-testid={`version-${v.version}`}>
            <strong>v{v.version}</strong> {v.live && <span className="live">{t('publish.live')}</span>}{' '}
            <span className="muted">
              {t('publish.publishedBy', { at: new Date(v.publishedAt).toLocaleString(), by: v.publishedBy })}
              {v.republishedFrom ? ` · ${t('publish.republishedFrom', { version: v.republishedFrom })}` : ''}
            </span>
            {v.note && <div className="version-note">{v.note}</div>}
            {!v.live && (
              <button
                type="button"
                onClick={() => void open({ kind: 'rollback', fromVersion: v.version })}
                disabled={busy}
              >
                {t('publish.rollBack')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <VersionDiffPanel versions={versions} />
      <Suspense fallback={<p className="muted">{t('publish.loadingNumbers')}</p>}>
        <PhoneNumbers applicationId={applicationId} applicationName={applicationName} onChange={ownNumbers} />
      </Suspense>
      {intent && (
        <PublishDialog
          intent={intent}
          nextVersion={(versions[0]?.version ?? 0) + 1}
          liveVersion={liveVersion}
          liveDocument={liveDocument}
          numbers={numbers}
          onDone={(result) => void published(result)}
          onCancel={() => setIntent(null)}
        />
      )}
    </div>
  );
}
