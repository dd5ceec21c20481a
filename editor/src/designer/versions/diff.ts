/**
 * Diffs two application documents by stable block id, in the designer's language: what the
 * older version (`before`) became in the newer one (`after`). Pure: the versions panel feeds it
 * two published versions, or a version and the draft.
 */
import type { Application, VariableDeclaration } from '../../../../schemas/application.generated.ts';
import type { BlockDefinition } from '../../../../schemas/block-definition.generated.ts';
import { PHASE_LABELS, PHASES } from '../flow/phases.ts';
import { sameJson } from '../flow/same-json.ts';
import { diffBlock } from './block-diff.ts';
import { blockName, showValue } from './diff-format.ts';
import type { FlowChange } from './diff-types.ts';

export type { ChangeKind, FlowChange } from './diff-types.ts';

export function diffApplications(
  before: Application,
  after: Application,
  definitions: Readonly<Record<string, BlockDefinition>>,
): FlowChange[] {
  const changes: FlowChange[] = [];
  for (const key of ['name', 'type', 'description'] as const) {
    if (before[key] !== after[key]) {
      changes.push({
        kind: 'applicationChanged',
        path: `/${key}`,
        before: before[key],
        after: after[key],
        summary: `Application ${key}: ${showValue(before[key])} → ${showValue(after[key])}`,
      });
    }
  }
  for (const phase of PHASES) {
    const from = before.phases[phase];
    const to = after.phases[phase];
    if (from === to) continue;
    const was = from ? ` (was ${blockName(before, from, definitions)})` : '';
    changes.push({
      kind: 'phaseStartChanged',
      path: `/phases/${phase}`,
      before: from,
      after: to,
      summary: to
        ? `${PHASE_LABELS[phase]} now starts at ${blockName(after, to, definitions)}${was}`
        : `${PHASE_LABELS[phase]} has no start block${was}`,
    });
  }
  changes.push(...diffVariables(before.variables, after.variables));

  for (const id of Object.keys(after.blocks)) {
    const block = after.blocks[id];
    if (!block) continue;
    if (!before.blocks[id]) {
      changes.push({
        kind: 'blockAdded',
        blockId: id,
        path: `/blocks/${id}`,
        after: block,
        summary: `Added ${describe(after, id, definitions)} in ${PHASE_LABELS[block.phase]}`,
      });
    } else {
      changes.push(...diffBlock({ id, before, after, definitions }));
    }
  }
  for (const id of Object.keys(before.blocks)) {
    const block = before.blocks[id];
    if (!block || after.blocks[id]) continue;
    changes.push({
      kind: 'blockRemoved',
      blockId: id,
      path: `/blocks/${id}`,
      before: block,
      summary: `Removed ${describe(before, id, definitions)} from ${PHASE_LABELS[block.phase]}`,
    });
  }
  return changes;
}

/** `Menu “Main menu”`, or just `Menu` when the block still has its type's title. */
function describe(
  doc: Application,
  id: string,
  definitions: Readonly<Record<string, BlockDefinition>>,
): string {
  const block = doc.blocks[id]!;
  const title = definitions[block.type]?.title ?? block.type;
  const name = blockName(doc, id, definitions);
  return name === title ? title : `${title} “${name}”`;
}

function diffVariables(before: VariableDeclaration[], after: VariableDeclaration[]): FlowChange[] {
  const old = new Map(before.map((v) => [v.name, v]));
  const now = new Map(after.map((v) => [v.name, v]));
  const changes: FlowChange[] = [];
  for (const [name, v] of now) {
    const was = old.get(name);
    const path = `/variables/${after.indexOf(v)}`;
    if (!was) {
      const initial = v.default === undefined ? '' : ` (default ${showValue(v.default)})`;
      changes.push({ kind: 'variableAdded', path, after: v, summary: `Variable ${name} added${initial}` });
      continue;
    }
    for (const key of ['default', 'secure', 'description'] as const) {
      if (sameJson(was[key], v[key])) continue;
      changes.push({
        kind: 'variableChanged',
        path: `${path}/${key}`,
        before: was[key],
        after: v[key],
        summary: `Variable ${name} ${key}: ${showValue(was[key])} → ${showValue(v[key])}`,
      });
    }
  }
  for (const [name, v] of old) {
    if (!now.has(name))
      changes.push({
        kind: 'variableRemoved',
        path: `/variables/${before.indexOf(v)}`,
        before: v,
        summary: `Variable ${name} removed`,
      });
  }
  return changes;
}
