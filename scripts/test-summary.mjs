// Sums the checks and vitest JSON reports of one `npm test` run into "N passed, N failed".
// A suite that left no report (it crashed) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
const lines = (file) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

for (const line of lines(join(dir, 'checks'))) {
  if (line.startsWith('pass ')) passed++;
  else failed++;
}
for (const suite of lines(join(dir, 'suites'))) {
  const file = join(dir, `${suite}.json`);
  if (!existsSync(file)) {
    console.log(`suite ${suite} left no report`);
    failed++;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that failed to load has no tests but is a failure.
  failed += report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
