/**
 * Start to /readyz on a fresh PGlite data directory (a new process: `ringback serve`), beside the
 * start of a bare Node process serving one route, measured the same way.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from './report.ts';

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

export async function benchStartup(report: Report): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ringback-start-'));
  const port = 18_000 + Math.floor(Math.random() * 1000);
  const child = spawn(process.execPath, [join(root, 'bin', 'ringback.mjs'), 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: '',
      RINGBACK_DATA_DIR: dataDir,
      RINGBACK_ADMIN_PASSWORD: 'bench-password',
    },
    stdio: 'ignore',
  });
  const baselinePort = port + 1;
  try {
    const ready = await timeUntilReady(child, `http://127.0.0.1:${port}/readyz`);
    const bare = spawn(
      process.execPath,
      ['-e', `require('node:http').createServer((q,s)=>s.end('ok')).listen(${baselinePort})`],
      { stdio: 'ignore' },
    );
    const bareReady = await timeUntilReady(bare, `http://127.0.0.1:${baselinePort}/`);
    bare.kill();
    report.figure('start to /readyz, fresh PGlite data directory', ready, {
      unit: 'ms',
      target: '< 2,000 ms',
      ok: ready < 2000,
    });
    report.figure('  baseline: bare node http server start', bareReady, { unit: 'ms' });
    report.ratio('  ringback start ÷ bare node start', ready / bareReady);
  } finally {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
