/**
 * The Designer's one store. The document lives in `history.present`; React Flow nodes and edges
 * are derived from it (reusing unchanged objects), selection lives only on nodes and edges, and
 * derived data (issues, the test call's path) sits beside them, never inside node data.
 */
import {
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import type { Application, Phase, VariableDeclaration } from '../../../../schemas/application.generated.ts';
import type { RunnableBlockDefinition } from '../../api/types.ts';
import { shapeOfBlock } from '../canvas/block-geometry.ts';
import { type DesignerNode, type LinkEdge, syncEdges, syncNodes } from '../canvas/flow-elements.ts';
import { BLOCK_WIDTH, clampToLane, laneBoxes } from '../canvas/lanes.ts';
import { missingPositions } from '../canvas/quick-layout.ts';
import { type ClipboardContent, copyBlocks, freePasteOffset, pasteBlocks } from '../flow/clipboard.ts';
import * as ops from '../flow/document-ops.ts';
import { allowedIn, PHASE_LABELS } from '../flow/phases.ts';
import { outcomesOf } from '../flow/ports.ts';
import { sameJson } from '../flow/same-json.ts';
import { keyboardPlacement } from '../palette/keyboard-placement.ts';
import { loadBreakpoints } from './breakpoints.ts';
import { type DesignerState, getDesigner, NO_RUN, type SaveStatus, setDesigner } from './designer-state.ts';
import { statusActions } from './designer-status.ts';
import { type History, record, redo, startHistory, undo } from './history.ts';

export * from './designer-state.ts';

const get = getDesigner;
const set = setDesigner;

/** Derives lanes, nodes and edges for a document, reusing what did not change. */
function derive(doc: Application, state: DesignerState): Pick<DesignerState, 'lanes' | 'nodes' | 'edges'> {
  const measured = new Map(state.nodes.map((n) => [n.id, n.measured?.height]));
  const shapeOf = (id: string) => shapeOfBlock(doc, state.definitions, id);
  const lanes = laneBoxes(doc, (id) => measured.get(id) ?? shapeOf(id).height);
  const sameLanes =
    lanes.length === state.lanes.length &&
    lanes.every((l, i) => JSON.stringify(l) === JSON.stringify(state.lanes[i]));
  return {
    lanes: sameLanes ? state.lanes : lanes,
    nodes: syncNodes(doc, lanes, state.nodes, shapeOf),
    edges: syncEdges(doc, state.edges),
  };
}

function withoutHandles(node: DesignerNode): DesignerNode {
  if (!node.handles) return node;
  const { handles: _, ...rest } = node;
  return rest as DesignerNode;
}

export function currentDoc(): Application {
  return get().history.present;
}

/** Records an edit as one undo step (or folds it into the running group) and re-derives the canvas. */
export function applyEdit(edit: (doc: Application) => Application, group: string | null = null): void {
  const state = get();
  const next = edit(state.history.present);
  if (next === state.history.present) return;
  const history = record(state.history, next, group);
  set({ history, ...derive(next, state), saveStatus: statusFor(state, next) });
}

/** After an edit, undo or redo: back on the saved document is saved (nothing to write), else dirty. */
function statusFor(state: DesignerState, present: Application): SaveStatus {
  if (state.saveStatus === 'conflict') return 'conflict';
  // While a save is in flight the server's copy is about to change, so only 'dirty' is safe.
  return present === state.savedDoc && state.saveStatus !== 'saving' ? 'saved' : 'dirty';
}

function replacePresent(history: History): void {
  const state = get();
  set({ history, ...derive(history.present, state), saveStatus: statusFor(state, history.present) });
}

export const designer = {
  load(args: {
    doc: Application;
    revision: number;
    definitions: RunnableBlockDefinition[];
    history?: History | null;
  }): void {
    const definitions = Object.fromEntries(args.definitions.map((d) => [d.id, d]));
    // A flow without positions (an import) is laid out before its first frame, never drawn as a
    // pile; the positions count as an unsaved change, so auto-save keeps them.
    const heightOf = (id: string) => shapeOfBlock(args.doc, definitions, id).height;
    const missing = missingPositions(args.doc, heightOf);
    const present = Object.keys(missing).length ? ops.moveBlocks(args.doc, missing) : args.doc;
    let history = args.history ?? startHistory(present);
    // A restored history whose present is the saved draft: keep the server's object so it reads as saved.
    if (history.present !== args.doc && sameJson(history.present, args.doc)) {
      history = { ...history, present: args.doc };
    }
    const base = { ...get(), definitions, nodes: [], edges: [], lanes: [] };
    set({
      applicationId: args.doc.id,
      definitions,
      history,
      revision: args.revision,
      savedDoc: args.doc,
      saveStatus: history.present === args.doc ? 'saved' : 'dirty',
      saveError: null,
      issues: [],
      issuesChecked: false,
      issueSeverity: {},
      run: NO_RUN,
      breakpoints: loadBreakpoints(args.doc.id, args.doc),
      notice: null,
      ...derive(history.present, base),
    });
  },

  undo: () => replacePresent(undo(get().history)),
  redo: () => replacePresent(redo(get().history)),

  notify(notice: string | null): void {
    set({ notice });
  },

  onNodesChange(changes: NodeChange<DesignerNode>[]): void {
    // Removals go through onDelete so they become one undoable document edit.
    const kept = changes.filter((c) => c.type !== 'remove' && c.type !== 'add' && c.type !== 'replace');
    if (!kept.length) return;
    const nodes = applyNodeChanges(kept, get().nodes);
    // A measured block drops its estimated handles, so React Flow keeps the ones it measured.
    const measured = new Set(kept.filter((c) => c.type === 'dimensions').map((c) => c.id));
    set({ nodes: measured.size ? nodes.map((n) => (measured.has(n.id) ? withoutHandles(n) : n)) : nodes });
  },

  onEdgesChange(changes: EdgeChange<LinkEdge>[]): void {
    const kept = changes.filter((c) => c.type === 'select');
    if (kept.length) set({ edges: applyEdgeChanges(kept, get().edges) });
  },

  onDelete({ nodes, edges }: { nodes: Node[]; edges: Edge[] }): void {
    applyEdit((doc) => {
      let next = doc;
      for (const e of edges) if (e.sourceHandle) next = ops.disconnect(next, e.source, e.sourceHandle);
      return ops.removeBlocks(
        next,
        nodes.filter((n) => n.type === 'block').map((n) => n.id),
      );
    });
  },

  removeBlocks(ids: readonly string[]): void {
    applyEdit((doc) => ops.removeBlocks(doc, ids));
  },

  onConnect(connection: Connection): void {
    if (!connection.sourceHandle) return;
    const result = ops.connect(currentDoc(), connection.source, connection.sourceHandle, connection.target);
    if (!result.ok) {
      designer.notify(result.reason);
      return;
    }
    applyEdit(() => result.doc);
  },

  onReconnect(old: Edge, connection: Connection): void {
    if (!old.sourceHandle || !connection.sourceHandle) return;
    const detached = ops.disconnect(currentDoc(), old.source, old.sourceHandle);
    const result = ops.connect(detached, connection.source, connection.sourceHandle, connection.target);
    if (!result.ok) {
      designer.notify(result.reason);
      return;
    }
    applyEdit(() => result.doc);
  },

  /** Dropping a link on empty canvas removes it (React Flow's reconnect-to-delete gesture). */
  disconnect(source: string, outcome: string): void {
    applyEdit((doc) => ops.disconnect(doc, source, outcome));
  },

  onNodeDragStop(dragged: Node[]): void {
    const moves: Record<string, ops.Position> = {};
    for (const n of dragged) if (n.type === 'block') moves[n.id] = clampToLane(n.position);
    applyEdit((doc) => ops.moveBlocks(doc, moves));
    // A drag that ends where it started still needs the node back on its clamped position.
    set(derive(currentDoc(), get()));
  },

  dropBlock(type: string, phase: Phase, position: ops.Position): string | null {
    const state = get();
    const definition = state.definitions[type];
    const doc = state.history.present;
    if (!definition) return null;
    if (!allowedIn(definition, doc.type, phase)) {
      designer.notify(
        `${definition.title} cannot be placed in ${PHASE_LABELS[phase]} of a ${doc.type} application.`,
      );
      return null;
    }
    const at = clampToLane({ x: position.x - BLOCK_WIDTH / 2, y: position.y - 20 });
    const added = ops.addBlock(doc, definition, phase, at);
    applyEdit(() => added.doc);
    designer.select([added.id]);
    return added.id;
  },

  /** Palette + Enter: the block goes where keyboardPlacement says and becomes the selection. */
  addBlockFromPalette(type: string): string | null {
    const state = get();
    const definition = state.definitions[type];
    const doc = state.history.present;
    const placement = definition && keyboardPlacement(doc, definition, designer.selectedBlockIds());
    if (!definition || !placement) {
      designer.notify(`${definition?.title ?? type} cannot be placed in a ${doc.type} application.`);
      return null;
    }
    const added = ops.addBlock(doc, definition, placement.phase, placement.position);
    applyEdit(() => added.doc);
    designer.select([added.id]);
    designer.notify(`Added ${definition.title} to ${PHASE_LABELS[placement.phase]}.`);
    return added.id;
  },

  setPhaseStart: (id: string) => applyEdit((doc) => ops.setPhaseStart(doc, id)),

  updateProperties(id: string, properties: Record<string, unknown>, group: string | null): void {
    applyEdit((doc) => {
      const block = doc.blocks[id];
      const definition = block && get().definitions[block.type];
      const next = ops.updateBlock(doc, id, { properties });
      if (!definition) return next;
      return ops.pruneLinks(
        next,
        id,
        outcomesOf(definition, properties, doc.type).map((o) => o.name),
      );
    }, group);
  },

  updateBlock(id: string, patch: Parameters<typeof ops.updateBlock>[2], group: string | null): void {
    applyEdit((doc) => ops.updateBlock(doc, id, patch), group);
  },

  setVariables(variables: VariableDeclaration[], group: string | null): void {
    applyEdit((doc) => ({ ...doc, variables }), group);
  },

  rename(name: string, group: string | null): void {
    applyEdit((doc) => ({ ...doc, name }), group);
  },

  /**
   * Keeps the canvas viewport in `layout.viewport` so the flow reopens where it was left. Pan and
   * zoom are not edits: the present document is replaced without an undo step.
   */
  setViewport(viewport: { x: number; y: number; zoom: number }): void {
    const state = get();
    const doc = state.history.present;
    const rounded = {
      x: Math.round(viewport.x),
      y: Math.round(viewport.y),
      zoom: Math.round(viewport.zoom * 1000) / 1000,
    };
    if (sameJson(doc.layout?.viewport, rounded)) return;
    const present = { ...doc, layout: { ...doc.layout, viewport: rounded } };
    // Looking around is not an edit: a saved draft stays "Saved" (the view travels with the next
    // real save), so pan, zoom and Fit never raise "Unsaved" or a leave-page warning.
    const clean = doc === state.savedDoc && state.saveStatus === 'saved';
    set({
      history: { ...state.history, present },
      ...(clean ? { savedDoc: present } : { saveStatus: statusFor(state, present) }),
    });
  },

  applyLayout(positions: Record<string, ops.Position>): void {
    applyEdit((doc) => ops.moveBlocks(doc, positions));
  },

  select(ids: readonly string[]): void {
    const wanted = new Set(ids);
    set({
      nodes: get().nodes.map((n) => {
        const selected = wanted.has(n.id);
        return !!n.selected === selected ? n : { ...n, selected };
      }),
      edges: get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
    });
  },

  selectedBlockIds(): string[] {
    return get()
      .nodes.filter((n) => n.type === 'block' && n.selected)
      .map((n) => n.id);
  },

  copy(): ClipboardContent | null {
    return copyBlocks(currentDoc(), designer.selectedBlockIds());
  },

  /**
   * Pastes blocks copied here or in another application (the clipboard is in localStorage). Blocks
   * the target's application type does not allow in their phase are left out, and the user told.
   */
  paste(clip: ClipboardContent): void {
    const state = get();
    const doc = state.history.present;
    const blocks = Object.fromEntries(
      Object.entries(clip.blocks).filter(([, block]) => {
        const definition = state.definitions[block.type];
        return definition && allowedIn(definition, doc.type, block.phase);
      }),
    );
    const left = Object.keys(clip.blocks).length - Object.keys(blocks).length;
    if (left > 0)
      designer.notify(
        `${left} pasted block(s) are not allowed in a ${doc.type} application and were left out.`,
      );
    if (Object.keys(blocks).length === 0) return;
    const kept = { ...clip, blocks };
    const result = pasteBlocks(doc, kept, freePasteOffset(doc, kept));
    applyEdit(() => result.doc);
    designer.select(Object.values(result.idMap));
  },

  ...statusActions,
};
