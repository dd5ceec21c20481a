import { beforeEach, describe, expect, it } from 'vitest';
import { newApplication } from '../flow/new-application.ts';
import { sameButLayout } from '../issues/use-validation.ts';
import { definitions } from '../test-support/definitions.ts';
import { currentDoc, designer, useDesigner } from './designer-store.ts';
import { GROUP_WINDOW_MS, onlyViewMoved } from './history.ts';

function fresh() {
  designer.load({ doc: newApplication('Support line', 'Default', 'support'), revision: 1, definitions });
}

describe('designer store', () => {
  beforeEach(fresh);

  it('makes the first block dropped into an empty lane the phase start', () => {
    const first = designer.dropBlock('play-message', 'selfService', { x: 300, y: 100 })!;
    const second = designer.dropBlock('play-message', 'selfService', { x: 600, y: 100 })!;
    expect(currentDoc().phases.selfService).toBe(first);
    expect(currentDoc().blocks[second]?.phase).toBe('selfService');
  });

  it('refuses a block in a phase its definition does not allow', () => {
    expect(designer.dropBlock('play-message', 'initialize', { x: 300, y: 100 })).toBeNull();
    expect(Object.keys(currentDoc().blocks)).toHaveLength(0);
    expect(useDesigner.getState().notice).toMatch(/cannot be placed/);
  });

  it('connects an outcome port to a block and shows the link as an edge', () => {
    const a = designer.dropBlock('menu', 'selfService', { x: 300, y: 100 })!;
    const b = designer.dropBlock('play-message', 'selfService', { x: 700, y: 100 })!;
    designer.onConnect({ source: a, sourceHandle: 'option:1', target: b, targetHandle: 'in' });
    expect(currentDoc().blocks[a]?.next).toEqual({ 'option:1': b });
    expect(useDesigner.getState().edges.map((e) => e.id)).toEqual([`${a}->option:1`]);
  });

  it('is saved again when undo returns to the saved document, and dirty after redo', () => {
    designer.dropBlock('play-message', 'selfService', { x: 300, y: 100 });
    designer.saved(2, currentDoc());
    designer.dropBlock('play-message', 'selfService', { x: 600, y: 100 });
    expect(useDesigner.getState().saveStatus).toBe('dirty');
    designer.undo();
    expect(useDesigner.getState().saveStatus).toBe('saved');
    designer.redo();
    expect(useDesigner.getState().saveStatus).toBe('dirty');
  });

  it('refuses links across phases', () => {
    const a = designer.dropBlock('play-message', 'selfService', { x: 300, y: 100 })!;
    const b = designer.dropBlock('play-message', 'assistedService', { x: 300, y: 100 })!;
    designer.onConnect({ source: a, sourceHandle: 'next', target: b, targetHandle: 'in' });
    expect(currentDoc().blocks[a]?.next).toEqual({});
  });

  it('disconnects when a link is deleted, and reconnects a link to a new target', () => {
    const a = designer.dropBlock('play-message', 'selfService', { x: 300, y: 100 })!;
    const b = designer.dropBlock('play-message', 'selfService', { x: 700, y: 100 })!;
    const c = designer.dropBlock('play-message', 'selfService', { x: 700, y: 300 })!;
    designer.onConnect({ source: a, sourceHandle: 'next', target: b, targetHandle: 'in' });
    const edge = useDesigner.getState().edges[0]!;
    designer.onReconnect(edge, { source: a, sourceHandle: 'next', target: c, targetHandle: 'in' });
    expect(currentDoc().blocks[a]?.next).toEqual({ next: c });
    designer.onDelete({ nodes: [], edges: [useDesigner.getState().edges[0]!] });
    expect(currentDoc().blocks[a]?.next).toEqual({});
  });

  it('drops links from a menu option that was removed', () => {
    const a = designer.dropBlock('menu', 'selfService', { x: 300, y: 100 })!;
    const b = designer.dropBlock('play-message', 'selfService', { x: 700, y: 100 })!;
    designer.onConnect({ source: a, sourceHandle: 'option:1', target: b, targetHandle: 'in' });
    designer.updateProperties(a, { options: [{ digit: '2', label: 'Support' }] }, null);
    expect(currentDoc().blocks[a]?.next).toEqual({});
  });

  it('deleting a block removes links into it and clears its phase entry', () => {
    const a = designer.dropBlock('play-message', 'selfService', { x: 300, y: 100 })!;
    const b = designer.dropBlock('play-message', 'selfService', { x: 700, y: 100 })!;
    designer.onConnect({ source: b, sourceHandle: 'next', target: a, targetHandle: 'in' });
    designer.onDelete({ nodes: useDesigner.getState().nodes.filter((n) => n.id === a), edges: [] });
    expect(currentDoc().blocks[a]).toBeUndefined();
    expect(currentDoc().blocks[b]?.next).toEqual({});
    expect(currentDoc().phases.selfService).toBeNull();
  });

  it('undoes and redoes whole edits', () => {
    const a = designer.dropBlock('play-message', 'selfService', { x: 300, y: 100 })!;
    designer.undo();
    expect(currentDoc().blocks[a]).toBeUndefined();
    designer.redo();
    expect(currentDoc().blocks[a]).toBeDefined();
  });

  it('groups keystrokes in one field into one undo step', () => {
    const a = designer.dropBlock('play-message', 'selfService', { x: 300, y: 100 })!;
    for (const label of ['H', 'He', 'Hel', 'Hello']) designer.updateBlock(a, { label }, `label:${a}`);
    expect(currentDoc().blocks[a]?.label).toBe('Hello');
    designer.undo();
    expect(currentDoc().blocks[a]?.label).toBe('Play Message');
  });

  it('starts a new undo step when the same field is edited after a pause', async () => {
    const a = designer.dropBlock('play-message', 'selfService', { x: 300, y: 100 })!;
    designer.updateBlock(a, { label: 'One' }, `label:${a}`);
    const state = useDesigner.getState();
    useDesigner.setState({
      history: { ...state.history, lastAt: state.history.lastAt - GROUP_WINDOW_MS - 1 },
    });
    designer.updateBlock(a, { label: 'Two' }, `label:${a}`);
    designer.undo();
    expect(currentDoc().blocks[a]?.label).toBe('One');
  });

  it('keeps selection out of undo history', () => {
    const a = designer.dropBlock('play-message', 'selfService', { x: 300, y: 100 })!;
    const b = designer.dropBlock('play-message', 'selfService', { x: 700, y: 100 })!;
    designer.select([a]);
    const pastLength = useDesigner.getState().history.past.length;
    designer.select([b]);
    expect(useDesigner.getState().history.past.length).toBe(pastLength);
    expect(designer.selectedBlockIds()).toEqual([b]);
  });

  it('pastes copies with fresh ids, keeping links among the copies only', () => {
    const a = designer.dropBlock('play-message', 'selfService', { x: 300, y: 100 })!;
    const b = designer.dropBlock('play-message', 'selfService', { x: 700, y: 100 })!;
    const c = designer.dropBlock('play-message', 'selfService', { x: 700, y: 300 })!;
    designer.onConnect({ source: a, sourceHandle: 'next', target: b, targetHandle: 'in' });
    designer.onConnect({ source: b, sourceHandle: 'next', target: c, targetHandle: 'in' });
    designer.select([a, b]);
    designer.paste(designer.copy()!);
    const doc = currentDoc();
    const pasted = designer.selectedBlockIds();
    expect(pasted).toHaveLength(2);
    expect(pasted).not.toContain(a);
    expect(pasted).not.toContain(b);
    const [copyA, copyB] = pasted.sort((x, y) =>
      doc.layout!.positions![x]!.x < doc.layout!.positions![y]!.x ? -1 : 1,
    );
    expect(doc.blocks[copyA!]?.next).toEqual({ next: copyB });
    expect(doc.blocks[copyB!]?.next).toEqual({});
    expect(doc.phases.selfService).toBe(a);
  });

  it('leaves out pasted blocks the target application type does not allow', () => {
    // The test menu is placed in Default applications only.
    const a = designer.dropBlock('menu', 'selfService', { x: 300, y: 100 })!;
    designer.select([a]);
    const clip = designer.copy()!;
    designer.load({ doc: newApplication('Callbacks', 'Callback', 'cb'), revision: 1, definitions });
    const before = currentDoc();
    designer.paste(clip);
    expect(currentDoc()).toBe(before);
    expect(useDesigner.getState().notice).toMatch(
      /1 pasted block\(s\) are not allowed in a Callback application/,
    );
  });

  it('re-renders only the dragged node: other node objects keep their identity', () => {
    const a = designer.dropBlock('play-message', 'selfService', { x: 300, y: 100 })!;
    designer.dropBlock('play-message', 'selfService', { x: 700, y: 100 });
    const before = useDesigner.getState().nodes;
    designer.onNodesChange([{ type: 'position', id: a, position: { x: 320, y: 120 }, dragging: true }]);
    const after = useDesigner.getState().nodes;
    const changed = after.filter((n, i) => n !== before[i]).map((n) => n.id);
    expect(changed).toEqual([a]);
  });
});

