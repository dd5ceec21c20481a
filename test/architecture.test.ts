/**
 * The layering of STYLE.md: schemas/ is the only layer runtime/ and editor/ share; the editor
 * never imports the runtime or block handlers; the runtime never imports the editor; schemas/
 * imports neither and runs in a browser (no node: modules).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|tsx)$/.test(name)) out.push(path);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

function resolvesInto(file: string, specifier: string, folder: string): boolean {
  if (!specifier.startsWith('.')) return false;
  const target = relative(root, join(root, file, '..', specifier));
  return target === folder || target.startsWith(`${folder}/`);
}

describe('architecture', () => {
  it('keeps the editor off the runtime and the block handlers', () => {
    const offenders = sources('editor').flatMap((file) =>
      imports(file)
        .filter(
          (s) =>
            resolvesInto(file, s, 'runtime') || (resolvesInto(file, s, 'blocks') && !s.endsWith('.json')),
        )
        .map((s) => `${file} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the runtime off the editor', () => {
    const offenders = sources('runtime').flatMap((file) =>
      imports(file)
        .filter((s) => resolvesInto(file, s, 'editor'))
        .map((s) => `${file} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps schemas/ free of runtime, blocks, editor and node modules', () => {
    const offenders = sources('schemas')
      .filter((file) => !file.endsWith('.test.ts'))
      .flatMap((file) =>
        imports(file)
          .filter(
            (s) =>
              s.startsWith('node:') || ['runtime', 'blocks', 'editor'].some((f) => resolvesInto(file, s, f)),
          )
          .map((s) => `${file} → ${s}`),
      );
    expect(offenders).toEqual([]);
  });
});
