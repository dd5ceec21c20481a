import { readFileSync } from 'node:fs';
import { validateDocument } from '../applications/validate-document.ts';

/** Prints every issue of each file; returns the exit code (1 when any file has errors). */
export function validateCommand(files: string[]): number {
  if (files.length === 0) {
    console.error('usage: ringback validate <app.json>...');
    return 2;
  }
  let failed = false;
  for (const file of files) {
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      console.log(`${file}: cannot read JSON: ${(error as Error).message}`);
      failed = true;
      continue;
    }
    const report = validateDocument(document);
    console.log(`${file}: ${report.errors} error(s), ${report.warnings} warning(s)`);
    for (const issue of report.issues) {
      const where = [issue.blockId && `block ${issue.blockId}`, issue.pointer].filter(Boolean).join(' ');
      console.log(`  ${issue.severity.padEnd(7)} ${issue.code} ${where}: ${issue.message}`);
    }
    if (!report.valid) failed = true;
  }
  return failed ? 1 : 0;
}
