import { useEffect, useState } from 'react';
import type { Application } from '../../../../schemas/application.generated.ts';
import { applicationsApi } from '../../api/endpoints.ts';
import { describeError } from '../../api/http.ts';
import type { PublishedVersion } from '../../api/types.ts';
import { designer, useDesigner } from '../store/designer-store.ts';
import { diffApplications, type FlowChange } from './diff.ts';

const DRAFT = 'draft';

/** Pick two versions (or a version and the draft) and list what changed between them. */
export function VersionDiffPanel({ versions }: { versions: PublishedVersion[] }) {
  const applicationId = useDesigner((s) => s.applicationId)!;
  const draft = useDesigner((s) => s.history.present);
  const definitions = useDesigner((s) => s.definitions);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(DRAFT);
  const [documents, setDocuments] = useState<Record<string, Application>>({});
  const [error, setError] = useState<string | null>(null);

  const latest = versions[0]?.version;
  useEffect(() => {
    if (!from && latest !== undefined) setFrom(String(latest));
  }, [from, latest]);

  useEffect(() => {
    for (const choice of [from, to]) {
      if (!choice || choice === DRAFT || documents[choice]) continue;
      applicationsApi.version(applicationId, Number(choice)).then(
        (v) => setDocuments((old) => ({ ...old, [choice]: v.application })),
        (e) => setError(describeError(e)),
      );
    }
  }, [applicationId, from, to, documents]);

  if (versions.length === 0) return null;
  const documentOf = (choice: string) => (choice === DRAFT ? draft : documents[choice]);
  const before = documentOf(from);
  const after = documentOf(to);
  const changes = before && after ? diffApplications(before, after, definitions) : null;

  const picker = (label: string, value: string, onChange: (v: string) => void) => (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value={DRAFT}>Draft</option>
        {versions.map((v) => (
          <option key={v.version} value={String(v.version)}>
            v{v.version}
            {v.live ? ' (live)' : ''}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="version-diff" data-testid="version-diff">
      <h3>Compare versions</h3>
      <div className="inline-form">
        {picker('From', from, setFrom)}
        {picker('To', to, setTo)}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!changes && !error && <p className="muted">Loading…</p>}
      {changes?.length === 0 && <p className="muted">No differences.</p>}
      {changes && changes.length > 0 && <ChangeList changes={changes} />}
    </section>
  );
}

function ChangeList({ changes }: { changes: FlowChange[] }) {
  return (
    <ul className="changes">
      {changes.map((change) => (
        <li
          key={`${change.kind}:${change.path ?? ''}:${change.summary}`}
          className={`change ${change.kind}`}
          title={change.path}
        >
          {change.blockId ? (
            <button type="button" className="link" onClick={() => designer.select([change.blockId!])}>
              {change.summary}
            </button>
          ) : (
            change.summary
          )}
        </li>
      ))}
    </ul>
  );
}
