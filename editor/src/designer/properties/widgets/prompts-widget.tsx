import type { Prompt } from '../../../../../schemas/common.generated.ts';
import type { FieldProps } from '../schema-field.tsx';
import { ItemButtons } from './array-of-objects.tsx';

const PLACEHOLDER: Record<Prompt['type'], string> = {
  tts: 'Text to speak; {expression} parts are filled in',
  audio: 'Audio resource name',
  variable: 'Expression whose value is spoken',
};

/** A prompt list: each prompt is text to speak, an audio resource, or a variable's value. */
export function PromptsWidget({ value, path, onChange }: FieldProps) {
  const list = (Array.isArray(value) ? value : []) as Prompt[];
  const change = (next: unknown[], p = path) => onChange(next, p);
  return (
    <div className="prompts">
      {list.map((prompt, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: prompts have no identity of their own
        <div className="prompt-row" key={index}>
          <select
            aria-label="Prompt type"
            value={prompt.type}
            onChange={(e) =>
              change(list.map((p, i) => (i === index ? { ...p, type: e.target.value as Prompt['type'] } : p)))
            }
          >
            <option value="tts">TTS</option>
            <option value="audio">Audio</option>
            <option value="variable">Variable</option>
          </select>
          <input
            aria-label="Prompt text"
            className={prompt.type === 'variable' ? 'expression' : undefined}
            placeholder={PLACEHOLDER[prompt.type]}
            value={prompt.value}
            onChange={(e) =>
              change(
                list.map((p, i) => (i === index ? { ...p, value: e.target.value } : p)),
                `${path}/${index}/value`,
              )
            }
          />
          <ItemButtons index={index} length={list.length} list={list} onChange={change} />
        </div>
      ))}
      <button type="button" onClick={() => change([...list, { type: 'tts', value: '' }])}>
        + Prompt
      </button>
    </div>
  );
}
