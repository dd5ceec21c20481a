/** What the applications list does with whole documents: duplicate, rename, import, export. */
import type { Application, ApplicationType } from '../../../schemas/application.generated.ts';
import { applicationsApi } from '../api/endpoints.ts';
import { ApiProblem } from '../api/http.ts';
import { copyApplication, newApplication } from '../designer/flow/new-application.ts';

export async function createApplication(name: string, type: ApplicationType): Promise<string> {
  const created = await applicationsApi.create(newApplication(name, type));
  return created.application.id;
}

export async function renameApplication(id: string, name: string): Promise<void> {
  const draft = await applicationsApi.get(id);
  await applicationsApi.save(id, draft.revision, { ...draft.application, name });
}

export async function duplicateApplication(id: string): Promise<string> {
  const draft = await applicationsApi.get(id);
  const created = await applicationsApi.create(
    copyApplication(draft.application, `${draft.application.name} (copy)`),
  );
  return created.application.id;
}

export async function exportApplication(id: string): Promise<void> {
  const draft = await applicationsApi.get(id);
  const blob = new Blob([`${JSON.stringify(draft.application, null, 2)}\n`], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${id}.json`;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** Imports a document; when its id is taken, imports a copy under a new id rather than overwrite. */
export async function importApplication(file: File): Promise<string> {
  const parsed = JSON.parse(await file.text()) as Application;
  if (!parsed || typeof parsed !== 'object' || parsed.schemaVersion !== 1) {
    throw new Error('Not a Ringback application (schemaVersion 1) file.');
  }
  try {
    return (await applicationsApi.create(parsed)).application.id;
  } catch (error) {
    if (error instanceof ApiProblem && error.code === 'ALREADY_EXISTS') {
      return (await applicationsApi.create(copyApplication(parsed, parsed.name))).application.id;
    }
    throw error;
  }
}
