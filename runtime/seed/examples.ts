/** Loads the files of examples/: applications, business hours and phone numbers. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Application } from '../../schemas/application.generated.ts';
import type { BusinessHours } from '../../schemas/business-hours.generated.ts';
import { projectRoot } from '../project-root.ts';

export const examplesDir = join(projectRoot, 'examples');

/** Every JSON file of a folder under examples/, sorted by name; none when the folder is absent. */
export function readFolder<T>(folder: string): { file: string; document: T }[] {
  const dir = join(examplesDir, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({
      file: join(dir, file),
      document: JSON.parse(readFileSync(join(dir, file), 'utf8')) as T,
    }));
}

export function exampleApplications() {
  return readFolder<Application>('applications');
}

export function exampleBusinessHours() {
  return readFolder<BusinessHours>('business-hours');
}

export function examplePhoneNumbers(): { dnis: string; applicationId: string }[] {
  return JSON.parse(readFileSync(join(examplesDir, 'phone-numbers.json'), 'utf8'));
}