describe('designer store: breakpoints and viewport', () => {
  beforeEach(fresh);

  it('toggles a breakpoint on the selected blocks and clears it on a second toggle', () => {
    const a = designer.dropBlock('play-message', 'selfService', { x: 300, y: 100 })!;
    const b = designer.dropBlock('play-message', 'selfService', { x: 600, y: 100 })!;
    designer.toggleBreakpoints([a]);
    expect(useDesigner.getState().breakpoints).toEqual({ [a]: true });
    designer.toggleBreakpoints([a, b]);
    expect(useDesigner.getState().breakpoints).toEqual({ [a]: true, [b]: true });
    designer.toggleBreakpoints([a, b]);
    expect(useDesigner.getState().breakpoints).toEqual({});
  });

  it('ignores breakpoints on ids that are not blocks', () => {
    designer.toggleBreakpoints(['lane:selfService']);
    expect(useDesigner.getState().breakpoints).toEqual({});
  });

  it('stores the viewport in the layout without adding an undo step', () => {
    designer.dropBlock('play-message', 'selfService', { x: 300, y: 100 });
    const pastBefore = useDesigner.getState().history.past.length;
    designer.setViewport({ x: 10.4, y: -20.6, zoom: 0.75 });
    expect(currentDoc().layout?.viewport).toEqual({ x: 10, y: -21, zoom: 0.75 });
    expect(useDesigner.getState().history.past).toHaveLength(pastBefore);
    expect(useDesigner.getState().saveStatus).toBe('dirty');
  });

  it('keeps a saved draft saved when only the view moves (pan, zoom, Fit)', () => {
    designer.dropBlock('play-message', 'selfService', { x: 300, y: 100 });
    designer.saved(2, currentDoc());
    designer.setViewport({ x: 5, y: 5, zoom: 0.5 });
    expect(useDesigner.getState().saveStatus).toBe('saved');
    expect(useDesigner.getState().savedDoc).toBe(currentDoc());
  });

  it('tells a pan or zoom (only the view moved) from an edit, a move or an undo', () => {
    const a = designer.dropBlock('play-message', 'selfService', { x: 300, y: 100 })!;
    const history = () => useDesigner.getState().history;
    let before = history();
    designer.setViewport({ x: 5, y: 5, zoom: 0.5 });
    expect(onlyViewMoved(history(), before)).toBe(true);
    expect(sameButLayout(history().present, before.present)).toBe(true);
    before = history();
    designer.applyLayout({ [a]: { x: 500, y: 100 } });
    expect(onlyViewMoved(history(), before)).toBe(false);
    // Validation ignores positions: a moved block is not checked again.
    expect(sameButLayout(history().present, before.present)).toBe(true);
    before = history();
    designer.updateBlock(a, { label: 'Hello' }, null);
    expect(onlyViewMoved(history(), before)).toBe(false);
    expect(sameButLayout(history().present, before.present)).toBe(false);
    before = history();
    designer.undo();
    expect(onlyViewMoved(history(), before)).toBe(false);
  });

  it('pastes copies beside the originals, never on top of them', () => {
    const a = designer.dropBlock('play-message', 'selfService', { x: 300, y: 100 })!;
    designer.select([a]);
    const clip = designer.copy()!;
    designer.paste(clip);
    designer.paste(clip);
    const positions = Object.values(currentDoc().layout?.positions ?? {}).flatMap((p) => (p ? [p] : []));
    expect(positions).toHaveLength(3);
    for (const [i, p] of positions.entries()) {
      for (const q of positions.slice(i + 1))
        expect(Math.abs(p.x - q.x) + Math.abs(p.y - q.y)).toBeGreaterThan(60);
    }
  });
});
