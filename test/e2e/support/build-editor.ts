/** Vitest global setup of the browser tests: the production build of the editor, once per run. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildEditor(): void {
  execFileSync('npx', ['vite', 'build', '--config', 'editor/vite.config.ts', '--logLevel', 'warn'], {
    cwd: fileURLToPath(new URL('../../..', import.meta.url)),
    stdio: 'inherit',
  });
}
