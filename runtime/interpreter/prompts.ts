import type { Prompt } from '../../schemas/common.generated.ts';
import { type ExpressionScope, evaluate, renderTemplate, toText } from '../expressions/index.ts';

/** What the caller hears, as text: tts with its {expressions} filled in, variables spoken, audio named. */
export function promptText(prompt: Prompt, scope: ExpressionScope): string {
  if (prompt.type === 'audio') return `[audio:${prompt.value}]`;
  if (prompt.type === 'variable') return toText(evaluate(prompt.value, scope));
  return renderTemplate(prompt.value, scope);
}
