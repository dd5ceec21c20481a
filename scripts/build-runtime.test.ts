import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../test/support/client.ts';

const root = join(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('the runtime bundle', () => {
  it('serves a fresh PGlite data directory with the examples seeded, as npm start runs it', async () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-runtime.mjs'), '--force'], { cwd: root });
    const dataDir = mkdtempSync(join(tmpdir(), 'ringback-bundle-'));
    const port = await freePort();
    // Started from another folder: the bundle must find migrations, examples and the editor itself.
    const child = spawn(process.execPath, [join(root, 'dist', 'ringback.mjs'), 'serve'], {
      cwd: tmpdir(),
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: '',
        RINGBACK_DATA_DIR: dataDir,
        RINGBACK_ADMIN_PASSWORD: 'bundle-password',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    const baseUrl = `http://127.0.0.1:${port}`;
    try {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}):\n${output}`);
        const ready = await fetch(`${baseUrl}/readyz`).then(
          (r) => r.status === 200,
          () => false,
        );
        if (ready) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Ready once migrated; the examples are seeded after that, and requests wait for them.
      const api = await new ApiClient(baseUrl).login('admin', 'bundle-password');
      const applications = await api.get('/api/v1/applications');
      expect(applications.status).toBe(200);
      expect(applications.body.items.map((a: { id: string }) => a.id)).toContain('inbound-ivr');
      const editor = await fetch(`${baseUrl}/`);
      expect(editor.headers.get('content-type')).toContain('text/html');
      await expect
        .poll(() => output)
        .toMatch(/listening on http:\/\/localhost:\d+[\s\S]*seeding took \d+ ms/);
    } finally {
      child.kill();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
