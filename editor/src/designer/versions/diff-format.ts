/** How values and blocks are named in a version diff: short, quoted, in the designer's words. */
import type { Application } from '../../../../schemas/application.generated.ts';
import type { BlockDefinition } from '../../../../schemas/block-definition.generated.ts';

const MAX_TEXT = 80;

/** A value as a short readable text: strings quoted, JSON otherwise, long ones cut. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  const text = typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** A block's name as the canvas shows it: its label, else its block type's title. */
export function blockName(
  doc: Application,
  id: string,
  definitions: Readonly<Record<string, BlockDefinition>>,
): string {
  const block = doc.blocks[id];
  if (!block) return id;
  return block.label || definitions[block.type]?.title || block.type;
}

/** A prompt as one line: the TTS text itself, other kinds tagged. */
export function promptText(prompt: unknown): string {
  if (!prompt || typeof prompt !== 'object') return showValue(prompt);
  const { type, value } = prompt as { type?: unknown; value?: unknown };
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return type === 'tts' || type === undefined ? `“${text}”` : `[${String(type)}] ${text}`;
}
