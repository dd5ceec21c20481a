import { useTranslation } from 'react-i18next';
import type { Application } from '../../../../schemas/application.generated.ts';
import { useDesigner } from '../store/designer-store.ts';
import { diffApplications } from '../versions/diff.ts';

/** One plain line: does the draft match what callers get, and if not, by how much. */
export function DraftVersusLive({
  liveVersion,
  liveDocument,
}: {
  liveVersion: number | null;
  liveDocument: Application | null;
}) {
  const { t } = useTranslation('designer');
  const draft = useDesigner((s) => s.history.present);
  const definitions = useDesigner((s) => s.definitions);
  if (liveVersion === null || !liveDocument) return null;
  const changes = diffApplications(liveDocument, draft, definitions).filter((c) => c.kind !== 'blockMoved');
  return (
    <p className={changes.length ? 'draft-differs' : 'muted'} data-testid="draft-versus-live">
      {changes.length
        ? t('publish.draftDiffers', { version: liveVersion, count: changes.length })
        : t('publish.draftMatches', { version: liveVersion })}
    </p>
  );
}
