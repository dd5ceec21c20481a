/** Row actions without a question to ask; rename and delete ask through row-dialogs.tsx first. */
export { duplicateApplication, exportApplication, importApplication } from './application-actions.ts';
