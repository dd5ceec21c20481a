/** One difference between two versions of an application, as the versions panel lists it. */
export type ChangeKind =
  | 'applicationChanged'
  | 'phaseStartChanged'
  | 'variableAdded'
  | 'variableRemoved'
  | 'variableChanged'
  | 'blockAdded'
  | 'blockRemoved'
  | 'promptChanged'
  | 'optionAdded'
  | 'optionRemoved'
  | 'propertyChanged'
  | 'blockRewired'
  | 'blockMoved';

export interface FlowChange {
  kind: ChangeKind;
  /** The block concerned, by its stable id. */
  blockId?: string;
  /** One line in the designer's words, e.g. `Main menu › Prompts #1: “Hi” → “Hello”`. */
  summary: string;
  /** JSON pointer into the newer document (or the older one for removals). */
  path?: string;
  before?: unknown;
  after?: unknown;
  /** For property changes, what the property is about, so the panel can group or tint it. */
  topic?: 'expression' | 'queue' | 'businessHours';
}
