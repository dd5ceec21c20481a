/** Vitest global setup of the browser tests: the production build of the editor, once per run. */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export default function buildEditor(): void {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  execFileSync('npx', ['vite', 'build', '--config', 'editor/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  // The tests run what users get: React's production build, not its development one.
  const assets = readdirSync(`${root}editor/dist/assets`);
  const development = assets.filter((file) => file.startsWith('jsx-dev-runtime'));
  if (development.length > 0)
    throw new Error(`the editor was built for development: ${development.join(', ')}`);
}
