// `npm start` builds the editor when editor/dist is missing or older than the editor sources.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'editor', 'dist', 'index.html');

function newest(dir) {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    latest = Math.max(latest, stat.isDirectory() ? newest(path) : stat.mtimeMs);
  }
  return latest;
}

const sources = Math.max(newest(join(root, 'editor', 'src')), newest(join(root, 'schemas')));
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Building the editor…');
  execSync('npm run --silent build:editor', { cwd: root, stdio: 'inherit' });
}
