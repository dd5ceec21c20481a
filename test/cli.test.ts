import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { menuApplication } from './support/documents.ts';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', 'bin', 'ringback.mjs');

async function ringback(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('ringback command line', () => {
  it('places a test call against the seeded IVR and prints its prompts and trace', async () => {
    const result = await ringback(
      'test-call',
      '--dnis',
      '+18005550100',
      '--ani',
      '+14155550123',
      '--dtmf',
      '1,123456#',
      '--at',
      '2026-11-24T18:00:00Z',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('🔊 Welcome to Ringback Customer Care.');
    expect(result.stdout).toContain('→ routeToQueue (route-call)');
    expect(result.stdout).toContain('■ ended: routed');
  });

  it('exits non-zero when the flow errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringback-cli-'));
    const document = menuApplication('erroring');
    document.blocks.one!.properties = {
      assignments: [{ variable: 'choice', expression: 'upper(choice.missing.deeper)' }],
    };
    const file = join(dir, 'erroring.json');
    writeFileSync(file, JSON.stringify(document));
    const result = await ringback('test-call', '--file', file, '--dtmf', '1');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✖ EXPRESSION_ERROR');
  });

  it('validates files, exiting 1 and naming each issue when there are errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringback-cli-'));
    const document = menuApplication('invalid');
    document.blocks.greet!.next.next = 'ghost';
    const file = join(dir, 'invalid.json');
    writeFileSync(file, JSON.stringify(document));
    const result = await ringback('validate', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/error\s+LINK_TO_MISSING_BLOCK block greet \/blocks\/greet\/next\/next/);
    expect(
      (
        await ringback(
          'validate',
          join(import.meta.dirname, '..', 'examples', 'applications', 'inbound-ivr.json'),
        )
      ).code,
    ).toBe(0);
  });
});
