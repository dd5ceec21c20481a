import { useCallback, useEffect, useState } from 'react';
import { applicationsApi } from '../../api/endpoints.ts';
import { ApiProblem, describeError } from '../../api/http.ts';
import type { PublishedVersion, ValidationIssue } from '../../api/types.ts';
import { saveNow } from '../store/autosave.ts';
import { designer, useDesigner } from '../store/designer-store.ts';
import { VersionDiffPanel } from '../versions/version-diff-panel.tsx';
import { PhoneNumbers } from './phone-numbers.tsx';

/** Validate on the server, publish (refused while there are errors), versions and roll back, DNIS. */
export function PublishPanel() {
  const applicationId = useDesigner((s) => s.applicationId)!;
  const errorCount = useDesigner((s) => s.issues.filter((i) => i.severity === 'error').length);
  const [versions, setVersions] = useState<PublishedVersion[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

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

  const showServerIssues = (issues: ValidationIssue[]) => designer.setIssues(issues);

  async function validate() {
    setBusy(true);
    try {
      await saveNow();
      const report = await applicationsApi.validate(applicationId, useDesigner.getState().history.present);
      showServerIssues(report.issues);
      const errors = report.issues.filter((i) => i.severity === 'error').length;
      setMessage(
        errors
          ? { kind: 'error', text: `${errors} error(s) block publishing; see Issues.` }
          : {
              kind: 'ok',
              text: `Valid${report.issues.length ? `, with ${report.issues.length} warning(s)` : ''}.`,
            },
      );
    } catch (e) {
      setMessage({ kind: 'error', text: describeError(e) });
    } finally {
      setBusy(false);
    }
  }

  async function publish(fromVersion?: number) {
    setBusy(true);
    try {
      await saveNow();
      const state = useDesigner.getState();
      if (fromVersion === undefined && state.saveStatus !== 'saved') {
        throw new Error('The draft is not saved; resolve the save problem first.');
      }
      const published = await applicationsApi.publish(applicationId, fromVersion);
      setMessage({ kind: 'ok', text: `Published version ${published.version}.` });
      await loadVersions();
    } catch (e) {
      if (e instanceof ApiProblem && Array.isArray(e.body.issues))
        showServerIssues(e.body.issues as ValidationIssue[]);
      setMessage({ kind: 'error', text: describeError(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="publish panel-pad" data-testid="publish-panel">
      <h2>Publish</h2>
      <div className="button-row">
        <button type="button" onClick={() => void validate()} disabled={busy}>
          Validate
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void publish()}
          disabled={busy || errorCount > 0}
          title={errorCount ? 'Fix the errors in Issues first' : 'Publish the draft as a new version'}
        >
          Publish
        </button>
      </div>
      {errorCount > 0 && <p className="error">{errorCount} error(s) must be fixed before publishing.</p>}
      {message && (
        <p role="status" className={message.kind === 'error' ? 'error' : 'ok'}>
          {message.text}
        </p>
      )}
      <h3>Versions</h3>
      {versions.length === 0 && <p className="muted">Not published yet.</p>}
      <ul className="versions">
        {versions.map((v) => (
          <li key={v.version}>
            <strong>v{v.version}</strong> {v.live && <span className="live">live</span>}{' '}
            <span className="muted">
              {new Date(v.publishedAt).toLocaleString()} by {v.publishedBy}
            </span>
            {!v.live && (
              <button type="button" onClick={() => void publish(v.version)} disabled={busy}>
                Roll back to this
              </button>
            )}
          </li>
        ))}
      </ul>
      <VersionDiffPanel versions={versions} />
      <PhoneNumbers applicationId={applicationId} />
    </div>
  );
}
