/**
 * Start to /readyz on a fresh PGlite data directory (a new process: `ringback serve`, from the
 * runtime bundle as `npm start` runs it), beside the start of a bare Node process serving one
 * route, measured the same way. Three starts, the median counts. Each start gets a new data
 * directory; the cluster template in $TMPDIR/ringback-cache is made by a first, unmeasured start,
 * and a start with an empty cache (which builds it) is shown apart.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, type Report } from './report.ts';

const root = join(import.meta.dirname, '..');

async function timeUntilReady(child: ChildProcess, url: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the process exited with ${child.exitCode}`);
    const ok = await fetch(url)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** One start of `ringback serve` on a new data directory: ms to /readyz and its start-up log line. */
async function startOnce(env: Record<string, string> = {}): Promise<{ ms: number; phases: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ringback-start-'));
  const port = 18_000 + Math.floor(Math.random() * 1000);
  const child = spawn(process.execPath, [join(root, 'bin', 'ringback.mjs'), 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: '',
      RINGBACK_DATA_DIR: dataDir,
      RINGBACK_ADMIN_PASSWORD: 'bench-password',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  try {
    const ms = await timeUntilReady(child, `http://127.0.0.1:${port}/readyz`);
    // The log line with the phases comes once seeding (after /readyz) is done.
    for (let waited = 0; !/ready in .*/.test(output) && waited < 5000; waited += 20) {
      await new Promise((r) => setTimeout(r, 20));
    }
    return { ms, phases: /ready in .*/.exec(output)?.[0] ?? '' };
  } finally {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchStartup(report: Report): Promise<void> {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-runtime.mjs')], { stdio: 'inherit' });
  const emptyCache = mkdtempSync(join(tmpdir(), 'ringback-cold-'));
  let cold: { ms: number; phases: string };
  try {
    cold = await startOnce({ TMPDIR: emptyCache });
  } finally {
    rmSync(emptyCache, { recursive: true, force: true });
  }
  await startOnce(); // makes sure this machine's template cache holds the current migrations
  const starts: { ms: number; phases: string }[] = [];
  for (let i = 0; i < 3; i++) starts.push(await startOnce());
  const ready = median(starts.map((s) => s.ms));

  const baselinePort = 18_000 + Math.floor(Math.random() * 1000) + 1000;
  const bare = spawn(
    process.execPath,
    ['-e', `require('node:http').createServer((q,s)=>s.end('ok')).listen(${baselinePort})`],
    { stdio: 'ignore' },
  );
  let bareReady: number;
  try {
    bareReady = await timeUntilReady(bare, `http://127.0.0.1:${baselinePort}/`);
  } finally {
    bare.kill();
  }
  report.figure('start to /readyz, fresh PGlite data directory (median of 3)', ready, {
    unit: 'ms',
    target: '< 2,000 ms',
    ok: ready < 2000,
  });
  console.log(`  runs: ${starts.map((s) => Math.round(s.ms)).join(', ')} ms`);
  const middle = starts.find((s) => s.ms === ready) ?? starts[0];
  if (middle?.phases) console.log(`  median run's log: ${middle.phases}`);
  report.figure('  same, first start on a machine (builds the template)', cold.ms, { unit: 'ms' });
  report.figure('  baseline: bare node http server start', bareReady, { unit: 'ms' });
  report.ratio('  ringback start ÷ bare node start', ready / bareReady);
}
