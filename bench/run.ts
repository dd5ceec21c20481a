/** `npm run bench`: every benchmark in one process, figures with their baselines and targets. */
import { benchHttpTestCalls } from './http-test-calls.ts';
import { benchInterpreter } from './interpreter.ts';
import { Report } from './report.ts';
import { benchStartup } from './startup.ts';
import { benchValidation } from './validation.ts';

const report = new Report();
const only = process.argv[2];
const benches: [string, () => Promise<void> | void][] = [
  ['interpreter', () => benchInterpreter(report)],
  ['validation', () => benchValidation(report)],
  ['http', () => benchHttpTestCalls(report)],
  ['startup', () => benchStartup(report)],
  ['callbacks', async () => (await import('./callbacks.ts')).benchCallbacks(report)],
  ['editor', async () => (await import('./editor.ts')).benchEditor(report)],
  ['console', async () => (await import('./console.ts')).benchConsole(report)],
];
for (const [name, bench] of benches) {
  if (only && only !== name) continue;
  console.log(`— ${name}`);
  await bench();
}
console.log(`memory: rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
if (report.misses.length > 0) console.log(`targets missed: ${report.misses.join('; ')}`);
