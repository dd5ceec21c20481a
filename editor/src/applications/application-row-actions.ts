/** Row actions that ask the user first (rename, delete); the document work is in application-actions. */
import { applicationsApi } from '../api/endpoints.ts';
import type { ApplicationSummary } from '../api/types.ts';
import { renameApplication as rename } from './application-actions.ts';

export { duplicateApplication, exportApplication, importApplication } from './application-actions.ts';

export async function renameApplication(app: ApplicationSummary): Promise<void> {
  const name = window.prompt('New name', app.name)?.trim();
  if (name && name !== app.name) await rename(app.id, name);
}

export async function deleteApplicationConfirmed(app: ApplicationSummary): Promise<void> {
  if (
    window.confirm(`Delete "${app.name}"? Published versions and phone numbers using it may stop working.`)
  ) {
    await applicationsApi.remove(app.id);
  }
}
