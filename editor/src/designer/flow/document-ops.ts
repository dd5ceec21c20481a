/**
 * Pure edits of an application document. Every function returns a new document and leaves its
 * input untouched, so the store can keep old documents as undo snapshots.
 */
import type { Application, BlockInstance, Phase } from '../../../../schemas/application.generated.ts';
import type { BlockDefinition } from '../../../../schemas/block-definition.generated.ts';
import { newBlockId } from './block-ids.ts';
import { links } from './links.ts';
import { defaultsOf } from './schema-defaults.ts';

export interface Position {
  x: number;
  y: number;
}

function positionsOf(doc: Application): Record<string, Position> {
  return (doc.layout?.positions ?? {}) as Record<string, Position>;
}

function withPositions(doc: Application, positions: Record<string, Position>): Application {
  return { ...doc, layout: { ...doc.layout, positions } };
}

export function addBlock(
  doc: Application,
  definition: BlockDefinition,
  phase: Phase,
  position: Position,
  id = newBlockId((candidate) => candidate in doc.blocks),
): { doc: Application; id: string } {
  const block: BlockInstance = {
    type: definition.id,
    typeVersion: definition.version,
    phase,
    label: definition.title,
    properties: (defaultsOf(definition.properties) ?? {}) as Record<string, unknown>,
    next: {},
  };
  const phases = doc.phases[phase] ? doc.phases : { ...doc.phases, [phase]: id };
  const next = { ...doc, phases, blocks: { ...doc.blocks, [id]: block } };
  return { doc: withPositions(next, { ...positionsOf(doc), [id]: roundPosition(position) }), id };
}

function roundPosition(p: Position): Position {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}

/** Removes blocks, every link into them, and their phase entries. */
export function removeBlocks(doc: Application, ids: readonly string[]): Application {
  const gone = new Set(ids.filter((id) => id in doc.blocks));
  if (gone.size === 0) return doc;
  const blocks: Application['blocks'] = {};
  for (const [id, block] of Object.entries(doc.blocks)) {
    if (!block || gone.has(id)) continue;
    const kept = links(block.next).filter(([, target]) => !gone.has(target));
    blocks[id] =
      kept.length === Object.keys(block.next).length ? block : { ...block, next: Object.fromEntries(kept) };
  }
  const phases = { ...doc.phases };
  for (const phase of Object.keys(phases) as Phase[]) {
    if (phases[phase] && gone.has(phases[phase])) phases[phase] = null;
  }
  const positions = Object.fromEntries(Object.entries(positionsOf(doc)).filter(([id]) => !gone.has(id)));
  return withPositions({ ...doc, blocks, phases }, positions);
}

export type ConnectResult = { ok: true; doc: Application } | { ok: false; reason: string };

/** Links an outcome port to a block: `blocks[source].next[outcome] = target`. Links stay within a phase. */
export function connect(doc: Application, source: string, outcome: string, target: string): ConnectResult {
  const from = doc.blocks[source];
  const to = doc.blocks[target];
  if (!from || !to) return { ok: false, reason: 'Unknown block.' };
  if (from.phase !== to.phase) return { ok: false, reason: 'Links stay within one phase.' };
  if (from.next[outcome] === target) return { ok: true, doc };
  const block = { ...from, next: { ...from.next, [outcome]: target } };
  return { ok: true, doc: { ...doc, blocks: { ...doc.blocks, [source]: block } } };
}

export function disconnect(doc: Application, source: string, outcome: string): Application {
  const from = doc.blocks[source];
  if (!from || !(outcome in from.next)) return doc;
  const { [outcome]: _removed, ...next } = from.next;
  return { ...doc, blocks: { ...doc.blocks, [source]: { ...from, next } } };
}

export function setPhaseStart(doc: Application, blockId: string): Application {
  const block = doc.blocks[blockId];
  if (!block || doc.phases[block.phase] === blockId) return doc;
  return { ...doc, phases: { ...doc.phases, [block.phase]: blockId } };
}

export function updateBlock(doc: Application, id: string, patch: Partial<BlockInstance>): Application {
  const block = doc.blocks[id];
  if (!block) return doc;
  return { ...doc, blocks: { ...doc.blocks, [id]: { ...block, ...patch } } };
}

/** Drops links from ports the block no longer has (e.g. a removed menu option). */
export function pruneLinks(doc: Application, id: string, ports: readonly string[]): Application {
  const block = doc.blocks[id];
  if (!block) return doc;
  const keep = Object.entries(block.next).filter(([outcome]) => ports.includes(outcome));
  if (keep.length === Object.keys(block.next).length) return doc;
  return updateBlock(doc, id, { next: Object.fromEntries(keep) });
}

export function moveBlocks(doc: Application, moves: Record<string, Position>): Application {
  const positions = { ...positionsOf(doc) };
  let changed = false;
  for (const [id, p] of Object.entries(moves)) {
    const rounded = roundPosition(p);
    const old = positions[id];
    if (old && old.x === rounded.x && old.y === rounded.y) continue;
    positions[id] = rounded;
    changed = true;
  }
  return changed ? withPositions(doc, positions) : doc;
}
