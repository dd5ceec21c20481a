import type { FieldProps } from '../schema-field.tsx';
import { ItemButtons } from './array-of-objects.tsx';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'];

interface DtmfOption {
  digit: string;
  label: string;
}

/** Menu options: a digit (each used once) and a label; each becomes an outcome port. */
export function DtmfOptionsWidget({ value, path, onChange }: FieldProps) {
  const list = (Array.isArray(value) ? value : []) as DtmfOption[];
  const used = new Set(list.map((o) => o.digit));
  const change = (next: unknown[], p = path) => onChange(next, p);
  const nextDigit = DIGITS.find((d) => !used.has(d));
  return (
    <div className="dtmf-options">
      {list.map((option, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place
        <div className="prompt-row" key={index}>
          <select
            aria-label="Digit"
            value={option.digit}
            onChange={(e) => change(list.map((o, i) => (i === index ? { ...o, digit: e.target.value } : o)))}
          >
            {DIGITS.filter((d) => d === option.digit || !used.has(d)).map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
          <input
            aria-label="Option label"
            placeholder="Label"
            value={option.label}
            onChange={(e) =>
              change(
                list.map((o, i) => (i === index ? { ...o, label: e.target.value } : o)),
                `${path}/${index}/label`,
              )
            }
          />
          <ItemButtons index={index} length={list.length} list={list} onChange={change} />
        </div>
      ))}
      {nextDigit && (
        <button
          type="button"
          onClick={() => change([...list, { digit: nextDigit, label: `Option ${nextDigit}` }])}
        >
          + Option
        </button>
      )}
    </div>
  );
}
