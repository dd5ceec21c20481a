/**
 * The Designer store's state and its creation: what every action module reads and writes. The
 * actions live in designer-store.ts (editing the document) and designer-status.ts (everything
 * beside it: issues, the test call's path, breakpoints, save status).
 */
import { create } from 'zustand';
import type { Application } from '../../../../schemas/application.generated.ts';
import type { TenantContext } from '../../../../schemas/flow/tenant-context.ts';
import type { RunnableBlockDefinition, ValidationIssue } from '../../api/types.ts';
import type { DesignerNode, LinkEdge } from '../canvas/flow-elements.ts';
import type { LaneBox } from '../canvas/lanes.ts';
import { type History, startHistory } from './history.ts';

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

export interface RunHighlight {
  currentBlockId: string | null;
  /** The call stopped at a breakpoint (or after a step) before running currentBlockId. */
  paused: boolean;
  visited: Record<string, true>;
  takenEdges: Record<string, true>;
}

export interface DesignerState {
  applicationId: string | null;
  definitions: Record<string, RunnableBlockDefinition>;
  history: History;
  /** Revision of the draft on the server and the document saved with it. */
  revision: number;
  savedDoc: Application | null;
  saveStatus: SaveStatus;
  saveError: string | null;
  lanes: LaneBox[];
  nodes: DesignerNode[];
  edges: LinkEdge[];
  issues: ValidationIssue[];
  /** Whether the flow has been checked since it opened: until then no issue list is known. */
  issuesChecked: boolean;
  issueSeverity: Record<string, 'error' | 'warning'>;
  run: RunHighlight;
  /** Blocks a test call pauses before; editor-only, not part of the document. */
  breakpoints: Record<string, true>;
  notice: string | null;
  /** Blocks matching the Find box, and the one Find moved to; editor-only. */
  searchMatches: Record<string, true>;
  searchCurrent: string | null;
  /**
   * The tenant's queues, hours, rules and applications, for validation: undefined until asked,
   * null when they could not be read (the flow is then checked without them).
   */
  tenant: TenantContext | null | undefined;
  /** The property an issue pointed at, highlighted in the properties panel. */
  focusedField: { blockId: string; pointer: string } | null;
}

export const NO_RUN: RunHighlight = { currentBlockId: null, paused: false, visited: {}, takenEdges: {} };

const EMPTY_DOC: Application = {
  schemaVersion: 1,
  id: 'none',
  name: '',
  type: 'Default',
  variables: [],
  phases: { initialize: null, selfService: null, assistedService: null, finalize: null },
  blocks: {},
};

export const useDesigner = create<DesignerState>()(() => ({
  applicationId: null,
  definitions: {},
  history: startHistory(EMPTY_DOC),
  revision: 0,
  savedDoc: null,
  saveStatus: 'saved',
  saveError: null,
  lanes: [],
  nodes: [],
  edges: [],
  issues: [],
  issuesChecked: false,
  issueSeverity: {},
  run: NO_RUN,
  breakpoints: {},
  notice: null,
  searchMatches: {},
  searchCurrent: null,
  tenant: undefined,
  focusedField: null,
}));

export const getDesigner = () => useDesigner.getState();
export const setDesigner = useDesigner.setState;
