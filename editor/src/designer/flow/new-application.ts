import type { Application, ApplicationType } from '../../../../schemas/application.generated.ts';

/** Application ids: ^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$, derived from the name so they read well in URLs. */
export function applicationIdFromName(name: string, random: () => number = Math.random): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  const suffix = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `${slug || 'app'}-${suffix}`;
}

export function newApplication(
  name: string,
  type: ApplicationType,
  id = applicationIdFromName(name),
): Application {
  return {
    schemaVersion: 1,
    id,
    name,
    type,
    variables: [],
    phases: { initialize: null, selfService: null, assistedService: null, finalize: null },
    blocks: {},
    layout: { positions: {} },
  };
}

/** A copy under a new id and name, for "duplicate" and for importing a file whose id is taken. */
export function copyApplication(source: Application, name: string): Application {
  return { ...structuredClone(source), id: applicationIdFromName(name), name };
}
