/**
 * Golden flows: every example application is run with scripted callers at fixed instants and its
 * transcript compared with the committed golden file. UPDATE_GOLDEN=1 rewrites the files after a
 * deliberate change; review the diff before committing it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatCall } from '../../runtime/calls/format-call.ts';
import { runScriptedCall } from '../../runtime/calls/scripted-call.ts';
import { exampleApplications, exampleBusinessHours } from '../../runtime/seed/examples.ts';
import { scenarios } from './scenarios.ts';

const here = dirname(fileURLToPath(import.meta.url));
const applications = new Map(exampleApplications().map((a) => [a.document.id, a.document]));
const businessHours = exampleBusinessHours().map((h) => h.document);

describe('golden flows', () => {
  it('covers every example application', () => {
    const covered = new Set(scenarios.map((s) => s.applicationId));
    expect([...applications.keys()].filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(scenarios)('$applicationId: $name', async (scenario) => {
    const application = applications.get(scenario.applicationId);
    expect(application, `example ${scenario.applicationId}`).toBeDefined();
    const state = await runScriptedCall({
      application: application!,
      ani: scenario.ani ?? '+14155550123',
      dnis: scenario.dnis ?? '+18005550100',
      entries: scenario.entries,
      atMs: Date.parse(scenario.at),
      businessHours,
    });
    const transcript = `${formatCall(state)}\n`;
    const file = join(
      here,
      'traces',
      `${scenario.applicationId}.${scenario.name.replace(/[^a-z0-9]+/gi, '-')}.txt`,
    );
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, transcript);
    expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(transcript).toBe(readFileSync(file, 'utf8'));
    expect(state.status).toBe('ended');
    expect(state.error).toBeNull();
  });
});
