import { useEffect, useState } from 'react';
import type { Application } from '../../../../schemas/application.generated.ts';
import { applicationsApi } from '../../api/endpoints.ts';
import type { PublishedVersion } from '../../api/types.ts';

/** The document of the live version (null while loading or when nothing is published). */
export function useLiveDocument(applicationId: string, versions: PublishedVersion[]): Application | null {
  const live = versions.find((v) => v.live)?.version;
  const [loaded, setLoaded] = useState<{ version: number; application: Application } | null>(null);
  useEffect(() => {
    if (live === undefined) return;
    let current = true;
    applicationsApi.version(applicationId, live).then(
      (v) => current && setLoaded({ version: live, application: v.application }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [applicationId, live]);
  return loaded && loaded.version === live ? loaded.application : null;
}
