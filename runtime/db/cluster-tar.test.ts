import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractCluster } from './cluster-tar.ts';

/** A ustar archive as PGlite's dumpDataDir makes one: absolute names, folders and files. */
function archive(entries: { name: string; data?: string }[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const { name, data } of entries) {
    const header = new Uint8Array(512);
    const put = (text: string, at: number) => header.set(new TextEncoder().encode(text), at);
    const body = new TextEncoder().encode(data ?? '');
    put(name, 0);
    put(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
    put(data === undefined ? '5' : '0', 156);
    put('ustar\u000000', 257);
    blocks.push(header);
    if (body.length) {
      const padded = new Uint8Array(Math.ceil(body.length / 512) * 512);
      padded.set(body);
      blocks.push(padded);
    }
  }
  blocks.push(new Uint8Array(1024));
  const tar = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let offset = 0;
  for (const b of blocks) {
    tar.set(b, offset);
    offset += b.length;
  }
  return tar;
}

const dirs: string[] = [];
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ringback-tar-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('extractCluster', () => {
  it('writes the folders and files of a dump into the data directory', () => {
    const dir = newDir();
    extractCluster(
      archive([
        { name: '/PG_VERSION', data: '17\n' },
        { name: '/base' },
        { name: '/base/5' },
        { name: '/base/5/112', data: 'x'.repeat(700) },
        { name: '/global/pg_control', data: 'control' },
      ]),
      dir,
    );
    expect(readFileSync(join(dir, 'PG_VERSION'), 'utf8')).toBe('17\n');
    expect(readFileSync(join(dir, 'base', '5', '112'), 'utf8')).toBe('x'.repeat(700));
    expect(readFileSync(join(dir, 'global', 'pg_control'), 'utf8')).toBe('control');
  });

  it('leaves PG_VERSION out of an interrupted archive, so the next start extracts again', () => {
    const dir = newDir();
    const whole = archive([
      { name: '/PG_VERSION', data: '17\n' },
      { name: '/base/5/112', data: 'x'.repeat(2000) },
    ]);
    expect(() => extractCluster(whole.subarray(0, 1536), dir)).toThrow(/incomplete/);
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);
  });

  it('refuses a name that climbs out of the data directory', () => {
    const dir = newDir();
    const tar = archive([
      { name: '/PG_VERSION', data: '17\n' },
      { name: '/../escaped', data: 'no' },
    ]);
    expect(() => extractCluster(tar, join(dir, 'data'))).toThrow(/Unsafe path/);
    expect(existsSync(join(dir, 'escaped'))).toBe(false);
  });
});
