/**
 * Writes the route × role table of docs/access-control.md from the route declarations.
 * With --check it writes nothing and exits 1 when the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docPath, withCurrentTable } from '../runtime/auth/access-doc.ts';
import { createApp } from '../runtime/http/app.ts';
import { routeSpecs } from '../runtime/http/route-spec.ts';
import { projectRoot } from '../runtime/project-root.ts';
import type { Runtime } from '../runtime/runtime.ts';

// Declaring the routes needs no database: only the body limit is read while the app is assembled.
createApp({ config: { maxBodyBytes: 1 } } as Runtime);
const path = join(projectRoot, docPath);
const current = readFileSync(path, 'utf8');
const next = withCurrentTable(current, routeSpecs);
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error(`${docPath} is stale: run npx tsx scripts/gen-access-table.ts`);
    process.exit(1);
  }
} else {
  writeFileSync(path, next);
  console.log(`${docPath} written (${routeSpecs.length} routes)`);
}
