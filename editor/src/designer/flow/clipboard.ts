/**
 * Copy and paste of blocks. Pasted blocks get fresh ids; links between copied blocks follow the
 * new ids, links to blocks left behind are dropped (a paste never wires into the existing flow).
 */
import type { Application, BlockInstance } from '../../../../schemas/application.generated.ts';
import { newBlockId } from './block-ids.ts';
import type { Position } from './document-ops.ts';
import { links } from './links.ts';

export interface ClipboardContent {
  kind: 'ringback/blocks';
  blocks: Record<string, BlockInstance>;
  positions: Record<string, Position>;
}

export function copyBlocks(doc: Application, ids: readonly string[]): ClipboardContent | null {
  const blocks: Record<string, BlockInstance> = {};
  const positions: Record<string, Position> = {};
  for (const id of ids) {
    const block = doc.blocks[id];
    if (!block) continue;
    blocks[id] = structuredClone(block);
    positions[id] = doc.layout?.positions?.[id] ?? { x: 0, y: 0 };
  }
  return Object.keys(blocks).length ? { kind: 'ringback/blocks', blocks, positions } : null;
}

export interface PasteResult {
  doc: Application;
  /** Old id → new id. */
  idMap: Record<string, string>;
}

export function pasteBlocks(
  doc: Application,
  clip: ClipboardContent,
  offset: Position = { x: 40, y: 40 },
  random: () => number = Math.random,
): PasteResult {
  const idMap: Record<string, string> = {};
  const taken = new Set(Object.keys(doc.blocks));
  for (const oldId of Object.keys(clip.blocks)) {
    const id = newBlockId((c) => taken.has(c), random);
    taken.add(id);
    idMap[oldId] = id;
  }
  const blocks = { ...doc.blocks };
  const positions = { ...doc.layout?.positions };
  const phases = { ...doc.phases };
  for (const [oldId, block] of Object.entries(clip.blocks)) {
    const id = idMap[oldId]!;
    const next: Record<string, string> = {};
    for (const [outcome, target] of links(block.next)) {
      const mapped = idMap[target];
      if (mapped) next[outcome] = mapped;
    }
    blocks[id] = { ...structuredClone(block), next };
    const p = clip.positions[oldId] ?? { x: 0, y: 0 };
    positions[id] = { x: p.x + offset.x, y: p.y + offset.y };
    if (!phases[block.phase]) phases[block.phase] = id;
  }
  return { doc: { ...doc, blocks, phases, layout: { ...doc.layout, positions } }, idMap };
}

/**
 * Where a paste lands: below the copied blocks by their own height, moved further down while any
 * copy would cover a block already there, so a paste never hides under its original.
 */
export function freePasteOffset(doc: Application, clip: ClipboardContent, clearance = 80): Position {
  const copied = Object.values(clip.positions);
  if (copied.length === 0) return { x: 40, y: 40 };
  const ys = copied.map((p) => p.y);
  const step = Math.max(...ys) - Math.min(...ys) + 120;
  const taken = Object.values(doc.layout?.positions ?? {}).filter((t): t is Position => !!t);
  const covers = (dy: number) =>
    copied.some((p) =>
      taken.some((t) => Math.abs(t.x - (p.x + 40)) < clearance * 2 && Math.abs(t.y - (p.y + dy)) < clearance),
    );
  let dy = step;
  for (let tries = 0; tries < 50 && covers(dy); tries++) dy += step;
  return { x: 40, y: dy };
}
