/**
 * Writes the files of a PGlite dump (an uncompressed ustar archive, as `dumpDataDir('none')`
 * makes) into a data directory, as `tar -x` would. PG_VERSION is written last: it is what marks a
 * directory as holding a cluster, so an interrupted extraction is simply redone on the next start.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const block = 512;

export function extractCluster(tar: Uint8Array, dataDir: string): void {
  const decoder = new TextDecoder('latin1');
  const field = (header: Uint8Array, start: number, length: number): string => {
    const bytes = header.subarray(start, start + length);
    const end = bytes.indexOf(0);
    return decoder.decode(end < 0 ? bytes : bytes.subarray(0, end));
  };
  const folders = new Set<string>();
  const folder = (path: string) => {
    if (folders.has(path)) return;
    mkdirSync(path, { recursive: true });
    folders.add(path);
  };
  let versionFile: { path: string; data: Uint8Array } | undefined;
  let complete = false;
  for (let offset = 0; offset + block <= tar.length; ) {
    const header = tar.subarray(offset, offset + block);
    if (header[0] === 0) {
      complete = true; // the end-of-archive blocks
      break;
    }
    const prefix = field(header, 345, 155);
    const name = (prefix ? `${prefix}/` : '') + field(header, 0, 100);
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const data = tar.subarray(offset + block, offset + block + size);
    offset += block + Math.ceil(size / block) * block;

    const relative = name.replace(/^\/+/, '');
    if (relative.split('/').includes('..')) throw new Error(`Unsafe path in cluster archive: ${name}`);
    const path = join(dataDir, relative);
    // PGlite dumps only folders (5) and files (0); nothing else is expected.
    if (type === '5') folder(path);
    else if (type !== '0' && type !== '\0') throw new Error(`Unexpected entry in cluster archive: ${name}`);
    else if (relative === 'PG_VERSION') versionFile = { path, data };
    else {
      folder(dirname(path));
      writeFileSync(path, data);
    }
  }
  if (!complete || !versionFile) throw new Error('The cluster archive is incomplete');
  writeFileSync(versionFile.path, versionFile.data);
}
