import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationsApi } from '../../api/endpoints.ts';
import type { PublishedVersion } from '../../api/types.ts';

/** What a test call runs: the draft being edited, the live version, a version from the list, or a number. */
export type CallTarget =
  | { kind: 'draft' }
  | { kind: 'live' }
  | { kind: 'version'; version: number }
  | { kind: 'dnis' };

const encode = (target: CallTarget) => (target.kind === 'version' ? `v${target.version}` : target.kind);

function decode(value: string): CallTarget {
  if (value.startsWith('v')) return { kind: 'version', version: Number(value.slice(1)) };
  return { kind: value as 'draft' | 'live' | 'dnis' };
}

export function CallTargetPicker({
  applicationId,
  value,
  onChange,
  refreshKey,
}: {
  applicationId: string;
  value: CallTarget;
  onChange: (target: CallTarget) => void;
  /** Changes when the versions may have changed (e.g. after a call starts). */
  refreshKey: unknown;
}) {
  const { t } = useTranslation('designer');
  const [versions, setVersions] = useState<PublishedVersion[]>([]);
  useEffect(() => {
    void refreshKey;
    applicationsApi.versions(applicationId).then(
      (page) => setVersions(page.items),
      () => undefined,
    );
  }, [applicationId, refreshKey]);
  const live = versions.find((v) => v.live);
  return (
    <label>
      {t('test.run')}
      <select
        aria-label={t('test.run')}
        value={encode(value)}
        onChange={(e) => onChange(decode(e.target.value))}
      >
        <option value="draft">{t('test.draft')}</option>
        {live && <option value="live">{t('test.live', { version: live.version })}</option>}
        {versions
          .filter((v) => !v.live)
          .map((v) => (
            <option key={v.version} value={`v${v.version}`}>
              {t('test.version', { version: v.version, at: new Date(v.publishedAt).toLocaleString() })}
              {v.note ? ` · ${v.note.slice(0, 40)}` : ''}
            </option>
          ))}
        <option value="dnis">{t('test.dnis')}</option>
      </select>
    </label>
  );
}
